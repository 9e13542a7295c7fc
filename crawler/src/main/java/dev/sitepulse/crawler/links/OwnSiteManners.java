package dev.sitepulse.crawler.links;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.internal.CrawlDelayCap;
import dev.sitepulse.crawler.internal.RobotsTxt;
import dev.sitepulse.crawler.robots.RobotsRules;
import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.Fetcher;
import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Rate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a link check asks the hosts its crawl fetched from for the targets the crawl did not reach
 * (beyond --max-depth, behind nofollow, outside --scope or the filters but on those hosts): as the
 * crawl asks for pages. Each host's robots.txt applies, Disallow and all: as the crawl just read
 * it, or read again where it did not (a check of an earlier crawl, a host in scope it never
 * reached, one whose robots.txt it could not read), and each host gets the delay the crawl keeps
 * for it (its Crawl-delay, at most 30 s with the crawl's warning for a host read here, else --delay).
 */
final class OwnSiteManners {

  private static final Logger LOG = LoggerFactory.getLogger(OwnSiteManners.class);

  private final CrawlConfig crawl;
  private final Map<String, RobotsRules> rulesByOrigin;

  private OwnSiteManners(CrawlConfig crawl, Map<String, RobotsRules> rulesByOrigin) {
    this.crawl = crawl;
    this.rulesByOrigin = new ConcurrentHashMap<>(rulesByOrigin);
  }

  /**
   * The robots.txt of the hosts of {@code urls}, unless the crawl ignores robots.txt: those in
   * {@code known} as the crawl read them, the others read now.
   *
   * @param known rules the crawl read, by origin; one that said the host could not be reached is
   *     read again, since the host may be back
   */
  static OwnSiteManners read(CrawlConfig crawl, Collection<String> urls, Map<String, RobotsRules> known) {
    Map<String, RobotsRules> rules = new LinkedHashMap<>();
    urls.forEach(url -> rules.put(Frontier.originOf(url), RobotsRules.allowAll()));
    if (crawl.ignoreRobots() || rules.isEmpty()) {
      return new OwnSiteManners(crawl, rules);
    }
    List<String> unread = new ArrayList<>();
    for (String origin : rules.keySet()) {
      RobotsRules read = known.get(origin);
      if (read != null && read.unreachable() == null) {
        rules.put(origin, read);
      } else {
        unread.add(origin);
      }
    }
    if (unread.isEmpty()) {
      return new OwnSiteManners(crawl, rules);
    }
    try (Fetcher fetcher = robotsFetcher(crawl, unread.size())) {
      Map<String, CompletableFuture<FetchResult>> reads = new LinkedHashMap<>();
      unread.forEach(origin -> reads.put(origin, RobotsTxt.fetch(fetcher, origin)));
      for (Map.Entry<String, CompletableFuture<FetchResult>> read : reads.entrySet()) {
        FetchResult fetched = read.getValue().join();
        RobotsRules robots = RobotsRules.from(fetched, crawl.userAgent());
        rules.put(read.getKey(), robots);
        CrawlDelayCap.warnIfCapped(read.getKey(), robots.crawlDelay());
        if (robots.unreachable() != null) {
          long skipped = urls.stream().filter(url -> Frontier.originOf(url).equals(read.getKey())).count();
          LOG.warn("robots.txt of {} could not be read again ({}); its {} the crawl did not fetch {} skipped",
              read.getKey(), fetched.failed() ? fetched.message() : "it answered " + fetched.message(),
              skipped == 1 ? "1 target" : skipped + " targets", skipped == 1 ? "is" : "are");
        }
      }
    }
    return new OwnSiteManners(crawl, rules);
  }

  /** What robots.txt says about {@code url}, one of the URLs this was read for. */
  RobotsRules rules(String url) {
    return rulesByOrigin.getOrDefault(Frontier.originOf(url), RobotsRules.allowAll());
  }

  /**
   * Reads, all at once, the robots.txt of the hosts of {@code urls} that none has been read for
   * (other sites' pages read for their ids): {@link #rulesReadingNew} then finds them read.
   */
  void readAhead(Collection<String> urls) {
    List<String> unread = urls.stream().map(OnlineChecks::originOf)
        .filter(o -> !o.isEmpty() && !rulesByOrigin.containsKey(o)).distinct().toList();
    if (crawl.ignoreRobots() || unread.isEmpty()) {
      return;
    }
    try (Fetcher fetcher = robotsFetcher(crawl, unread.size())) {
      Map<String, CompletableFuture<FetchResult>> reads = new LinkedHashMap<>();
      unread.forEach(origin -> reads.put(origin, RobotsTxt.fetch(fetcher, origin)));
      reads.forEach((origin, read) -> rulesByOrigin.putIfAbsent(origin, RobotsRules.from(read.join(), crawl.userAgent())));
    }
  }

  /**
   * What robots.txt says about {@code url}, a redirect's destination: on a host none of the
   * targets was on (http to https, another subdomain), its robots.txt is read first, once; the
   * caller waits for that read.
   */
  RobotsRules rulesReadingNew(String url) {
    String origin = OnlineChecks.originOf(url);
    if (origin.isEmpty() || crawl.ignoreRobots()) {
      return RobotsRules.allowAll();
    }
    return rulesByOrigin.computeIfAbsent(origin, o -> {
      try (Fetcher fetcher = robotsFetcher(crawl, 1)) {
        RobotsRules read = RobotsRules.from(RobotsTxt.fetch(fetcher, o).join(), crawl.userAgent());
        CrawlDelayCap.warnIfCapped(o, read.crawlDelay()); // once: the host is read once
        return read;
      }
    });
  }

  /** Fetches robots.txt as the crawl does: its timeout, its body limit, its User-Agent. */
  private static Fetcher robotsFetcher(CrawlConfig crawl, int connections) {
    return Fetcher.create(connections, crawl.timeout(), crawl.maxBodyBytes(), crawl.userAgent(), Map.of());
  }

  /**
   * The checks' settings: as many in flight as {@link #pacing} lets go, which spaces them; the
   * pinger adds no rate of its own.
   */
  PingSettings settings(CrawlConfig crawl) {
    int connections = Math.max(1, Math.min(crawl.concurrency(), crawl.perHost() * rulesByOrigin.size()));
    return PingSettings.DEFAULTS.withConcurrency(connections).withRatePerHost(Rate.UNLIMITED);
  }

  /**
   * --per-host requests in flight for each host, and between two requests to one host (after the
   * start of the one before, and after its end, as the crawl does) the delay the crawl keeps for
   * it: a redirect's host read on first need included.
   */
  HostPacing pacing(CrawlConfig crawl) {
    return new HostPacing(this::delay, crawl.perHost());
  }

  /** The Crawl-delay of the origin's robots.txt, at most 30 s, else --delay, as the crawl keeps. */
  private Duration delay(String origin) {
    RobotsRules rules = rulesByOrigin.get(origin);
    return crawl.delayFor(rules == null ? null : rules.crawlDelay());
  }
}
