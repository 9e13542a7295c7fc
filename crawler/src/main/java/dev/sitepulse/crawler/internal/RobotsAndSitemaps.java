package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.CrawlScope;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.robots.RobotsRules;
import dev.sitepulse.crawler.robots.Sitemaps;
import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.Fetcher;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each host allows and lists: its robots.txt, read before its first page, and the sitemaps
 * of the seeds' hosts and of seeds that are sitemaps or feeds, whose pages join the frontier.
 * Confined to the crawl's event loop like {@link CrawlLoop}: reads complete back on it, and each
 * is the loop's outstanding work from {@code readStarted} (for a sitemap, as it is queued) to
 * {@code readDone}, so the crawl cannot end while one is waiting or in flight.
 */
final class RobotsAndSitemaps {

  private static final Logger LOG = LoggerFactory.getLogger(RobotsAndSitemaps.class);
  /** Sitemaps read per crawl at most: an index may list 50,000 more, each of 50,000 URLs. */
  private static final int MAX_SITEMAPS = 1000;
  /** What a seed may be instead of a page: its URLs are crawled (crawler-commons reads all of these). */
  private static final Set<String> SITEMAP_OR_FEED = Set.of("application/xml", "text/xml",
      "application/rss+xml", "application/atom+xml", "application/gzip", "application/x-gzip");
  /** A sitemap's pages queued per turn of the loop. */
  private static final int OFFER_CHUNK = 5_000;

  private final CrawlConfig config;
  private final Context context;
  private final Frontier frontier;
  private final Fetcher fetcher;
  private final CrawlDb db;
  private final CrawlScope scope;
  private final ExecutorService parsers;
  private final List<String> sitemapHosts;
  private final Runnable readStarted;
  private final Runnable readDone;
  private final Vertx vertx;
  private final Map<String, RobotsRules> robots = new HashMap<>(); // null while being read
  /**
   * Sitemaps waiting to be read, by origin: one at a time on a host and its delay apart, as its
   * pages are, where an index listing a thousand would otherwise go out all at once. Each counts as
   * the loop's outstanding work from the moment it is queued.
   */
  private final Map<String, ArrayDeque<Named>> sitemapQueues = new HashMap<>();
  private final Set<String> sitemapsRead = new HashSet<>(); // an index may list itself or its parent
  /**
   * Hosts adopted while the crawl is seeded, on the thread that opens it: their reads start with
   * the loop, since a read that ended meanwhile would change the frontier from the loop's thread
   * while seeding still fills it.
   */
  private final List<String> robotsBeforeStart = new ArrayList<>();
  /** The fetches of the reads under way, robots.txt and sitemaps alike, for a stop to abandon. */
  private final Set<CompletableFuture<FetchResult>> fetching = new HashSet<>();
  /** The robots.txt reads waiting to try again, by origin: each a timer's id. */
  private final Map<String, Long> robotsRetries = new HashMap<>();
  /** Sitemaps of hosts whose robots.txt is still being read, by origin. */
  private final Map<String, List<Named>> awaitingRobots = new HashMap<>();
  /** The sitemap reads waiting for their host's delay to pass, by origin: each a timer's id. */
  private final Map<String, Long> sitemapStarts = new HashMap<>();
  /** The sitemap each of {@link #sitemapStarts} waits to read, by origin. */
  private final Map<String, Named> sitemapsDue = new HashMap<>();
  /**
   * Seeds an earlier run read as sitemaps, read again once the loop starts: a resume does not fetch
   * them as pages, and their URLs may be what that run left unread.
   */
  private final List<String> seedSitemapsAgain = new ArrayList<>();
  /** The hosts whose sitemaps the crawl ended early without reading to their end. */
  private final Set<String> sitemapsCut = new HashSet<>();
  private final Counters counters;
  private final WriteBacklog writes;
  private final SitemapLimits limits;
  private boolean started;
  private boolean abandoned;

