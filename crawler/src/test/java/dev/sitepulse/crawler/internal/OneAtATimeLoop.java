package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.index.PageIndex;
import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import dev.sitepulse.pinger.Fetcher;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What a loop test builds its crawl loop of, open: the loop's threads, crawl.db, the index, a
 * fetcher for the config, and a frontier that lets one fetch go at a time, the config's delay apart.
 * Closing closes them all, the threads last.
 */
final class OneAtATimeLoop implements AutoCloseable {

  final CrawlConfig config;
  final String seed;
  final LoopThreads threads = new LoopThreads();
  final CrawlDb db;
  final PageIndex index;
  final Fetcher fetcher;
  final Frontier frontier;

  private OneAtATimeLoop(CrawlConfig config, String seed, CrawlDb db) throws IOException {
    this.config = config;
    this.seed = seed;
    this.db = db;
    this.index = PageIndex.open(config.indexDir());
    this.fetcher = Fetcher.create(2, config.timeout(), config.maxBodyBytes(), config.userAgent(), Map.of());
    this.frontier = new Frontier(1, 1, config.delay().toNanos());
  }

  /** With {@code seed} queued in crawl.db and in the frontier, as a crawl starts. */
  static OneAtATimeLoop withSeedQueued(CrawlConfig config, String seed) throws Exception {
    return withSeedQueued(config, seed, CrawlDb.open(config.crawlDb()));
  }

  /** As above, on {@code db}, which closing this closes. */
  static OneAtATimeLoop withSeedQueued(CrawlConfig config, String seed, CrawlDb db) throws Exception {
    OneAtATimeLoop loop = withNothingQueued(config, seed, db);
    db.enqueue(List.of(new QueuedUrl(seed, 0)));
    loop.frontier.offer(seed, 0);
    return loop;
  }

  /** With nothing queued: what the loop fetches, it finds itself. Closing this closes {@code db}. */
  static OneAtATimeLoop withNothingQueued(CrawlConfig config, String seed, CrawlDb db) throws Exception {
    return new OneAtATimeLoop(config, seed, db);
  }

  /** The loop's setup with no WARC file, a stop never asked for and the crawl's bound on rows waiting. */
  CrawlSetup setup() {
    return setup(new CrawlStop(), null, WriteBacklog.MAX_ROWS_WAITING);
  }

  /**
   * @param warc null for none
   * @param maxRowsWaiting rows waiting for crawl.db's writer past which no fetch starts
   */
  CrawlSetup setup(CrawlStop stop, WarcSink warc, long maxRowsWaiting) {
    return threads.setup(config, seed, frontier, fetcher, db, index, stop, warc, maxRowsWaiting);
  }

  /**
   * As above, the loop's timers set by {@code timers}, its hosts timed by {@code nanoTime}, its
   * progress told to {@code listener}, and the time of day told by {@code clock}.
   */
  CrawlSetup setup(CrawlStop stop, WarcSink warc, long maxRowsWaiting, LoopTimers timers, LongSupplier nanoTime,
      CrawlListener listener, Clock clock) {
    return threads.setup(config, seed, frontier, fetcher, db, index, stop, warc, maxRowsWaiting, timers, nanoTime,
        listener, clock);
  }

  @Override
  public void close() throws Exception {
    try (LoopThreads t = threads; CrawlDb d = db; PageIndex i = index; Fetcher f = fetcher) {
      // closed in the reverse order: the fetcher first, the threads last
    }
  }
}
