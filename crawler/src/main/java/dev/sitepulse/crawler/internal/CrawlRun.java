package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlException;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.CrawlScope;
import dev.sitepulse.crawler.CrawlStart;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.FinishedCrawl;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.index.PageIndex;
import dev.sitepulse.crawler.parse.Embed;
import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import dev.sitepulse.crawler.store.PriorFetch;
import dev.sitepulse.crawler.store.UrlState;
import dev.sitepulse.crawler.urls.LinkRules;
import dev.sitepulse.pinger.DataDirLock;
import dev.sitepulse.pinger.Fetcher;
import dev.sitepulse.pinger.IoErrors;
import dev.sitepulse.pinger.ShownUrl;
import dev.sitepulse.pinger.Threads;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a crawl's state, runs its loop to the end, and closes everything in a safe order. */
public final class CrawlRun {

  private static final Logger LOG = LoggerFactory.getLogger(CrawlRun.class);

  private CrawlRun() {}

  public static CrawlStats run(CrawlConfig config, CrawlListener listener, CrawlStop stop)
      throws CrawlException {
    return runKeepingRobots(config, listener, stop).stats();
  }

  /** As {@link #run}, keeping what {@link FinishedCrawl} holds besides the counters. */
  public static FinishedCrawl runKeepingRobots(CrawlConfig config, CrawlListener listener, CrawlStop stop)
      throws CrawlException {
    return runKeepingRobots(config, listener, stop, LoopTimers::on, Clock.systemUTC());
  }

  /**
   * As {@link #runKeepingRobots}, with the loop's timers made on its Vert.x by {@code timers}, and
   * pages fetched at the time {@code clock} tells.
   */
  static FinishedCrawl runKeepingRobots(CrawlConfig config, CrawlListener listener, CrawlStop stop,
      Function<Vertx, LoopTimers> timers, Clock clock) throws CrawlException {
    return runKeepingRobots(config, listener, stop, timers, clock, UnaryOperator.identity());
  }

  /**
   * As above, with crawl.db's writer thread wrapped by {@code crawlDbWrites}: a test sees each
   * transaction, where a kill could fall.
   */
  static FinishedCrawl runKeepingRobots(CrawlConfig config, CrawlListener listener, CrawlStop stop,
      Function<Vertx, LoopTimers> timers, Clock clock, UnaryOperator<Executor> crawlDbWrites)
      throws CrawlException {
    List<String> seeds = normalizedSeeds(config); // before any wipe: a bad seed changes nothing
    try (DataDirLock held = CrawlFolder.open(config, seeds)) {
      return crawl(config, listener, stop, seeds, timers, clock, crawlDbWrites);
    }
  }

