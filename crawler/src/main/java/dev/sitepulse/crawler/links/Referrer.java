package dev.sitepulse.crawler.links;

/**
 * A page that links to a target, or embeds it: where, and with what anchor text.
 *
 * @param anchorText the link's text; for a resource, how the page embeds it followed by its alt
 *     text, if any, e.g. {@code <img> Team photo} or {@code <link rel=stylesheet>}
 * @param line the link's 1-based source line, or 0 when unknown: the link was recorded by a crawl
 *     for search (which skips position tracking) in a data directory that {@code links} resumed
 * @param embeddedAs how the page embeds the target, e.g. {@code <img>}, {@code <img srcset>},
 *     {@code <script>}, {@code <link rel=stylesheet>}, {@code <video poster>}; null for a link
 *     ({@code <a>} or {@code <area>})
 */
public record Referrer(String page, String anchorText, int line, String embeddedAs) {

  /** A page that links to the target. */
  public Referrer(String page, String anchorText, int line) {
    this(page, anchorText, line, null);
  }

  /**
   * A page that embeds the target.
   *
   * @param element as crawl.db keeps it, e.g. {@code img srcset}
   * @param alt the alt text, or null or "" when there is none
   */
  static Referrer embedding(String page, String element, String alt, int line) {
    String as = "<" + element + ">";
    return new Referrer(page, alt == null || alt.isEmpty() ? as : as + " " + alt, line, as);
  }

  /** Whether the page embeds the target (an image, a script…) rather than links to it. */
  public boolean embeds() {
    return embeddedAs != null;
  }

  /** {@code page:line}, or the page alone when the line is unknown. */
  public String where() {
    return line > 0 ? page + ":" + line : page;
  }
}
