package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.HostsHeldBack;
import dev.sitepulse.crawler.PolitenessWait;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.parse.PageParser;
import dev.sitepulse.crawler.politeness.FetchRetries;
import dev.sitepulse.crawler.robots.RobotsRules;
import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import dev.sitepulse.crawler.store.PageRecord.Response;
import dev.sitepulse.crawler.store.PriorFetch;
import dev.sitepulse.crawler.urls.LinkRules;
import dev.sitepulse.pinger.CacheValidators;
import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.config.Durations;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl itself, confined to one Vert.x event loop: it owns the frontier, starts fetches on
 * the pinger's workers, hands HTML to parse workers and takes results back, and never blocks.
 * Parse backlog is bounded: while workers are behind, no new fetch starts. What each host allows
 * and lists comes from {@link RobotsAndSitemaps}. The loop's steps are here; what it hands off on
 * the way has a class of its own: a retry's wait ({@link RetryTimers}), a redirect's target
 * ({@link Redirects}), the record of a page no parse worker handles ({@link UnparsedPages}), the
 * pages fetched again for their canonical ({@link CanonicalRefetches}), and the commits that end
 * the crawl ({@link CrawlEnd}). What earlier runs left it to go on from is told to
 * {@link EarlierRuns} before it starts.
 */
final class CrawlLoop {

  private static final Logger LOG = LoggerFactory.getLogger(CrawlLoop.class);

  private final CrawlConfig config;
  private final Vertx vertx;
  private final Context context;
  private final Frontier frontier;
  private final PageFetches fetches;
  private final CrawlDb db;
  private final IndexCommits commits;
  private final PageWork pages;
  private final CanonicalWaits canonicals = new CanonicalWaits();
  private final CanonicalRefetches refetches;
  private final UnparsedPages unparsed;
  private final Redirects redirects;
  private final LinkRules rules;
  private final ExecutorService parsers;
  private final CrawlListener listener;
  private final WarcSink warc;
  private final int maxPendingParse;
  private final WriteBacklog writes;
  /** The loop waits for crawl.db's writer to catch up before it polls again. */
  private boolean waitingForWriter;
  private final RobotsAndSitemaps robotsAndSitemaps;
  private final CrawlStop stop;
  private final FetchRetries retries;
  private final RetryTimers retryTimers;
  private final LoopTimers timers;
  private final Clock clock;
  /** The time the frontier's hosts are timed by: their delays, turns and back-offs. */
  private final LongSupplier nanoTime;
  private final WakeTimer wakeTimer;
  private final EarlierRuns earlierRuns;
  private final Counters counters = new Counters();
  private final TriesPending triesPending;
  /** The URLs {@link #triesPending} left queued as the crawl ended: set once, as it ends. */
  private Set<String> triesCut = Set.of();
  private final CrawlEnd end;
  private final long startNanos;
  private long progressTimer = -1;
  private long commitTimer = -1;
  private long graceTimer = -1;
  /** The page fetches under way, by URL: each one's result comes back to {@link #fetched} unless a stop cut it. */
  private final Map<String, InFlight> inFlight = new HashMap<>();
  private int pendingWork; // parses, and what workStarted counts
  private int parsing;
  /** Records handed to the WARC writer and not yet written, each holding a whole body. */
  private int warcWaiting;
  private long started;
  /** A {@link CrawlStop} came: fetch nothing new, finish what is in flight, then end as if drained. */
  private boolean stopRequested;
  /** The page limit was reached or a stop came: nothing is waited for but fetches and parses. */
  private boolean endingEarly;

  CrawlLoop(CrawlSetup setup) {
    this(setup, setup.fetcher()::fetch);
  }

