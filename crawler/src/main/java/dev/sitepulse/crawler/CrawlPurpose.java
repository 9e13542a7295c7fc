package dev.sitepulse.crawler;

/** What a crawl is for, which decides what it keeps beyond crawl.db's URLs and links. */
public enum CrawlPurpose {
  /** Build the Lucene index that {@code search} reads; links are kept without source lines. */
  SEARCH,
  /**
   * Check links: keep the source line of every link, which costs jsoup's position tracking
   * (about a third of parse time), and build no search index, which nobody would read.
   */
  LINK_CHECK
}
