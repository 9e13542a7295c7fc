package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.CrawlStop;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A crawl loop whose hosts are timed by a ticker the test moves, its timers (its progress ticks too)
 * fired by hand, so that
 * delays and waits of seconds pass without waiting for them. Records when, by the ticker, each page
 * fetch started.
 */
final class TickedLoop {

  /** Where the ticker starts. */
  static final long START = 1_000_000_000L;

  /** What the test does while the crawl runs: fire the loop's timers once it has moved the ticker. */
  @FunctionalInterface
  interface Driver {
    void drive(LoopThreads threads) throws Exception;
  }

  final AtomicLong ticker = new AtomicLong(START);
  final HandFiredTimers timers = new HandFiredTimers();
  final Map<String, Long> fetchedAt = new ConcurrentHashMap<>();
  private final Clock clock;

  /** The time of day the system's. */
  TickedLoop() {
    this(Clock.systemUTC());
  }

  /** The time of day (when a page was fetched, when a held-back host may be asked again) told by {@code clock}. */
  TickedLoop(Clock clock) {
    this.clock = clock;
  }

  /** Crawls {@code seed} one fetch at a time, as {@code config} says, while {@code driver} runs. */
  CrawlStats crawl(CrawlConfig config, String seed, Driver driver) throws Exception {
    return crawl(config, seed, CrawlListener.NONE, new CrawlStop(), driver);
  }

  /** As above, telling {@code listener} the progress and stopped by {@code stop}. */
  CrawlStats crawl(CrawlConfig config, String seed, CrawlListener listener, CrawlStop stop, Driver driver)
      throws Exception {
    try (OneAtATimeLoop parts = OneAtATimeLoop.withSeedQueued(config, seed)) {
      CrawlSetup setup = parts.setup(stop, null, WriteBacklog.MAX_ROWS_WAITING, timers, ticker::get, listener,
          clock);
      CrawlLoop loop = new CrawlLoop(setup, (url, validators, maxBody) -> {
        fetchedAt.put(url, ticker.get());
        return parts.fetcher.fetch(url, validators, maxBody);
      });
      loop.adoptIfNew(seed);
      CompletableFuture<CrawlStats> crawl = loop.start();
      driver.drive(parts.threads);
      return crawl.get(60, TimeUnit.SECONDS); // a bound on a crawl of two local pages, not a speed goal
    }
  }
}
