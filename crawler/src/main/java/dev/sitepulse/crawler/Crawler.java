package dev.sitepulse.crawler;

/**
 * Crawls a site politely into crawl.db and a Lucene index, resuming where an earlier run with the
 * same data directory stopped. Blocks the calling thread until the crawl is over; the crawl itself
 * runs on a Vert.x event loop and worker threads.
 */
public final class Crawler {

  private Crawler() {}

  public static CrawlStats run(CrawlConfig config, CrawlListener listener) throws CrawlException {
    return run(config, listener, new CrawlStop());
  }

  /** As {@link #run(CrawlConfig, CrawlListener)}, ending early, committed, once {@code stop} is requested. */
  public static CrawlStats run(CrawlConfig config, CrawlListener listener, CrawlStop stop)
      throws CrawlException {
    return CrawlRun.run(config, listener, stop);
  }

  /**
   * Why a crawl cannot fetch {@code url} ("not an http(s) URL", "on port 99999, outside 1 to
   * 65535"), or null when it can: an http(s) URL of at most 8 KB that normalizes. A link to
   * anything else is recorded but never followed.
   */
  public static String whyNotFetchable(String url) {
    return CrawlRun.whyNotFetchable(url);
  }
}
