package dev.sitepulse.crawler.links;

/**
 * A page that links to a target: where, and with what anchor text.
 *
 * @param line the link's 1-based source line, or 0 when unknown: the link was recorded by a crawl
 *     for search (which skips position tracking) in a data directory that {@code links} resumed
 */
public record Referrer(String page, String anchorText, int line) {

  /** {@code page:line}, or the page alone when the line is unknown. */
  public String where() {
    return line > 0 ? page + ":" + line : page;
  }
}