  /** As above, fetching pages (not robots.txt or sitemaps) with {@code fetches}: a test's stand-in. */
  CrawlLoop(CrawlSetup setup, PageFetches fetches) {
    this.config = setup.config();
    this.vertx = setup.vertx();
    this.context = setup.context();
    this.frontier = setup.frontier();
    this.fetches = fetches;
    this.db = setup.db();
    this.commits = setup.commits();
    this.parsers = setup.parsers();
    this.listener = setup.listener();
    this.stop = setup.stop();
    this.warc = setup.warc();
    this.end = new CrawlEnd(context, setup.indexer(), commits, this::cancelTimers);
    this.pages = new PageWork(config, setup.scope(), db, commits, canonicals);
    this.refetches = new CanonicalRefetches(config.purpose(), canonicals, frontier);
    this.maxPendingParse = setup.parserThreads() * 4;
    this.writes = new WriteBacklog(db, context, setup.maxRowsWaiting());
    this.triesPending = new TriesPending(db);
    this.retries = new FetchRetries(config.purpose(), config.maxBackoff());
    this.timers = setup.timers();
    this.clock = setup.clock();
    this.nanoTime = setup.nanoTime();
    this.startNanos = nanoTime.getAsLong();
    this.wakeTimer = new WakeTimer(timers, this::pump);
    this.robotsAndSitemaps = new RobotsAndSitemaps(setup, counters, writes, retries, this::backedOffTooLong,
        this::workStarted, this::workDone);
    this.retryTimers = new RetryTimers(vertx, frontier, this::workStarted, this::workDone);
    this.earlierRuns = new EarlierRuns(config.purpose(), canonicals, pages, refetches, robotsAndSitemaps);
    this.rules = config.linkRules();
    this.redirects = new Redirects(setup.scope(), frontier, pages, robotsAndSitemaps, counters);
    this.unparsed = new UnparsedPages(setup, counters, pages, refetches, end, this::workStarted,
        this::workDone);
  }

  /** Starts on the event loop; the future completes when the crawl is over and committed. */
  CompletableFuture<CrawlStats> start() {
    context.exceptionHandler(end::crash);
    context.runOnContext(v -> {
      progressTimer = timers.every(1000, () -> listener.progress(stats()));
      commitTimer = timers.every(config.commitEvery().toMillis(), end::commitSoon);
      stopRequested = stop.isRequested(); // asked while the crawl was being opened: fetch nothing
      stop.whenRequested(() -> context.runOnContext(x -> {
        stopRequested = true;
        if (!inFlight.isEmpty() && graceTimer < 0 && !end.stopping()) {
          graceTimer = timers.set(CrawlStop.GRACE.toMillis(), this::cutFetchesInFlight);
        }
        finishIfIdle();
      }));
      if (stopRequested) {
        endEarly(); // before any robots.txt or sitemap read starts, which it would cancel at once
      }
      robotsAndSitemaps.start();
      pump();
    });
    return end.future();
  }

  /** The crawl ends: no progress call may follow the listener's finished, nor a commit the last one. */
  private void cancelTimers() {
    timers.cancel(progressTimer);
    timers.cancel(commitTimer);
    if (graceTimer >= 0) {
      timers.cancel(graceTimer);
    }
  }

  private void pump() {
    if (end.stopping()) {
      return;
    }
    long now = nanoTime.getAsLong();
    // Bounded hand-off: while parse workers, the WARC writer or crawl.db's writer are behind,
    // fetching waits instead of piling up pages and rows.
    while (!stopRequested && parsing < maxPendingParse && warcWaiting < maxPendingParse
        && !writerBehind() && (config.maxPages() == 0 || started < config.maxPages())) {
      Frontier.Next next = frontier.poll(now);
      if (next == null) {
        break;
      }
      RobotsRules rules = robotsAndSitemaps.rules(next.origin());
      if (!rules.allows(next.url())) {
        triesPending.tried(next.url()); // recorded as disallowed or unreachable
        frontier.skip(next.origin());
        if (rules.unreachable() != null) {
          unreachable(next, rules.unreachable());
          continue;
        }
        unparsed.disallowed(next.url(), earlierRuns.takePrior(next.url()));
        continue;
      }
      started++;
      triesPending.tried(next.url());
      db.markFetching(next.url());
      PriorFetch prior = earlierRuns.prior(next.url());
      // A duplicate is fetched whole: a 304 would keep it a duplicate of a page that may have changed
      // since, and leave its text out of the index for good.
      CacheValidators validators = prior == null || prior.duplicate() ? CacheValidators.NONE : prior.validators();
      // A link check's image or script is never parsed: its status is all there is to know, so
      // its body is not downloaded, unless the WARC file is to hold it.
      long maxBody = pages.isLeaf(next.url()) && !config.warc() ? 0 : config.maxBodyBytes();
      CompletableFuture<FetchResult> fetch = fetches.fetch(next.url(), validators, maxBody);
      InFlight under = new InFlight(next, fetch);
      inFlight.put(next.url(), under);
      fetch.whenComplete((r, error) -> context.runOnContext(v -> {
        if (inFlight.remove(next.url(), under)) { // else a stop cut it, and left its URL queued
          fetched(next, PageFetches.resultOf(next.url(), r, error));
        }
      }));
    }
    wakeTimer.schedule(frontier.nextWake(now), now);
    finishIfIdle();
  }