  /**
   * @param writes crawl.db's writer's backlog: a sitemap's next pages wait while it is behind
   * @param readStarted run on the loop as a read starts
   * @param readDone run on the loop once a read's rules or pages are in the frontier, so the loop
   *     can fetch them, or finish
   */
  RobotsAndSitemaps(CrawlSetup setup, Counters counters, WriteBacklog writes, Runnable readStarted,
      Runnable readDone) {
    this.counters = counters;
    this.writes = writes;
    this.limits = new SitemapLimits(setup.config().maxPages());
    this.config = setup.config();
    this.vertx = setup.vertx();
    this.context = setup.context();
    this.frontier = setup.frontier();
    this.fetcher = setup.fetcher();
    this.db = setup.db();
    this.scope = setup.scope();
    this.parsers = setup.parsers();
    this.sitemapHosts = setup.seedOrigins();
    this.readStarted = readStarted;
    this.readDone = readDone;
  }

  /**
   * Starts the reads of the hosts adopted so far; on the loop. Where robots.txt is ignored, the
   * seeds' hosts' robots.txt is still read for its Sitemap lines alone.
   */
  void start() {
    started = true;
    robotsBeforeStart.forEach(this::readRobots);
    robotsBeforeStart.clear();
    if (config.ignoreRobots() && config.maxDepth() >= 1) {
      sitemapHosts.forEach(this::readSitemapLines);
    }
    for (String url : seedSitemapsAgain) {
      if (config.maxDepth() < 1) {
        sayDepthZeroLeavesOut(url);
      } else {
        readSitemapUrl(new Named(url, "the seeds", Frontier.originOf(url)));
      }
    }
    seedSitemapsAgain.clear();
  }

  /** A seed an earlier run fetched and read as a sitemap, index or feed: it is read again. */
  void readSeedSitemapAgain(String url) {
    seedSitemapsAgain.add(url);
  }

  /**
   * The hosts whose sitemaps, or whose robots.txt that names them, the crawl ended early without
   * reading to their end (page limit, stop): the next run reads them again. On the loop.
   */
  int hostsWithSitemapsCut() {
    return sitemapsCut.size();
  }

  /**
   * A sitemap's read ended unfinished, or never started, as the crawl ended early: counted for the
   * host that named it, not the one that serves it.
   */
  private void sitemapCut(Named sitemap) {
    sitemapsCut.add(sitemap.host());
  }

  /** A robots.txt read ended unfinished: a seed's host's names sitemaps, which go unread too. */
  private void robotsCut(String origin) {
    if (sitemapHosts.contains(origin)) {
      sitemapsCut.add(origin);
    }
  }

  /**
   * Abandons the reads under way and starts none, once the crawl is stopped or reaches its page
   * limit: a robots.txt or a sitemap that answers slowly held the end up to the timeout, for
   * nothing, since no page is fetched after it and the next run reads them again. Each read under
   * way still ends as a read done; a host adopted from now on stays held, its URLs queued.
   */
  void abandonReads() {
    abandoned = true;
    awaitingRobots.values().forEach(named -> named.forEach(this::sitemapCut));
    List.copyOf(fetching).forEach(f -> f.cancel(false));
  }

  /** What robots.txt allows on a host; everything where it is ignored. */
  RobotsRules rules(String origin) {
    return robots.getOrDefault(origin, RobotsRules.allowAll());
  }

  /** The robots.txt of each host read so far, by origin; on the loop, or once the crawl is over. */
  Map<String, RobotsRules> rulesRead() {
    Map<String, RobotsRules> read = new HashMap<>();
    robots.forEach((origin, rules) -> {
      if (rules != null) {
        read.put(origin, rules);
      }
    });
    return read;
  }

  /** A host seen for the first time waits for its robots.txt before its first page. */
  void adoptIfNew(String url) {
    String origin = Frontier.originOf(url);
    if (!robots.containsKey(origin) && !config.ignoreRobots()) {
      robots.put(origin, null);
      frontier.hold(origin, true);
      if (started) {
        readRobots(origin);
      } else {
        robotsBeforeStart.add(origin);
      }
    }
  }

