package dev.sitepulse.crawler;

/** Hears how a crawl goes; every method does nothing unless overridden. */
public interface CrawlListener {

  CrawlListener NONE = new CrawlListener() {};

  /** Called about once a second from the crawl's event loop, never after {@link #finished}; must return quickly. */
  default void progress(CrawlStats stats) {}

  /** Called once, when the index is committed and the crawl is over. */
  default void finished(CrawlStats stats) {}
}
