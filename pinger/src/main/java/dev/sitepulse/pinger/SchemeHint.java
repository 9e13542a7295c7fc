package dev.sitepulse.pinger;

import java.util.regex.Pattern;

/**
 * What a URL written without its scheme ({@code 127.0.0.1:8941/}, {@code docs.python.org/3/}) was
 * probably meant to be, for the message that refuses it: wget and curl take such a URL as http, so
 * people write them so.
 */
public final class SchemeHint {
  /**
   * A host (a name with a dot, localhost, or an IPv6 address in brackets) and an optional port,
   * then the end or a path, query or fragment: {@code mailto:a@b.c} or {@code note:x} is no such
   * URL.
   */
  private static final Pattern HOST_FIRST = Pattern.compile(
      "(?:[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+|localhost|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?(?:[/?#].*)?",
      Pattern.DOTALL);

  /**
   * A file name: {@code sitepulse ping targets.yaml} forgot its {@code -c}, and "did you mean
   * http://targets.yaml?" would send the user the wrong way.
   */
  private static final Pattern FILE_NAME = Pattern.compile(
      "[^/?#:]+\\.(?:ya?ml|json|txt|csv|conf|cfg|ini|toml|xml|html?|md|log|gz|zip)", Pattern.CASE_INSENSITIVE);

  private SchemeHint() {}

  /** " (did you mean http://URL?)" for a URL that starts with a host; else "". */
  public static String of(String url) {
    String u = url == null ? "" : url.strip();
    return HOST_FIRST.matcher(u).matches() && !FILE_NAME.matcher(u).matches() ? " (did you mean http://" + u + "?)" : "";
  }
}
