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

  public String column() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