  /** A page fetch under way. */
  private record InFlight(Frontier.Next next, CompletableFuture<FetchResult> fetch) {}

  /**
   * A stop's grace is over: the fetches still under way are cut (their servers have not answered)
   * and their URLs left queued, in crawl.db and in the count of what is left, for the next run,
   * as if never fetched. What comes back from them later is dropped.
   */
  private void cutFetchesInFlight() {
    graceTimer = -1;
    if (end.stopping()) {
      return;
    }
    long now = nanoTime.getAsLong();
    for (InFlight f : inFlight.values()) {
      Frontier.Next next = f.next();
      frontier.done(next.origin(), now);
      frontier.requeue(next.url(), next.depth());
      earlierRuns.takePrior(next.url());
      db.markQueuedAgain(next.url());
      counters.fetchesCutAtStop++;
      f.fetch().cancel(true);
    }
    if (!inFlight.isEmpty()) {
      boolean one = inFlight.size() == 1;
      LOG.info("stopping: {} in flight cut after {}; {} queued", one ? "1 fetch" : inFlight.size() + " fetches",
          Durations.format(CrawlStop.GRACE), one ? "its URL stays" : "their URLs stay");
    }
    inFlight.clear();
    finishIfIdle();
  }

  /** While crawl.db's writer is behind, the loop polls again once it has caught up. */
  private boolean writerBehind() {
    if (!writes.behind()) {
      return false;
    }
    if (!waitingForWriter) {
      waitingForWriter = true;
      writes.afterCatchUp(() -> {
        waitingForWriter = false;
        pump();
      });
    }
    return true;
  }

  private void fetched(Frontier.Next next, FetchResult r) {
    if (end.crashed()) {
      return; // left "fetching" in crawl.db, which a resume queues again
    }
    long now = nanoTime.getAsLong();
    long fetchedAt = clock.millis(); // one time for crawl.db, the index and the WARC file
    frontier.done(next.origin(), now);
    counters.bytes += r.body().length;
    FetchRetries.Decision decision = retries.decide(next, r, now);
    if (decision instanceof FetchRetries.Retry retry) {
      triesPending.toTryAgain(next.url());
      retryTimers.retryLater(next, retry.delay());
    } else if (decision instanceof FetchRetries.GiveUp giveUp) {
      failed(next, r, giveUp.abandonHost());
    } else if (decision instanceof FetchRetries.BackOff backOff) {
      backedOff(next, r, backOff, fetchedAt);
    } else if (decision instanceof FetchRetries.LeftForLater) {
      leftForLater(next);
    } else {
      page(next, r, fetchedAt);
    }
    pump();
  }

