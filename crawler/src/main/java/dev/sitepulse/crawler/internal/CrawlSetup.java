package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlScope;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.pinger.Fetcher;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;

/**
 * Everything a crawl loop works with, opened and wired by {@link CrawlRun}.
 *
 * @param clock the time a page is fetched at, for crawl.db, the index, the WARC file and robots'
 *     {@code unavailable_after} dates
 * @param nanoTime the time the loop tells its hosts' delays, turns and back-offs by, its robots.txt
 *     and sitemap reads' too: System.nanoTime() but in a test
 * @param seeds the crawl's seeds, normalized
 * @param maxRowsWaiting rows waiting for crawl.db's writer past which no fetch starts
 */
record CrawlSetup(
    CrawlConfig config,
    Vertx vertx,
    Context context,
    Frontier frontier,
    Fetcher fetcher,
    CrawlDb db,
    IndexCommits commits,
    CrawlScope scope,
    ExecutorService parsers,
    int parserThreads,
    ExecutorService indexer,
    CrawlListener listener,
    CrawlStop stop,
    WarcSink warc,
    List<String> seeds,
    LoopTimers timers,
    Clock clock,
    LongSupplier nanoTime,
    long maxRowsWaiting) {}