  private void readRobots(String origin) {
    if (abandoned) {
      robotsCut(origin);
      return;
    }
    readStarted.run();
    fetchRobots(origin, 1, Duration.ZERO);
  }

  /** One try at a robots.txt whose read has started; {@code waited} by the tries before it. */
  private void fetchRobots(String origin, int tries, Duration waited) {
    String agent = config.userAgent();
    CompletableFuture<FetchResult> fetch = RobotsTxt.fetch(fetcher, origin);
    fetching.add(fetch);
    // Parsed on a parse worker, not the loop: 500 KiB of rules take crawler-commons 0.1 s.
    fetch.thenApplyAsync(r -> new Read(r, RobotsRules.from(r, agent)), parsers)
        .whenComplete((read, error) -> context.runOnContext(v -> {
          fetching.remove(fetch);
          Duration wait = read == null || abandoned ? null
              : retryWait(read.fetched(), read.rules().unreachable() != null, tries, waited);
          if (wait != null) {
            LOG.debug("robots.txt of {}: {}; trying again in {} ms", origin, read.fetched().message(), wait.toMillis());
            robotsRetries.put(origin, vertx.setTimer(Math.max(1, wait.toMillis()), id -> {
              robotsRetries.remove(origin);
              if (abandoned) { // fired as the crawl ended early, too late for dropWaitingReads to cancel
                robotsCut(origin);
                frontier.hold(origin, false);
                readDone.run();
              } else {
                fetchRobots(origin, tries + 1, waited.plus(wait));
              }
            }));
            return;
          }
          try {
            if (read != null) {
              obey(origin, read.fetched(), read.rules());
            } else if (!abandoned) { // a bug: the loop's exception handler ends the crawl with it
              throw new IllegalStateException("could not read robots.txt of " + origin, error);
            } else {
              robotsCut(origin);
            }
          } finally {
            frontier.hold(origin, false); // whatever robots.txt said, the host must not wait forever
          }
          readDone.run();
        }));
  }

  /** See {@link FetchRetries#readRetryWait}: with this crawl's --max-backoff. */
  private Duration retryWait(FetchResult r, boolean mayPass, int tries, Duration waited) {
    return FetchRetries.readRetryWait(r, mayPass, tries, waited, config.maxBackoff());
  }

  private record Read(FetchResult fetched, RobotsRules rules) {}

  private void obey(String origin, FetchResult r, RobotsRules rules) {
    robots.put(origin, rules);
    if (rules.cutOff()) {
      // One cut off at --max-body (a server sending gigabytes) is larger than what was read.
      LOG.warn("robots.txt of {} is {}{} KiB; only its first {} KiB are obeyed, as RFC 9309 allows", origin,
          r.truncated() ? "more than " : "", r.body().length / 1024, RobotsRules.MAX_BYTES / 1024);
    }
    if (rules.servedHtml()) {
      LOG.warn("robots.txt of {} is an HTML page, not robots.txt rules: everything is allowed", origin);
    }
    int notUnderstood = rules.linesNotUnderstood();
    if (notUnderstood > 0) {
      // One line in our words; crawler-commons logs each problem too, which the CLI shows with -v.
      LOG.warn("robots.txt of {}: {} not understood and ignored; the rest is obeyed", origin,
          notUnderstood == 1 ? "1 line" : notUnderstood + " lines");
    }
    Duration asked = rules.crawlDelay();
    if (asked != null) {
      CrawlDelayCap.warnIfCapped(origin, asked);
      frontier.delay(origin, config.delayFor(asked).toNanos());
    }
    if (rules.unreachable() != null && config.purpose() == CrawlPurpose.SEARCH) {
      // As a host that stops answering: a later run reads robots.txt again and fetches them. A link
      // check goes on instead, and reports each URL of the host as broken (CrawlLoop.unreachable).
      counters.hostsWithoutRobotsTxt++;
      frontier.abandon(origin);
      LOG.warn("robots.txt of {} could not be read ({}); not crawling that host: its URLs are left queued for"
          + " a later run", origin, r.message());
    } else if (rules.unreachable() != null) {
      LOG.warn("robots.txt of {} could not be read ({}); not crawling that host", origin, r.message());
    }
    List<Named> awaiting = awaitingRobots.remove(origin);
    if (awaiting != null && rules.unreachable() == null) { // a host in trouble has none read
      awaiting.forEach(named -> startRead(origin, named));
    }
    // Not a host in trouble; and not at --max-depth 0, where no page a sitemap lists is crawled.
    if (sitemapHosts.contains(origin) && rules.unreachable() == null && config.maxDepth() >= 1) {
      rules.sitemaps().forEach(url -> readSitemapUrl(new Named(url, "robots.txt of " + origin, origin)));
      readGuessedSitemap(origin);
    }
  }

