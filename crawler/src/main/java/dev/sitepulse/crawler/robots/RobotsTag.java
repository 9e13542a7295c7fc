package dev.sitepulse.crawler.robots;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a response's X-Robots-Tag headers ask of an indexer: meta robots sent as a header, which
 * a server can add to any page without touching it. A header may address one crawler by name
 * ({@code googlebot: noindex}); those naming another are not ours. Where directives disagree the
 * stricter holds, as search engines read them.
 */
public record RobotsTag(boolean noindex, boolean nofollow) {

  public static final RobotsTag NONE = new RobotsTag(false, false);

  /** Directives written {@code name: value}, which a crawler's name before a colon must not be taken for. */
  private static final Set<String> DIRECTIVES_WITH_VALUES = Set.of(
      "unavailable_after", "max-snippet", "max-image-preview", "max-video-preview");

  /** @param userAgent our User-Agent header, whose product names us */
  public static RobotsTag of(List<String> headers, String userAgent) {
    if (headers.isEmpty()) {
      return NONE;
    }
    String us = RobotsRules.productToken(userAgent);
    boolean noindex = false;
    boolean nofollow = false;
    for (String header : headers) {
      String directives = header;
      int colon = header.indexOf(':');
      if (colon > 0) {
        String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        if (!name.contains(",") && !DIRECTIVES_WITH_VALUES.contains(name)) {
          if (!name.equals(us)) {
            continue;
          }
          directives = header.substring(colon + 1);
        }
      }
      for (String directive : directives.split(",")) {
        String d = directive.strip().toLowerCase(Locale.ROOT);
        noindex |= d.equals("noindex") || d.equals("none");
        nofollow |= d.equals("nofollow") || d.equals("none");
      }
    }
    return noindex || nofollow ? new RobotsTag(noindex, nofollow) : NONE;
  }
}