  /** Any answer but a 429 or 503: recorded, followed if a redirect, parsed if HTML. */
  private void page(Frontier.Next next, FetchResult r, long fetchedAt) {
    countPage(next, r);
    PriorFetch prior = earlierRuns.takePrior(next.url());
    boolean unchanged = r.notModified() && prior != null && prior.validators().any();
    if (config.warc() && unchanged) {
      warcHandedOver(warc.revisit(r, fetchedAt, prior.fetchedAtMillis()));
    } else if (config.warc()) {
      warcHandedOver(warc.response(r, fetchedAt));
    }
    if (unchanged && prior.unavailableAt(fetchedAt)) {
      unparsed.unavailable(next.url(), prior);
    } else if (unchanged) {
      unparsed.unchanged(next.url(), r, prior);
    } else if (r.status() >= 300 && r.status() < 400) {
      if (r.location() != null) {
        redirected(next, r, prior, fetchedAt);
      } else { // a 304 to a request without validators redirects nowhere either, but says so itself
        String note = r.notModified() ? null : "redirect without a Location";
        unparsed.plain(next.url(), r, prior, note, fetchedAt);
      }
    } else if (r.status() >= 200 && r.status() < 300 && PageParser.parses(r.mediaType(), r.charset(), r.body())
        && !pages.isLeaf(next.url())) {
      parse(next, r, prior, fetchedAt);
    } else {
      String binary = r.status() >= 200 && r.status() < 300
          ? PageParser.servedAsHtmlButBinary(r.mediaType(), r.charset(), r.body()) : null;
      counters.pagesBinary += binary != null ? 1 : 0;
      unparsed.plain(next.url(), r, prior, binary, fetchedAt);
      robotsAndSitemaps.readIfSeedSitemap(next.depth(), r);
    }
  }

  /**
   * A network failure past its retries. The crawl gives up on a host whose pages in a row got
   * nothing from it (its other URLs stay queued in crawl.db).
   */
  private void failed(Frontier.Next next, FetchResult r, boolean abandonHost) {
    unparsed.failed(next.url(), earlierRuns.takePrior(next.url()), r.failureKind(), r.message(),
        r.phases().totalNanos() / 1e6);
    if (abandonHost) {
      frontier.abandon(next.origin()); // and its URLs waiting to be retried, as their timers fire
      robotsAndSitemaps.hostAbandoned(next.origin());
      counters.unreachableHosts++;
      LOG.warn("{}: the last {} pages got nothing from it ({}); its other URLs are left queued for a later run",
          next.origin(), FetchRetries.UNREACHABLE_PAGES_IN_A_ROW, r.message());
    }
  }

  /** A link check's URL on a host that did not answer for its robots.txt fails as that fetch did. */
  private void unreachable(Frontier.Next next, RobotsRules.Unreachable why) {
    unparsed.failed(next.url(), earlierRuns.takePrior(next.url()), why.errorKind(), why.message(), 0);
  }

  /**
   * A 429 or 503: the host waits, and the URL is tried again or, past its retries, recorded (and
   * archived, as any page is). A host
   * that would be held past --max-backoff is given up on as one that stopped answering is: its
   * other URLs stay queued in crawl.db for a later run.
   */
  private void backedOff(Frontier.Next next, FetchResult r, FetchRetries.BackOff backOff, long fetchedAt) {
    frontier.backoff(next.origin(), backOff.hostWaitsUntil(), r.status(), r.retryAfter() != null);
    if (backOff.requeue()) {
      triesPending.toTryAgain(next.url());
      frontier.requeue(next.url(), next.depth());
      return;
    }
    countPage(next, r);
    if (config.warc()) { // the URL's last answer, as crawl.db records it
      warcHandedOver(warc.response(r, fetchedAt));
    }
    unparsed.plain(next.url(), r, earlierRuns.takePrior(next.url()), null, fetchedAt);
    if (backOff.abandonHost()) {
      backedOffTooLong(next.origin(), r.status());
    }
  }

  /**
   * The crawl gives up on a host whose 429 or 503 answers, to its pages, robots.txt or sitemaps,
   * would hold it back past --max-backoff in all: its other URLs stay queued in crawl.db.
   */
  private void backedOffTooLong(String origin, int status) {
    frontier.abandon(origin);
    robotsAndSitemaps.hostAbandoned(origin);
    counters.hostsBackedOffTooLong++;
    // Said as the command goes on: a link check's crawl has no later run, its folder mostly temporary.
    boolean linkCheck = config.purpose() == CrawlPurpose.LINK_CHECK;
    LOG.warn("{}: its {} answers would hold the {} back more than --max-backoff {} in all; its other URLs {}",
        origin, status, linkCheck ? "link check" : "crawl", Durations.format(config.maxBackoff()),
        linkCheck ? "are not crawled: each is checked online once after the crawl, or skipped with --external skip"
            : "are left queued for a later run");
  }