  /**
   * --ignore-robots ignores robots.txt's rules and Crawl-delay, not the sitemaps it names: it is
   * read once for its Sitemap lines, and the host's pages do not wait for it. One that cannot be
   * read names none, and the host's /sitemap.xml is read all the same.
   */
  private void readSitemapLines(String origin) {
    if (abandoned) {
      robotsCut(origin);
      return;
    }
    readStarted.run();
    CompletableFuture<FetchResult> fetch = RobotsTxt.fetch(fetcher, origin);
    fetching.add(fetch);
    fetch.thenApplyAsync(r -> RobotsRules.from(r, config.userAgent()), parsers)
        .whenComplete((rules, error) -> context.runOnContext(v -> {
          fetching.remove(fetch);
          if (rules == null && abandoned) {
            robotsCut(origin);
          } else {
            if (rules != null && rules.unreachable() == null) {
              rules.sitemaps().forEach(url -> readSitemapUrl(new Named(url, "robots.txt of " + origin, origin)));
            }
            readGuessedSitemap(origin);
          }
          readDone.run();
        }));
  }

  private void readGuessedSitemap(String origin) {
    readSitemapUrl(new Named(origin + "/sitemap.xml", null, origin));
  }

  /**
   * A sitemap to read and what named it: robots.txt, a sitemap index, a seed; null for the
   * /sitemap.xml every host is asked for, which most sites do not have.
   *
   * @param level 0 for one robots.txt, a seed or the guess gives, and one more than its index's
   *     for one an index lists
   * @param host the origin whose sitemaps these are: the seed's, or that of the robots.txt or the
   *     guess, handed down an index's sitemaps; a sitemap on a CDN counts as the site's that named it
   */
  private record Named(String url, String namedBy, int level, String host) {

    /** One a seed, a robots.txt or the guess gives: {@code host}'s own. */
    Named(String url, String namedBy, String host) {
      this(url, namedBy, 0, host);
    }
  }

  /**
   * A seed that turned out to be a sitemap, a sitemap index or a feed: its URLs join the frontier
   * as a sitemap's do. Anything that does not parse as one adds nothing, and neither does a page
   * that was not a seed or not served as one of those.
   *
   * @param depth the fetched URL's: a seed's is 0
   */
  void readIfSeedSitemap(int depth, FetchResult fetched) {
    boolean sitemap = depth == 0 && fetched.status() == 200 && isSitemapOrFeed(fetched.contentType());
    if (sitemap && config.maxDepth() < 1) {
      sayDepthZeroLeavesOut(fetched.url());
    } else if (sitemap && limits.spent()) {
      sitemapsCut.add(Frontier.originOf(fetched.url()));
    } else if (sitemap && firstRead(fetched.url())) {
      readStarted.run();
      read(new Named(fetched.url(), "the seeds", Frontier.originOf(fetched.url())),
          CompletableFuture.completedFuture(fetched), () -> {});
    }
  }

  /**
   * A sitemap seed at --max-depth 0 is not read: its pages count as depth 1, as every sitemap's do,
   * which a crawl of the seeds alone leaves out. Said, or the crawl of one page would look broken.
   */
  private static void sayDepthZeroLeavesOut(String url) {
    LOG.warn("{} is a sitemap, whose pages count as depth 1, which --max-depth 0 leaves out; --max-depth 1"
        + " crawls them and none of their links", url);
  }

