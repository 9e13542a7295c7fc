package dev.sitepulse.pinger;

import java.util.regex.Pattern;

/**
 * A URL as an error, note, log line or output may show it: without its {@code user:password@},
 * which a target and a webhook send as Basic authorization instead. For the URLs that are shown
 * only because something is wrong with them (a port past 65535, a host with a space, a scheme
 * other than http), so that they cannot be parsed, and for the text of links a page holds.
 */
public final class ShownUrl {
  /**
   * A scheme and the slashes after it, then the user info up to the last {@code @} before the path,
   * query or fragment, as OkHttp and browsers read it: {@code http://ops:p@ss@host/} has the
   * password {@code p@ss} (a {@code \} they end the host at is taken for part of a password: better
   * hidden than shown). Without a scheme, {@code ops:pw@host/} as curl and wget read it, which
   * take it for http (but for the schemes that address a mailbox or a message at a host, as
   * {@code mailto:ops@example.com} does, which is quoted whole, and for a text that starts with
   * its {@code @}, which hides nothing and may be a formula the CSV output must see).
   */
  private static final Pattern USER_INFO = Pattern.compile(
      "^(?:((?:[A-Za-z][A-Za-z0-9+.-]*:)?[/\\\\]+)[^/?#]*|(?!(?i:mailto|news|xmpp|sips?|im|pres|acct):)[^/?#]+)@");

  private ShownUrl() {}

  /** {@code url} without its {@code user:password@}; as it is when it has none. */
  public static String of(String url) {
    return url.indexOf('@') < 0 ? url : USER_INFO.matcher(url).replaceFirst("$1");
  }
}
