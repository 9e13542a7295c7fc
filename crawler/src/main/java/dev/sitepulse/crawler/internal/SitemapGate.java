package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.robots.RobotsRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a sitemap found (in robots.txt, an index, a seed, or the guessed /sitemap.xml) is read:
 * once, within the crawl's limits, and only where its host's robots.txt, read first when it is
 * another host's, allows it. Confined to the crawl's event loop.
 */
final class SitemapGate implements NamedSitemap.Found {

  /** Logged as {@link RobotsAndSitemaps}, whose reads these are. */
  private static final Logger LOG = LoggerFactory.getLogger(RobotsAndSitemaps.class);
  /** A robots.txt answered 429 or 503 with a wait past --max-backoff: it was read, not failed. */
  private static final String ASKED_TO_WAIT = "asked to wait past --max-backoff";

  private final CrawlConfig config;
  private final SitemapLimits limits;
  private final SitemapsRead read;
  private final ReadsUnderWay reads;
  private final SitemapsCut cut;
  private final HostRobots robots;
  private final SitemapTurns turns;
  private final Counters counters;
  /** Sitemaps of hosts whose robots.txt is still being read, by origin. */
  private final Map<String, List<NamedSitemap>> awaitingRobots = new HashMap<>();

  SitemapGate(CrawlConfig config, SitemapLimits limits, SitemapsRead read, ReadsUnderWay reads, SitemapsCut cut,
      HostRobots robots, SitemapTurns turns, Counters counters) {
    this.config = config;
    this.limits = limits;
    this.read = read;
    this.reads = reads;
    this.cut = cut;
    this.robots = robots;
    this.turns = turns;
    this.counters = counters;
  }

  @Override
  public void found(NamedSitemap sitemap) {
    String normalized = config.linkRules().normalize(sitemap.url());
    // Cut only if a later run would read it: not one read, nested too deep, or past the cap.
    if ((reads.abandoned() || limits.spent()) && normalized != null && read.mayRead(normalized)
        && !SitemapLimits.nestedTooDeep(sitemap.level())) {
      cut.sitemap(sitemap);
    }
    if (reads.abandoned() || normalized == null || limits.spent() || read.contains(normalized) // read: not "too deep"
        || limits.tooDeep(normalized, sitemap.namedBy(), sitemap.level()) || !read.firstRead(normalized)) {
      return;
    }
    String origin = Frontier.originOf(normalized);
    NamedSitemap named = new NamedSitemap(normalized, sitemap.namedBy(), sitemap.level(), sitemap.host());
    if (!config.ignoreRobots()) {
      robots.adoptIfNew(normalized); // another host's sitemap: its robots.txt is read first, as for its pages
      if (robots.givenUpUnread(origin)) {
        leftUnread(origin, List.of(named), ASKED_TO_WAIT);
        return;
      }
      if (robots.readRules(origin) == null) { // being read: robotsRead starts it, while that read keeps the crawl going
        awaitingRobots.computeIfAbsent(origin, o -> new ArrayList<>()).add(named);
        return;
      }
    }
    startRead(origin, named);
  }

  /**
   * The host's robots.txt is read: its sitemaps that waited for it are read, but for a host in
   * trouble, which has none read; one that robots.txt or an index named is a warning, as any named
   * sitemap that cannot be read is (the host's own warning names no sitemap).
   */
  void robotsRead(String origin, RobotsRules rules) {
    List<NamedSitemap> awaiting = awaitingRobots.remove(origin);
    if (awaiting == null) {
      return;
    }
    if (rules.unreachable() == null) {
      awaiting.forEach(named -> startRead(origin, named));
      return;
    }
    leftUnread(origin, awaiting, "could not be read");
  }

  /**
   * The host was given up on while its robots.txt was read, which asked to wait past --max-backoff:
   * its sitemaps that waited for it are left as those of a host whose robots.txt could not be read,
   * saying it was answered.
   */
  void robotsGivenUp(String origin) {
    List<NamedSitemap> awaiting = awaitingRobots.remove(origin);
    if (awaiting != null) {
      leftUnread(origin, awaiting, ASKED_TO_WAIT);
    }
  }

  /** @param why what the host's robots.txt did: "could not be read", or {@link #ASKED_TO_WAIT} */
  private void leftUnread(String origin, List<NamedSitemap> awaiting, String why) {
    // Why in full, the host's own warning has said. A crawl for search leaves the
    // sitemap, as the host's URLs, for a later run, which reads the robots.txt that names it again.
    boolean laterRun = config.purpose() == CrawlPurpose.SEARCH;
    awaiting.stream().filter(named -> named.namedBy() != null).forEach(named -> {
      LOG.warn("sitemap {}, named in {}, is not read: robots.txt of {} {}{}", named.url(), named.namedBy(), origin,
          why, laterRun ? "; it is left for a later run" : "");
      counters.sitemapsOnHostsWithoutRobotsTxt += laterRun ? 1 : 0;
    });
  }

  /** The crawl ended early: the sitemaps waiting for their host's robots.txt go unread. */
  void cutAwaiting() {
    awaitingRobots.values().forEach(named -> named.forEach(cut::sitemap));
  }

  /** A sitemap whose host's robots.txt is read (or ignored) is read if that allows it. */
  private void startRead(String origin, NamedSitemap named) {
    RobotsRules rules = robots.readRules(origin); // null where robots.txt is ignored
    if (rules != null && !rules.allows(named.url())) { // a site that disallows everything, say
      if (named.namedBy() != null) {
        LOG.warn("sitemap {}, named in {}, is not read: robots.txt of {} disallows it", named.url(),
            named.namedBy(), origin);
      }
      return;
    }
    turns.queue(origin, named);
  }
}