  /** Whether a response of this Content-Type is read as a sitemap, a sitemap index or a feed when a seed. */
  static boolean isSitemapOrFeed(String contentType) {
    return SITEMAP_OR_FEED.contains(FetchResult.mediaTypeOf(contentType));
  }

  private void readSitemapUrl(Named sitemap) {
    String normalized = LinkRules.normalize(sitemap.url());
    // Cut only if a later run would read it: not one read, nested too deep, or past the cap.
    if ((abandoned || limits.spent()) && normalized != null && !sitemapsRead.contains(normalized)
        && !SitemapLimits.nestedTooDeep(sitemap.level()) && sitemapsRead.size() < MAX_SITEMAPS) {
      sitemapCut(sitemap);
    }
    if (abandoned || normalized == null || limits.spent() || sitemapsRead.contains(normalized) // read: not "too deep"
        || limits.tooDeep(normalized, sitemap.namedBy(), sitemap.level()) || !firstRead(normalized)) {
      return;
    }
    String origin = Frontier.originOf(normalized);
    Named named = new Named(normalized, sitemap.namedBy(), sitemap.level(), sitemap.host());
    if (!config.ignoreRobots()) {
      adoptIfNew(normalized); // another host's sitemap: its robots.txt is read first, as for its pages
      if (robots.get(origin) == null) { // being read: obey() starts it, while that read keeps the crawl going
        awaitingRobots.computeIfAbsent(origin, o -> new ArrayList<>()).add(named);
        return;
      }
    }
    startRead(origin, named);
  }

  /** A sitemap whose host's robots.txt is read (or ignored) is read if that allows it. */
  private void startRead(String origin, Named named) {
    String normalized = named.url();
    RobotsRules rules = robots.get(origin); // null where robots.txt is ignored
    if (rules != null && !rules.allows(normalized)) { // a site that disallows everything, say
      if (named.namedBy() != null) {
        LOG.warn("sitemap {}, named in {}, is not read: robots.txt of {} disallows it", normalized,
            named.namedBy(), origin);
      }
      return;
    }
    readStarted.run();
    ArrayDeque<Named> waiting = sitemapQueues.get(origin);
    if (waiting != null) {
      waiting.add(named);
      return;
    }
    sitemapQueues.put(origin, new ArrayDeque<>());
    // On the loop's next turn: a page of the host that this turn polls (a seed, as its robots.txt
    // is read) goes first, and the sitemap a delay after it.
    context.runOnContext(v -> readWhenDue(origin, named, 1, Duration.ZERO));
  }

  /**
   * Reads one sitemap of the host at a time, each as one of its pages would be fetched: a delay
   * after the host's last fetch (its Crawl-delay, a back-off), pushing its next page past it. A
   * read tried again ({@code tries} > 1, after waiting {@code waited} in all) takes its turn so too.
   */
  private void readWhenDue(String origin, Named sitemap, int tries, Duration waited) {
    if (abandoned) { // dropWaitingReads found it in neither a queue nor a timer: it counts as done here
      sitemapCut(sitemap);
      readDone.run();
      return;
    }
    if (limits.spent()) { // sitemaps queued all they may: this one and the host's others book no slot
      sitemapCut(sitemap);
      ArrayDeque<Named> waiting = sitemapQueues.remove(origin);
      int dropped = 1 + (waiting == null ? 0 : waiting.size()); // each counted as started
      for (int i = 0; i < dropped; i++) {
        readDone.run();
      }
      return;
    }
    long now = System.nanoTime();
    long waitMs = (frontier.book(origin, now) - now) / 1_000_000;
    if (waitMs <= 0) {
      readNow(origin, sitemap, tries, waited);
      return;
    }
    sitemapsDue.put(origin, sitemap);
    sitemapStarts.put(origin, vertx.setTimer(waitMs, id -> {
      sitemapStarts.remove(origin);
      sitemapsDue.remove(origin);
      if (abandoned) { // fired as the crawl ended early, too late for dropWaitingReads to cancel
        sitemapCut(sitemap);
        readDone.run();
      } else {
        readNow(origin, sitemap, tries, waited);
      }
    }));
  }

