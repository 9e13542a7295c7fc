package dev.sitepulse.crawler;

/** Hears how a crawl goes; every method does nothing unless overridden. */
public interface CrawlListener {

  CrawlListener NONE = new CrawlListener() {};

  /** Called about once a second from the crawl's event loop, never after {@link #finished}; must return quickly. */
  default void progress(CrawlStats stats) {}

  /**
   * Called once before a resumed crawl (not a fresh one, nor a refresh) fetches anything, when
   * earlier runs fetched some URL; its summary counts its own fetches only. The counts are taken
   * once the URLs a killed run left in flight or uncommitted are back in the queue.
   *
   * @param kept URLs earlier runs fetched, whatever came of it (done or failed), that are not
   *     fetched again; not those robots.txt disallowed, which were never fetched
   * @param queued URLs this run is to fetch, new seeds included
   */
  default void resumed(long kept, long queued) {}

  /** Called once, when the index is committed and the crawl is over. */
  default void finished(CrawlStats stats) {}
}
