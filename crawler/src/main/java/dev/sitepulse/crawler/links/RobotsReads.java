package dev.sitepulse.crawler.links;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.politeness.FetchRetries;
import dev.sitepulse.crawler.robots.RobotsRules;
import dev.sitepulse.crawler.robots.RobotsTxt;
import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.Fetcher;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A link check's reads of robots.txt, tried as the crawl tries its own: one that could not be read
 * (no answer, a server error, a 429) is fetched twice more, 1 s then 2 s later, or as long as a 429
 * or 503 asks, within --max-backoff. Once the check is stopped, no read or retry starts: its
 * future then never completes, and a wait for it ends at the stop ({@link OnlineStop#await}).
 */
final class RobotsReads {

  private RobotsReads() {}

  /** A robots.txt as fetched the last time, and its rules. */
  record Read(FetchResult fetched, RobotsRules rules) {

    /** Why it could not be read, for a warning: {@link #why(FetchResult)}. */
    String why() {
      return RobotsReads.why(fetched);
    }
  }

  /** Why a robots.txt could not be read: the failure, or "it answered 503 Service Unavailable". */
  static String why(FetchResult fetched) {
    return fetched.failed() ? fetched.message() : "it answered " + fetched.message();
  }

  static CompletableFuture<Read> read(CrawlConfig crawl, Fetcher fetcher, String origin, OnlineStop stop) {
    return read(crawl, fetcher, origin, 1, Duration.ZERO, stop);
  }

  private static CompletableFuture<Read> read(CrawlConfig crawl, Fetcher fetcher, String origin, int tries,
      Duration waited, OnlineStop stop) {
    return stop.unlessStopped(() -> RobotsTxt.fetch(fetcher, origin)).thenCompose(r -> {
      RobotsRules rules = RobotsRules.from(r, crawl.userAgent());
      Duration wait = FetchRetries.readRetryWait(r, rules.unreachable() != null, tries, waited, crawl.maxBackoff());
      if (wait == null) {
        return CompletableFuture.completedFuture(new Read(r, rules));
      }
      return stop.unlessStopped(() -> CompletableFuture.runAsync(() -> {},
              CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS))
          .thenCompose(v -> read(crawl, fetcher, origin, tries + 1, waited.plus(wait), stop)));
    });
  }
}