  /**
   * Fetches one sitemap; one that got no answer, a 429 or a 503 is fetched again after a wait, as
   * robots.txt is, and a 429 or 503 holds its host's pages back too. Once the sitemaps have queued
   * all they may, it is not fetched at all.
   */
  private void readNow(String origin, Named sitemap, int tries, Duration waited) {
    if (limits.spent()) {
      sitemapCut(sitemap);
      sitemapDone(origin);
      readDone.run();
      return;
    }
    CompletableFuture<FetchResult> fetch = fetcher.fetch(sitemap.url());
    fetching.add(fetch);
    fetch.whenComplete((r, error) -> context.runOnContext(v -> {
      fetching.remove(fetch);
      boolean mayPass = r != null && (r.failed() || FetchRetries.asksToWait(r));
      Duration wait = r == null || abandoned ? null : retryWait(r, mayPass, tries, waited);
      if (wait == null) {
        read(sitemap, fetch, () -> sitemapDone(origin));
        return;
      }
      LOG.debug("sitemap {}: {}; trying again in {} ms", sitemap.url(), r.message(), wait.toMillis());
      long now = System.nanoTime();
      frontier.bookedDone(origin, now); // a failed read was a request to the host all the same
      if (FetchRetries.asksToWait(r)) {
        frontier.backoff(origin, now + wait.toNanos(), r.status(), r.retryAfter() != null);
      }
      // Then booked as the first read was: not at once, beside a page of the host due meanwhile.
      sitemapsDue.put(origin, sitemap);
      sitemapStarts.put(origin, vertx.setTimer(Math.max(1, wait.toMillis()), id -> {
        sitemapStarts.remove(origin);
        sitemapsDue.remove(origin);
        readWhenDue(origin, sitemap, tries + 1, waited.plus(wait));
      }));
    }));
  }

  /** The host's sitemap is read: its next one, if any, is due a delay after it. */
  private void sitemapDone(String origin) {
    frontier.bookedDone(origin, System.nanoTime());
    ArrayDeque<Named> waiting = sitemapQueues.get(origin);
    Named next = waiting == null ? null : waiting.poll();
    if (next == null) {
      sitemapQueues.remove(origin);
    } else {
      readWhenDue(origin, next, 1, Duration.ZERO);
    }
  }

  /**
   * Forgets the sitemaps still waiting (queued, or for their host's delay) and the robots.txt reads
   * waiting to try again, when the crawl ends before the frontier drains (page limit, stop): their
   * pages would not be fetched, and a thousand sitemaps, a delay apart, would hold the end up for
   * minutes. Returns how many were dropped: outstanding work that is no more. A timer that fired
   * but whose handler has not run yet is left to it: the handler counts its read as done.
   */
  int dropWaitingReads() {
    int dropped = 0;
    robotsRetries.keySet().forEach(this::robotsCut);
    sitemapStarts.keySet().forEach(origin -> sitemapCut(sitemapsDue.get(origin)));
    sitemapsDue.clear();
    for (Map<String, Long> timers : List.of(robotsRetries, sitemapStarts)) {
      for (long timer : timers.values()) {
        if (vertx.cancelTimer(timer)) {
          dropped++;
        }
      }
      timers.clear();
    }
    for (ArrayDeque<Named> waiting : sitemapQueues.values()) {
      waiting.forEach(this::sitemapCut);
      dropped += waiting.size();
      waiting.clear();
    }
    return dropped;
  }

  /**
   * Counts the read towards the cap; false if it was read before or the cap is reached. The URL is
   * normalized already: a seed's, or one readSitemapUrl normalized.
   */
  private boolean firstRead(String sitemapUrl) {
    if (sitemapsRead.size() >= MAX_SITEMAPS || !sitemapsRead.add(sitemapUrl)) {
      return false;
    }
    if (sitemapsRead.size() == MAX_SITEMAPS) {
      LOG.warn("{} is the {}th sitemap, the last this crawl reads", sitemapUrl, MAX_SITEMAPS);
    }
    return true;
  }

