package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.robots.RobotsRules;
import dev.sitepulse.crawler.politeness.FetchRetries;
import dev.sitepulse.pinger.FetchResult;
import java.util.List;
import java.util.Map;

/**
 * What each host allows and lists, for the crawl loop: its robots.txt, read before its first page
 * ({@link HostRobots}), and the sitemaps of the seeds' hosts ({@link SeedHostSitemaps}) and of
 * seeds that are sitemaps or feeds ({@link SeedSitemaps}), whose pages join the frontier. Each
 * sitemap found passes {@link SitemapGate}, is fetched in its host's turn ({@link SitemapTurns})
 * and read into the frontier ({@link SitemapPages}). Confined to the crawl's event loop like
 * {@link CrawlLoop}: reads complete back on it, and each is the loop's outstanding work from
 * {@code readStarted} (for a sitemap, as it is queued) to {@code readDone}, so the crawl cannot
 * end while one is waiting or in flight.
 */
final class RobotsAndSitemaps {

  private final ReadsUnderWay reads;
  private final SitemapsCut cut;
  private final HostRobots robots;
  private final SitemapGate gate;
  private final SitemapTurns turns;
  private final SeedHostSitemaps seedHosts;
  private final SeedSitemaps seedSitemaps;

  /**
   * @param writes crawl.db's writer's backlog: a sitemap's next pages wait while it is behind
   * @param retries whose per-host back-off budget a robots.txt's or sitemap's 429 or 503 uses too
   * @param backedOffTooLong gives up on a host a robots.txt's or sitemap's wait would hold past that budget
   * @param readStarted run on the loop as a read starts
   * @param readDone run on the loop once a read's rules or pages are in the frontier, so the loop
   *     can fetch them, or finish
   */
  RobotsAndSitemaps(CrawlSetup setup, Counters counters, WriteBacklog writes, FetchRetries retries,
      ReadRetries.BackedOffTooLong backedOffTooLong, Runnable readStarted, Runnable readDone) {
    SitemapLimits limits = new SitemapLimits(setup.config().maxPages());
    SitemapsRead read = new SitemapsRead();
    this.reads = new ReadsUnderWay(readStarted, readDone);
    List<String> seedOrigins = setup.seeds().stream().map(Frontier::originOf).distinct().toList();
    this.cut = new SitemapsCut(seedOrigins);
    ReadRetries readRetries = new ReadRetries(retries, setup.config().maxBackoff(), setup.frontier(), backedOffTooLong);
    this.robots = new HostRobots(setup, counters, readRetries, reads, cut, this::obeyed, this::givenUp);
    SitemapPages pages = new SitemapPages(setup, writes, limits, reads, cut, robots::adoptIfNew, this::found);
    this.turns = new SitemapTurns(setup, readRetries, limits, reads, cut, pages);
    this.gate = new SitemapGate(setup.config(), limits, read, reads, cut, robots, turns, counters);
    this.seedHosts = new SeedHostSitemaps(setup, seedOrigins,
        SitemapHosts.of(setup.config().purpose(), setup.seeds()), reads, cut, gate);
    this.seedSitemaps = new SeedSitemaps(setup.config(), limits, read, reads, cut, pages, gate);
  }

  private void found(NamedSitemap sitemap) {
    gate.found(sitemap);
  }

  private void obeyed(String origin, RobotsRules rules) {
    gate.robotsRead(origin, rules);
    seedHosts.robotsRead(origin, rules);
  }

  private void givenUp(String origin) {
    gate.robotsGivenUp(origin);
  }

  /** Starts the reads of the hosts adopted so far, and of the seeds' hosts' sitemaps; on the loop. */
  void start() {
    robots.start();
    seedHosts.start();
    seedSitemaps.start();
  }

  /** A seed an earlier run fetched and read as a sitemap, index or feed: it is read again. */
  void readSeedSitemapAgain(String url) {
    seedSitemaps.readAgain(url);
  }

  /** See {@link SeedSitemaps#readIfSeedSitemap}. */
  void readIfSeedSitemap(int depth, FetchResult fetched) {
    seedSitemaps.readIfSeedSitemap(depth, fetched);
  }

  /**
   * The hosts whose sitemaps, or whose robots.txt that names them, the crawl ended early without
   * reading to their end (page limit, stop): the next run reads them again. On the loop.
   */
  int hostsWithSitemapsCut() {
    return cut.hosts();
  }

  /**
   * Abandons the reads under way and starts none, once the crawl is stopped or reaches its page
   * limit: a robots.txt or a sitemap that answers slowly held the end up to the timeout, for
   * nothing, since no page is fetched after it and the next run reads them again. Each read under
   * way still ends as a read done; a host adopted from now on stays held, its URLs queued.
   */
  void abandonReads() {
    gate.cutAwaiting();
    reads.abandon();
  }

  /** What robots.txt allows on a host; everything where it is ignored. */
  RobotsRules rules(String origin) {
    return robots.rules(origin);
  }

  /** The robots.txt of each host read so far, by origin; on the loop, or once the crawl is over. */
  Map<String, RobotsRules> rulesRead() {
    return robots.rulesRead();
  }

  /** A host seen for the first time waits for its robots.txt before its first page. */
  void adoptIfNew(String url) {
    robots.adoptIfNew(url);
  }

  /** The crawl gave up on the host: its sitemaps waiting for its turn are cut now. */
  void hostAbandoned(String origin) {
    turns.hostAbandoned(origin);
  }

  /**
   * Forgets the sitemaps still waiting (queued, or for their host's delay) and the robots.txt reads
   * waiting to try again, when the crawl ends before the frontier drains (page limit, stop): their
   * pages would not be fetched, and a thousand sitemaps, a delay apart, would hold the end up for
   * minutes. Returns how many were dropped: outstanding work that is no more.
   */
  int dropWaitingReads() {
    return robots.dropRetries() + turns.dropWaiting();
  }
}