  /**
   * A URL whose fetch was under way as its host was given up on, and that the host also asked to
   * wait: left queued in crawl.db, and counted, with the host's other URLs.
   */
  private void leftForLater(Frontier.Next next) {
    earlierRuns.takePrior(next.url());
    db.markQueuedAgain(next.url());
    frontier.leftOnAbandonedHost();
  }

  /** The crawl ends once every record is written or left out: its stats count those left out. */
  private void warcHandedOver(CompletableFuture<Void> written) {
    warcWaiting++;
    written.whenComplete((v, error) -> context.runOnContext(x -> {
      warcWaiting--;
      pump();
    }));
  }

  /** A page counts once, however often it is fetched (again, for its canonical). */
  private void countPage(Frontier.Next next, FetchResult r) {
    if (!refetches.takeRequeued(next.url())) {
      counters.pages++;
      counters.status(r.status());
    }
  }

  /**
   * The target is queued as its own URL if {@link Redirects} follows it; the redirect is recorded,
   * as the error of its chain where it closes a loop or goes past the longest chain followed.
   */
  private void redirected(Frontier.Next next, FetchResult r, PriorFetch prior, long fetchedAt) {
    String target = rules.resolveRedirect(next.url(), r.location());
    Redirects.Followed followed = redirects.follow(next, target);
    String message = target == null ? "redirect to an unusable URL: " + r.location().strip()
        : followed.tooMany() != null ? followed.tooMany() : r.message();
    Response response = Response.of(r, message, fetchedAt, CacheValidators.NONE);
    unparsed.redirect(next.url(), response, target, followed.queued(), followed.tooMany() != null, prior);
  }

  private void parse(Frontier.Next next, FetchResult r, PriorFetch prior, long fetchedAt) {
    pendingWork++;
    parsing++;
    CompletableFuture.supplyAsync(() -> pages.handle(r, next.depth(), fetchedAt, prior), parsers)
        .whenComplete((outcome, error) -> context.runOnContext(v -> parsed(next, prior, outcome, error)));
  }

  private void parsed(Frontier.Next next, PriorFetch prior, PageOutcome outcome, Throwable error) {
    if (end.crashed()) {
      return; // the parse worker recorded it, or it stays "fetching"; nothing more is started
    }
    pendingWork--;
    parsing--;
    if (error != null) {
      // A bug on a parse worker fails the page as data: left "fetching", it would be fetched again
      // by every resume. Like any failure, it keeps the document an earlier crawl indexed. (The
      // links it found are lost to this crawl: other pages no longer queue those it claimed.)
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (cause instanceof IndexCommits.IndexWriteFailed) {
        end.crash(cause); // the index, not the page: commit what it holds, and end the crawl
        return;
      }
      LOG.warn("could not handle {}: {}", next.url(), cause.toString());
      unparsed.failed(next.url(), prior, "PARSE", "could not handle the page: " + cause, 0);
    } else {
      if (outcome.removed()) {
        counters.documentRemoved(next.url());
      }
      if (outcome.indexed()) {
        counters.documentIndexed(next.url());
      }
      counters.duplicates += outcome.duplicate() ? 1 : 0;
      counters.skippedLinks += outcome.skippedLinks();
      counters.pagesCutAtMaxBody += outcome.cut() ? 1 : 0;
      counters.linksCut += outcome.linksCut();
      counters.pagesWithLinksCut += outcome.linksCut() > 0 ? 1 : 0;
      // A page of a canonical circle holds no document for the pages that deferred to it.
      refetches.settled(next.url(), (outcome.indexed() || outcome.duplicate()) && !outcome.inCanonicalCycle(),
          outcome.duplicateOf());
      refetches.copiesFetchedAgain(next.url(), outcome.copiesToFetchAgain());
      for (QueuedUrl u : outcome.followable()) {
        if (frontier.offer(u.url(), u.depth())) {
          robotsAndSitemaps.adoptIfNew(u.url());
        }
      }
      if (commits.pagesSinceCommit() >= config.commitEveryPages()) {
        end.commitSoon();
      }
    }
    pump();
  }

  /** What earlier runs left that this loop goes on from: to be told before it starts. */
  EarlierRuns earlierRuns() {
    return earlierRuns;
  }