  private static FinishedCrawl crawl(CrawlConfig config, CrawlListener listener, CrawlStop stop,
      List<String> seeds, Function<Vertx, LoopTimers> timers, Clock clock,
      UnaryOperator<Executor> crawlDbWrites) throws CrawlException {
    if (config.ignoreRobots()) {
      LOG.warn("--ignore-robots: robots.txt is not obeyed, only read for the sitemaps it names; crawl only sites"
          + " you are allowed to");
    }
    for (String seed : seeds) {
      String folder = CrawlScope.folderWithoutItsSlash(config, seed);
      if (folder != null) {
        LOG.warn("--scope prefix keeps to the folder of {}, which is {}; if {} is a folder, give {}/ to keep to it",
            seed, folder, seed, seed);
      }
    }
    int parserThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService parsers = Executors.newFixedThreadPool(parserThreads, Threads.daemon("sitepulse-parse"));
    ExecutorService indexer = Executors.newSingleThreadExecutor(Threads.daemon("sitepulse-index"));
    parsers.execute(BodyHash::isNative);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    boolean newDb = !Files.exists(config.crawlDb());
    try (CrawlDb db = CrawlDb.open(config.crawlDb(), newDb && config.purpose() == CrawlPurpose.LINK_CHECK,
            crawlDbWrites);
        PageIndex index = config.purpose() == CrawlPurpose.SEARCH
            ? PageIndex.open(config.indexDir()) : null;
        Fetcher fetcher = Fetcher.create(config.concurrency() * 2, config.timeout(), config.maxBodyBytes(),
            config.userAgent(), config.requestHeaders(Map.of("Accept", CrawlConfig.ACCEPT)));
        WarcSink warc = config.warc() ? WarcSink.open(config.warcDir(), clock) : null) {
      Resumed resumed = resume(config, db, index);
      IndexCommits commits = new IndexCommits(index, db, resumed.lastSeq(), parsers);
      Frontier frontier = new Frontier(config.concurrency(), config.perHost(), config.delay().toNanos());
      frontier.limitFetches(config.maxPages()); // before seeding: a resumed queue may be a trap's million
      Context context = vertx.getOrCreateContext();
      CrawlScope scope = new CrawlScope(config, seeds);
      CrawlLoop loop = new CrawlLoop(new CrawlSetup(config, vertx, context, frontier, fetcher, db,
          commits, scope, parsers, parserThreads, indexer, listener, stop, warc, seeds,
          timers.apply(vertx), clock, System::nanoTime, WriteBacklog.MAX_ROWS_WAITING));
      EarlierRuns earlier = loop.earlierRuns();
      resumed.canonicalsWithoutDocument().forEach(earlier::canonicalWithoutDocument);
      resumed.deferred().forEach(p -> earlier.awaitCanonical(p.canonical(), new QueuedUrl(p.url(), p.depth())));
      if (config.purpose() == CrawlPurpose.LINK_CHECK) {
        db.queuedResources(Embed.FRAMES).forEach(earlier::leafResource);
      }
      seed(frontier, db, loop, resumed, seeds);
      // Fetched, as the notice says: a URL robots.txt disallowed was kept, but never fetched.
      long kept = resumed.known().stream()
          .filter(k -> k.state() == UrlState.DONE || k.state() == UrlState.FAILED).count();
      if (config.start() == CrawlStart.RESUME && kept > 0) {
        listener.resumed(kept, frontier.queued() + frontier.pastReach());
      }
      // After seeding, which tells the loop which pages queued again hold their bytes.
      resumed.copies().forEach(c -> earlier.copyFoundBefore(c.original(), new QueuedUrl(c.url(), c.depth())));
      CrawlStats stats;
      try {
        stats = loop.start().get();
      } finally {
        // After a crash, parse workers may still be handling pages, and fetches in flight still
        // coming back to the loop: both must be done before the index, crawl.db and the WARC file
        // close under them. (After a normal end they are idle already.)
        stopAndWait(parsers, indexer);
        closeAndWait(vertx);
      }
      listener.finished(stats);
      return new FinishedCrawl(stats, loop.robotsRead(), frontier.abandonedOrigins(), loop.triesCut());
    } catch (SQLException e) {
      throw new CrawlException(config.crawlDb() + ": " + IoErrors.why(e), e);
    } catch (IOException e) {
      throw new CrawlException("cannot use " + config.dataDir() + ": " + CrawlFolder.reason(config.dataDir(), e), e);
    } catch (UncheckedIOException e) { // opening the index; its message names the folder
      throw new CrawlException(e.getMessage(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new CrawlException("crawl failed: " + ((cause instanceof IllegalStateException
          || cause instanceof UncheckedIOException) && cause.getMessage() != null ? cause.getMessage() : cause), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CrawlException("crawl interrupted", e);
    } finally {
      parsers.shutdownNow();
      indexer.shutdownNow();
      closeAndWait(vertx); // again: a failure before the loop began (opening, resuming) never reached the one above
    }
  }

  /**
   * What earlier runs left in crawl.db and the index, once prepared for this run.
   *
   * @param lastSeq the highest sequence number given so far, which this run numbers its pages after
   * @param canonicalsWithoutDocument canonical URLs found without a document (a search only)
   * @param deferred pages waiting on a canonical URL not fetched yet (a search only)
   * @param copies exact duplicates of pages queued again (a search only)
   * @param known every URL crawl.db knows, in the order it learnt them
   * @param earlierDocuments pages a killed run indexed that the index's last commit holds an
   *     earlier run's document of, which records no hash of its bytes (made before this version): made
   *     from other bytes, perhaps, than those crawl.db holds
   */
  private record Resumed(long lastSeq, List<String> canonicalsWithoutDocument,
      List<CrawlDb.DeferredPage> deferred, List<CrawlDb.CopyOfQueued> copies, List<CrawlDb.KnownUrl> known,
      Set<String> earlierDocuments) {}

  /**
   * Puts back in the queue what a killed run left in flight or uncommitted (every URL, on a
   * refresh) and the pages of canonicals without a document, then removes again the documents of
   * pages recorded without one after the index's last commit. Before the loop starts.
   *
   * @param index null for a link check
   */
  private static Resumed resume(CrawlConfig config, CrawlDb db, PageIndex index) throws SQLException {
    long committedSeq = IndexCommits.committedSeq(index);
    List<String> uncommitted = index == null ? List.of() : db.indexedSince(committedSeq);
    db.resume(committedSeq);
    Set<String> earlierDocuments = new HashSet<>(uncommitted);
    if (!uncommitted.isEmpty()) {
      List<String> withoutDocument = index.withoutDocument(uncommitted);
      db.markWithoutDocument(withoutDocument);
      withoutDocument.forEach(earlierDocuments::remove);
      // Before the copies are queued again below: those of bytes the killed run never committed go.
      Map<String, String> committedBytes = index.committedContentHashes(earlierDocuments);
      db.holdBytesOfCommittedDocuments(committedBytes);
      earlierDocuments.removeAll(committedBytes.keySet());
    }
    if (config.start() == CrawlStart.REFRESH) {
      db.queueAllAgain();
    }
    boolean indexes = config.purpose() == CrawlPurpose.SEARCH;
    List<String> canonicalsWithoutDocument =
        indexes ? db.queueAgainPagesOfCanonicalsWithoutDocument() : List.of();
    if (indexes) {
      db.queueAgainCopiesOfPagesWithoutTheirBytes();
    }
    List<CrawlDb.DeferredPage> deferred = indexes ? db.pagesAwaitingCanonical() : List.of();
    List<CrawlDb.CopyOfQueued> copies = indexes ? db.copiesOfQueuedPages() : List.of();
    List<CrawlDb.KnownUrl> known = db.knownUrls(indexes);
    long lastSeq = index == null ? db.maxSeq() : Math.max(committedSeq, db.maxSeq());
    if (index != null) {
      IndexCommits.removeAgain(index, db.withoutDocumentSince(committedSeq), lastSeq);
    }
    return new Resumed(lastSeq, canonicalsWithoutDocument, deferred, copies, known, earlierDocuments);
  }

  /** No interrupts: one could close a Lucene file channel under a worker in the middle of a write. */
  private static void stopAndWait(ExecutorService... pools) throws InterruptedException {
    for (ExecutorService pool : pools) {
      pool.shutdown();
    }
    for (ExecutorService pool : pools) {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("a crawl worker did not stop within 10 s; closing the index and crawl.db anyway");
      }
    }
  }

  /**
   * Waits, briefly, for the event loop to stop. A JVM exiting while a thread is still in native
   * code (the loop's epoll_wait) waits 300 ms for it first, which was a third of a small crawl's
   * process time.
   */
  private static void closeAndWait(Vertx vertx) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(2, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("Vert.x did not close cleanly", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Puts the resumed queue and any new seeds into the frontier, before the loop starts. */
  private static void seed(Frontier frontier, CrawlDb db, CrawlLoop loop, Resumed resumed, List<String> seeds)
      throws SQLException {
    List<CrawlDb.KnownUrl> known = resumed.known();
    EarlierRuns earlier = loop.earlierRuns();
    for (CrawlDb.KnownUrl k : known) {
      if (k.state() == UrlState.QUEUED) {
        frontier.offer(k.url(), k.depth());
        loop.adoptIfNew(k.url());
        earlier.remember(k.url(), k.prior());
        PriorFetch prior = k.prior();
        if (prior != null && prior.indexed() && !prior.duplicate() && prior.contentHash() != null) {
          earlier.bodyQueuedAgain(k.url(), prior.contentHash(), !resumed.earlierDocuments().contains(k.url()));
        }
      } else {
        frontier.markSeen(k.url());
        if (k.contentHash() != null) {
          earlier.bodyFetchedBefore(k.url(), k.contentHash());
        }
      }
    }
    List<QueuedUrl> fresh = new ArrayList<>();
    for (String seed : seeds) {
      if (frontier.offer(seed, 0)) { // every URL crawl.db knows is in the frontier's seen set now
        fresh.add(new QueuedUrl(seed, 0));
      } else if (SeedSitemaps.isSitemapOrFeed(db.seedContentType(seed))) {
        earlier.readSeedSitemapAgain(seed);
      }
      // A seed known before is not fetched again, but its host's robots.txt and sitemaps are read
      // as in a fresh run: an earlier run may have ended before it read them (--max-pages, a stop),
      // and they may list pages it has not seen.
      loop.adoptIfNew(seed);
    }
    db.enqueue(fresh);
    if (!known.isEmpty()) {
      LOG.info("resuming: {} URLs known, {} queued", known.size(), frontier.queued() + frontier.pastReach());
    }
  }

  /**
   * The seeds as the crawl reads them: normalized, each once. The scope is drawn from these.
   *
   * @throws IllegalArgumentException naming a seed the crawl cannot fetch, worded as CrawlSpec
   *     words it (a config or the command line is checked there first)
   */
  public static List<String> normalizedSeeds(CrawlConfig config) {
    Set<String> out = new LinkedHashSet<>();
    LinkRules rules = config.linkRules();
    for (String seed : config.seeds()) {
      String n = rules.normalize(seed);
      if (n == null) {
        throw new IllegalArgumentException("seed is " + LinkRules.whyNot(seed) + ": " + ShownUrl.of(seed));
      }
      out.add(n);
    }
    return List.copyOf(out);
  }
}
