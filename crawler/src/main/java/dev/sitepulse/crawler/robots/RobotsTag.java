package dev.sitepulse.crawler.robots;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a response's X-Robots-Tag headers and a page's meta robots ask of an indexer, read alike:
 * the header is meta robots that a server can add to any page without touching it, and
 * {@code <meta name="googlebot" content="noindex">} is the header's {@code googlebot: noindex}. A
 * crawler's name before a colon addresses the directives after it, up to the next name, in the
 * same header value ({@code noindex, googlebot: nofollow, otherbot: none}); those naming another
 * crawler are not ours. Directives are apart by commas, or by spaces as pages write them too
 * ({@code noindex nofollow}). {@code unavailable_after: DATE} is {@code noindex} once the date
 * has passed. Where directives disagree the stricter holds, as search engines read them.
 *
 * @param unavailableAfter the earliest {@code unavailable_after} date for us still to come when the
 *     page was fetched, which a refresh that gets a 304 after it must heed; null for none
 */
public record RobotsTag(boolean noindex, boolean nofollow, Instant unavailableAfter) {

  public static final RobotsTag NONE = new RobotsTag(false, false);

  public RobotsTag(boolean noindex, boolean nofollow) {
    this(noindex, nofollow, null);
  }

  private static final String UNAVAILABLE_AFTER = "unavailable_after";
  /** Directives written {@code name: value}, which a crawler's name before a colon must not be taken for. */
  private static final Set<String> DIRECTIVES_WITH_VALUES = Set.of(
      UNAVAILABLE_AFTER, "max-snippet", "max-image-preview", "max-video-preview");

  /**
   * @param headers X-Robots-Tag values and meta robots in the header's form
   *     ({@code ParsedPage.robotsMeta()})
   * @param userAgent our User-Agent header, whose product names us
   * @param fetchedAt when the response came, which an {@code unavailable_after} date is compared with
   */
  public static RobotsTag of(List<String> headers, String userAgent, Instant fetchedAt) {
    if (headers.isEmpty()) {
      return NONE;
    }
    String us = RobotsRules.productToken(userAgent);
    boolean noindex = false;
    boolean nofollow = false;
    Instant until = null;
    for (String header : headers) {
      String addressed = null; // every crawler, until a name says otherwise
      String[] parts = header.split(",");
      for (int i = 0; i < parts.length; i++) {
        String d = parts[i].strip();
        int colon = d.indexOf(':');
        String name = colon > 0 ? d.substring(0, colon).strip().toLowerCase(Locale.ROOT) : null;
        if (name != null && !DIRECTIVES_WITH_VALUES.contains(name) && !name.contains(" ")) {
          addressed = name;
          d = d.substring(colon + 1).strip();
        }
        if (addressed != null && !addressed.equals(us)) {
          continue;
        }
        String lower = d.toLowerCase(Locale.ROOT);
        if (lower.startsWith(UNAVAILABLE_AFTER)) {
          String date = d.substring(d.indexOf(':') + 1).strip();
          if (UnavailableAfter.isWeekdayAlone(date) && i + 1 < parts.length) {
            date = date + "," + parts[++i]; // "Monday, 15-Aug-05 15:52:01 UTC": the comma is the date's
          }
          Instant after = UnavailableAfter.parse(date);
          noindex |= after != null && fetchedAt.isAfter(after);
          if (after != null && !fetchedAt.isAfter(after) && (until == null || after.isBefore(until))) {
            until = after;
          }
          continue;
        }
        for (String word : lower.split("\\s+")) {
          noindex |= word.equals("noindex") || word.equals("none");
          nofollow |= word.equals("nofollow") || word.equals("none");
        }
      }
    }
    return noindex || nofollow || until != null ? new RobotsTag(noindex, nofollow, until) : NONE;
  }
}