  /**
   * A host seen for the first time waits for its robots.txt before its first page. Called while
   * seeding, before the loop starts: the reads begin when it does.
   */
  void adoptIfNew(String url) {
    robotsAndSitemaps.adoptIfNew(url);
  }

  /**
   * The robots.txt of each host the crawl read, by origin. Once {@link #start}'s future is done no
   * read is left in flight, and the map is still as the loop left it.
   */
  Map<String, RobotsRules> robotsRead() {
    return robotsAndSitemaps.rulesRead();
  }

  /**
   * The URLs whose fetch got no answer to keep and whose next try the crawl's end cut (its page
   * limit, a stop, their host given up on): left queued in crawl.db. Read once {@link #start}'s
   * future is done.
   */
  Set<String> triesCut() {
    return triesCut;
  }

  /**
   * A robots.txt or sitemap read (a queued one too), a retry's wait or a document's removal from
   * the index begins: the crawl cannot end before it does.
   */
  private void workStarted() {
    pendingWork++;
  }

  /**
   * A robots.txt or sitemap read is over and what it allows or lists is in the frontier, a retry's
   * URL is queued again, or a page is recorded once its document is removed.
   */
  private void workDone() {
    pendingWork--;
    pump();
  }

  private void finishIfIdle() {
    boolean limitReached = config.maxPages() > 0 && started >= config.maxPages();
    if ((limitReached || stopRequested) && !endingEarly) {
      endEarly();
    }
    boolean drained = frontier.queued() == 0 || limitReached || stopRequested;
    if (!end.stopping() && drained && frontier.inFlight() == 0 && pendingWork == 0 && warcWaiting == 0) {
      if (!limitReached && !stopRequested && frontier.pastReach() > 0) {
        // Held back as past the page limit's reach, which URLs before them then did not use up.
        LOG.warn("{} URL(s) were left queued as past what --max-pages {} could reach, but URLs queued before them"
            + " were not fetched (robots.txt disallowed them, or their host was given up on): this run started {}"
            + " of its {} fetches; run again to fetch them", frontier.pastReach(), config.maxPages(), started,
            config.maxPages());
      }
      triesCut = triesPending.leaveQueued(); // not in flight in crawl.db after a run that ended normally
      end.finish(stats());
    }
  }

  /**
   * The crawl will fetch nothing more (its page limit is reached, or a stop came), so it waits
   * only for the fetches and parses under way, whose pages it records. A robots.txt or sitemap
   * read, under way or waiting, would hold the end up to --timeout (a sitemap index, for minutes)
   * for pages that are not fetched: they are abandoned, and the next run reads them again. A URL
   * waiting out its retry timer is queued at once, and left queued in crawl.db as the crawl ends
   * ({@link TriesPending}).
   */
  private void endEarly() {
    endingEarly = true;
    robotsAndSitemaps.abandonReads();
    pendingWork -= robotsAndSitemaps.dropWaitingReads();
    pendingWork -= retryTimers.endEarly();
  }

  private CrawlStats stats() {
    long now = nanoTime.getAsLong();
    boolean limitReached = config.maxPages() > 0 && started >= config.maxPages();
    return counters.snapshot(frontier.queued() + frontier.pastReach(), frontier.abandonedUrls(), Duration.ofNanos(now - startNanos),
        heldBack(now), robotsAndSitemaps.hostsWithSitemapsCut(), warc,
        politenessWait(now), limitReached || stopRequested ? 0 : frontier.pastReach());
  }

  /** The hosts a 429 or 503 holds back now, the longest wait's end told in the clock's time. */
  private HostsHeldBack heldBack(long now) {
    Frontier.BackedOff b = frontier.longestBackoff(now);
    if (b == null) {
      return null;
    }
    Duration left = Duration.ofNanos(b.untilNanos() - now);
    return new HostsHeldBack(b.origin(), b.status(), b.retryAfter(), clock.instant().plus(left), left, b.hosts());
  }

  /** The Crawl-delay or --delay the whole crawl waits out now, or null. */
  private PolitenessWait politenessWait(long now) {
    Frontier.DelayedHost d = frontier.politenessWait(now);
    return d == null ? null : new PolitenessWait(d.origin(), d.crawlDelay(), Duration.ofNanos(d.untilNanos() - now));
  }
}
