package dev.sitepulse.crawler.store;

/** Where a URL is in the crawl, as crawl.db records it. */
public enum UrlState {
  QUEUED,
  FETCHING,
  /** Fetched and handled: parsed and indexed if HTML, recorded otherwise. */
  DONE,
  /** Gave up after retries, or the URL cannot be fetched. */
  FAILED,
  SKIPPED_ROBOTS;

  /** URLs not fetched yet, or left in flight: an SQL list for {@code state IN}. */
  static final String UNFETCHED = "(" + QUEUED.sql() + ", " + FETCHING.sql() + ")";

  /** As crawl.db writes it: {@code queued}, {@code skipped-robots}. */
  public String column() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The column as an SQL string literal, for statements that name a state. */
  public String sql() {
    return "'" + column() + "'";
  }

  /** The state crawl.db wrote as {@code column}; one this version does not know is refused on open. */
  public static UrlState fromColumn(String column) {
    return valueOf(column.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
  }
}
