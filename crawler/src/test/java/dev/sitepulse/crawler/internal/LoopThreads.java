package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlScope;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.index.PageIndex;
import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.pinger.Fetcher;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

/**
 * The threads a test's crawl loop runs on, as a crawl has them but with one parse worker: an event
 * loop, the parse worker and the index thread; closing stops them all.
 */
final class LoopThreads implements AutoCloseable {

  final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
  final Context context = vertx.getOrCreateContext();
  final ExecutorService parsers = Executors.newFixedThreadPool(1);
  final ExecutorService indexer = Executors.newSingleThreadExecutor();

  /**
   * What a loop on these threads works with to crawl {@code seed} for search.
   *
   * @param warc null for none
   * @param maxRowsWaiting rows waiting for crawl.db's writer past which no fetch starts
   */
  CrawlSetup setup(CrawlConfig config, String seed, Frontier frontier, Fetcher fetcher, CrawlDb db,
      PageIndex index, CrawlStop stop, WarcSink warc, long maxRowsWaiting) {
    return setup(config, seed, frontier, fetcher, db, index, stop, warc, maxRowsWaiting, LoopTimers.on(vertx),
        System::nanoTime, CrawlListener.NONE, Clock.systemUTC());
  }

  /**
   * As above, the loop's timers set by {@code timers}, its hosts timed by {@code nanoTime}, its
   * progress told to {@code listener}, and the time of day told by {@code clock}.
   */
  CrawlSetup setup(CrawlConfig config, String seed, Frontier frontier, Fetcher fetcher, CrawlDb db,
      PageIndex index, CrawlStop stop, WarcSink warc, long maxRowsWaiting, LoopTimers timers,
      LongSupplier nanoTime, CrawlListener listener, Clock clock) {
    return new CrawlSetup(config, vertx, context, frontier, fetcher, db, new IndexCommits(index, db, 0, parsers),
        new CrawlScope(config, List.of(seed)), parsers, 1, indexer, listener, stop, warc,
        List.of(Frontier.originOf(seed)), timers, clock, nanoTime, maxRowsWaiting);
  }

  @Override
  public void close() {
    parsers.shutdownNow();
    indexer.shutdownNow();
    vertx.close();
  }
}
