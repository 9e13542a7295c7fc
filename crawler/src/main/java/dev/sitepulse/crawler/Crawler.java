package dev.sitepulse.crawler;

import dev.sitepulse.crawler.internal.CrawlRun;
import dev.sitepulse.crawler.urls.LinkRules;
import java.util.List;

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
   * As {@link #run(CrawlConfig, CrawlListener, CrawlStop)}, keeping the robots.txt rules the crawl
   * read and the hosts it gave up on: a link check asks those hosts again after it, as the crawl
   * did, without reading them a second time.
   */
  public static FinishedCrawl runKeepingRobots(CrawlConfig config, CrawlListener listener, CrawlStop stop)
      throws CrawlException {
    return CrawlRun.runKeepingRobots(config, listener, stop);
  }

  /**
   * The seeds as a crawl reads them: normalized, each once. Its scope is drawn from these.
   *
   * @throws IllegalArgumentException naming a seed a crawl cannot fetch
   */
  public static List<String> normalizedSeeds(CrawlConfig config) {
    return CrawlRun.normalizedSeeds(config);
  }

  /**
   * Why a crawl cannot fetch {@code url} ("not an http(s) URL", "on port 99999, outside 1 to
   * 65535"), or null when it can: an http(s) URL of at most 8 KB that normalizes. A link to
   * anything else is recorded but never followed.
   */
  public static String whyNotFetchable(String url) {
    return LinkRules.whyNot(url);
  }
}