  /**
   * Reads one sitemap counted as started; {@code then} runs on the loop before it counts as done.
   * One that something named and that cannot be read is worth a warning: its pages go unseen.
   */
  private void read(Named sitemap, CompletableFuture<FetchResult> fetched, Runnable then) {
    fetching.add(fetched);
    fetched.thenApplyAsync(this::readOffTheLoop, parsers)
        .whenComplete((read, error) -> context.runOnContext(v -> {
          fetching.remove(fetched);
          Runnable done = () -> {
            then.run();
            readDone.run();
          };
          if (read != null) {
            offerSitemapPages(sitemap, read, 0, done);
          } else {
            if (!abandoned) { // an abandoned read ends cancelled, which is no failure to log
              LOG.debug("could not read sitemap {}", sitemap.url(), error);
            } else {
              sitemapCut(sitemap);
            }
            done.run();
          }
        }));
  }

  /** A sitemap as a parse worker read it: its entries, and those of its pages in the crawl's scope, normalized. */
  private record SitemapRead(Sitemaps.Entries entries, List<String> pages) {}

  /**
   * Parses, normalizes and scopes on a parse worker: done on the loop, a sitemap of 50,000 URLs
   * held every fetch back for more than a second.
   */
  private SitemapRead readOffTheLoop(FetchResult fetched) {
    Sitemaps.Entries entries = Sitemaps.read(fetched);
    List<String> pages = new ArrayList<>();
    // Sitemap pages count as one link away from the seed, so max-depth 0 means seeds only.
    for (String page : config.maxDepth() >= 1 ? entries.pages() : List.<String>of()) {
      String u = LinkRules.normalize(page);
      if (u != null && scope.accepts(u)) {
        pages.add(u);
      }
    }
    return new SitemapRead(entries, pages);
  }

  /**
   * Queues the pages from {@code from} on, {@link #OFFER_CHUNK} per turn of the loop, so that fetches
   * completing meanwhile are handled between chunks (50,000 in one turn took 110-150 ms); then
   * reads the sitemaps an index lists, and runs {@code done}.
   */
  private void offerSitemapPages(Named sitemap, SitemapRead read, int from, Runnable done) {
    Sitemaps.Entries entries = read.entries();
    if (from == 0 && entries.problem() != null && sitemap.namedBy() != null && !abandoned) {
      LOG.warn("sitemap {}, named in {}, could not be read: {}", sitemap.url(), sitemap.namedBy(), entries.problem());
    } else if (from == 0 && entries.brokenBy() != null && !abandoned) {
      BrokenSitemap.warn(sitemap.url(), sitemap.namedBy(), entries);
    }
    if (from > 0 && abandoned) { // the crawl ended early: nothing more is fetched, and a resume reads it again
      sitemapCut(sitemap);
      done.run();
      return;
    }
    int to = Math.min(read.pages().size(), from + OFFER_CHUNK);
    List<QueuedUrl> queued = new ArrayList<>();
    for (String u : read.pages().subList(from, to)) {
      if (limits.spent()) {
        break;
      }
      if (frontier.offer(u, 1)) {
        queued.add(new QueuedUrl(u, 1));
        adoptIfNew(u);
        limits.queuedOne();
      }
    }
    if (!queued.isEmpty()) {
      db.enqueueFromSitemap(queued, sitemap.url());
    }
    if (limits.spent()) {
      sitemapCut(sitemap);
      limits.sayIfJustSpent(sitemap.url(), queued.size());
      done.run();
      return;
    }
    if (to < read.pages().size() && writes.behind()) { // each chunk is 5,000 rows for the writer
      writes.afterCatchUp(() -> offerSitemapPages(sitemap, read, to, done));
      return;
    } else if (to < read.pages().size()) {
      context.runOnContext(v -> offerSitemapPages(sitemap, read, to, done));
      return;
    }
    entries.sitemaps().forEach(url -> readSitemapUrl(
        new Named(url, "sitemap index " + sitemap.url(), sitemap.level() + 1, sitemap.host())));
    done.run();
  }
}
