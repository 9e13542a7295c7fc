package dev.sitepulse.crawler;

/** What a crawl does with the earlier crawl its data directory holds. */
public enum CrawlStart {
  /** Continue it: queued URLs are fetched, finished ones are not fetched again (the default). */
  RESUME,
  /** Forget it: crawl.db, the index and the WARC files are deleted first. */
  FRESH,
  /**
   * Crawl the site again over it: every known URL is fetched anew, conditionally where the last
   * response gave an ETag or Last-Modified. The index stays searchable throughout; changed pages
   * replace their documents and pages that are gone lose them.
   */
  REFRESH
}
