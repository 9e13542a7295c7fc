package dev.sitepulse.crawler.links;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.politeness.CrawlDelayCap;
import dev.sitepulse.crawler.robots.RobotsRules;
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
import java.util.function.BiConsumer;
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
  /** What the crawl read, by origin: not read again for a host first met after the checks. */
  private final Map<String, RobotsRules> known;
  /** Hosts first met through a redirect, each read once however many callers meet it at once. */
  private final Map<String, CompletableFuture<RobotsRules>> readingNew = new ConcurrentHashMap<>();
  /** Once requested, no robots.txt is read, and none under way is waited for. */
  private final OnlineStop stop;

  private OwnSiteManners(CrawlConfig crawl, Map<String, RobotsRules> rulesByOrigin, Map<String, RobotsRules> known,
      OnlineStop stop) {
    this.crawl = crawl;
    this.rulesByOrigin = new ConcurrentHashMap<>(rulesByOrigin);
    this.known = known;
    this.stop = stop;
  }

  /**
   * The robots.txt of the hosts of {@code urls}, unless the crawl ignores robots.txt: those in
   * {@code known} as the crawl read them, the others read now, each tried as the crawl tries its
   * own ({@link RobotsReads}).
   *
   * @param known rules the crawl read, by origin; one that said the host could not be reached is
   *     read again, since the host may be back
   * @param stop once requested, the reads under way are not waited for: their hosts' targets are
   *     not asked for either
   */
  static OwnSiteManners read(CrawlConfig crawl, Collection<String> urls, Map<String, RobotsRules> known,
      OnlineStop stop) {
    Map<String, RobotsRules> rules = new LinkedHashMap<>();
    urls.forEach(url -> rules.put(Frontier.originOf(url), RobotsRules.allowAll()));
    if (crawl.ignoreRobots() || rules.isEmpty()) {
      return new OwnSiteManners(crawl, rules, known, stop);
    }
    List<String> unread = takeCrawlsReads(List.copyOf(rules.keySet()), known, rules);
    if (unread.isEmpty()) {
      return new OwnSiteManners(crawl, rules, known, stop);
    }
    unread.forEach(rules::remove); // each is put once read, below
    OwnSiteManners manners = new OwnSiteManners(crawl, rules, known, stop);
    manners.readEach(unread, (origin, read) -> {
      long skipped = urls.stream().filter(url -> Frontier.originOf(url).equals(origin)).count();
      LOG.warn("robots.txt of {} could not be read again ({}); its {} the crawl did not fetch {} skipped",
          origin, read.why(), skipped == 1 ? "1 target" : skipped + " targets", skipped == 1 ? "is" : "are");
    });
    return manners;
  }

  /**
   * Reads the robots.txt of {@code origins}, --concurrency at a time, each tried as the crawl tries
   * its own, and keeps their rules; {@code unreadable} is told of each that could not be read. Once
   * the stop is requested, the origins not read yet have no rules.
   */
  private void readEach(List<String> origins, BiConsumer<String, RobotsReads.Read> unreadable) {
    // The Fetcher bounds connections, not fetches: at most --concurrency reads go at once, each
    // with its retries, then the next ones.
    int atOnce = Math.max(1, Math.min(crawl.concurrency(), origins.size()));
    try (Fetcher fetcher = robotsFetcher(crawl, origins.size())) {
      for (int from = 0; from < origins.size() && !stop.isRequested(); from += atOnce) {
        readBatch(origins.subList(from, Math.min(from + atOnce, origins.size())), fetcher, unreadable);
      }
    }
  }

  /** Reads the robots.txt of {@code origins} at once and waits for them all, or for the stop. */
  private void readBatch(List<String> origins, Fetcher fetcher, BiConsumer<String, RobotsReads.Read> unreadable) {
    Map<String, CompletableFuture<RobotsReads.Read>> reads = new LinkedHashMap<>();
    origins.forEach(origin -> reads.put(origin, RobotsReads.read(crawl, fetcher, origin, stop)));
    stop.await(reads.values());
    reads.forEach((origin, reading) -> {
      if (stop.cutShort(reading)) {
        return;
      }
      RobotsReads.Read read = reading.join();
      rulesByOrigin.putIfAbsent(origin, read.rules());
      CrawlDelayCap.warnIfCapped(origin, read.rules().crawlDelay());
      if (read.rules().unreachable() != null) {
        unreadable.accept(origin, read);
      }
    });
  }

  /**
   * Puts in {@code rules} the robots.txt the crawl read for each of {@code origins}, but one that
   * said the host could not be reached, since it may be back.
   *
   * @return the origins still to be read
   */
  private static List<String> takeCrawlsReads(List<String> origins, Map<String, RobotsRules> known,
      Map<String, RobotsRules> rules) {
    List<String> unread = new ArrayList<>();
    for (String origin : origins) {
      RobotsRules read = known.get(origin);
      if (read != null && read.unreachable() == null) {
        rules.put(origin, read);
      } else {
        unread.add(origin);
      }
    }
    return unread;
  }

  /** What robots.txt says about {@code url}, one of the URLs this was read for. */
  RobotsRules rules(String url) {
    return rulesByOrigin.getOrDefault(Frontier.originOf(url), RobotsRules.allowAll());
  }

  /**
   * Reads the robots.txt of the hosts of {@code urls} that none has been read for (other sites'
   * pages read for their ids), as {@link #read} reads the crawl's hosts': then
   * {@link #rulesReadingNew} finds them read. The crawl's hosts have theirs as the crawl read them.
   * One that could not be read is said once: its host's pages are not read (see {@link #unread}).
   */
  void readAhead(Collection<String> urls) {
    if (crawl.ignoreRobots()) {
      return;
    }
    List<String> unread = takeCrawlsReads(urls.stream().map(OnlineChecks::originOf)
        .filter(o -> !o.isEmpty() && !rulesByOrigin.containsKey(o)).distinct().toList(), known, rulesByOrigin);
    if (unread.isEmpty()) {
      return;
    }
    readEach(unread, (origin, read) -> {
      long pages = urls.stream().filter(url -> OnlineChecks.originOf(url).equals(origin)).distinct().count();
      LOG.warn("robots.txt of {} could not be read ({}); its {} not read for {} ids", origin, read.why(),
          pages == 1 ? "1 page is" : pages + " pages are", pages == 1 ? "its" : "their");
    });
  }

  /**
   * Whether {@code url}'s host's robots.txt could not be read: not that it disallows the page, but
   * that nothing says whether it may be read, so it is not.
   */
  boolean unread(String url) {
    RobotsRules rules = crawl.ignoreRobots() ? null : rulesByOrigin.get(OnlineChecks.originOf(url));
    return rules != null && rules.unreachable() != null;
  }

  /**
   * What robots.txt says about {@code url}, a redirect's destination: on a host none of the
   * targets was on (http to https, another subdomain), its robots.txt is read first, once, tried
   * again as the crawl tries its own; the callers wait for that read, outside any lock, until the
   * stop at most.
   *
   * @return null when the stop came before that read ended: not known, and not to be asked
   */
  RobotsRules rulesReadingNew(String url) {
    String origin = OnlineChecks.originOf(url);
    if (origin.isEmpty() || crawl.ignoreRobots()) {
      return RobotsRules.allowAll();
    }
    RobotsRules held = rulesByOrigin.get(origin);
    if (held != null) {
      return held;
    }
    CompletableFuture<RobotsRules> mine = new CompletableFuture<>();
    CompletableFuture<RobotsRules> reading = readingNew.putIfAbsent(origin, mine);
    if (reading == null) {
      try {
        mine.complete(readNew(origin));
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e);
        throw e;
      }
      reading = mine;
    }
    return reading.join();
  }

  /** The rules of {@code origin}, read now unless the crawl read them; null if the stop came first. */
  private RobotsRules readNew(String origin) {
    RobotsRules rules = known.get(origin);
    if (rules == null || rules.unreachable() != null) {
      try (Fetcher fetcher = robotsFetcher(crawl, 1)) {
        CompletableFuture<RobotsReads.Read> reading = RobotsReads.read(crawl, fetcher, origin, stop);
        stop.await(List.of(reading));
        if (stop.cutShort(reading)) {
          return null; // the read under way is abandoned as the fetcher closes, and not tried again
        }
        RobotsReads.Read read = reading.join();
        rules = read.rules();
        CrawlDelayCap.warnIfCapped(origin, rules.crawlDelay()); // once: the host is read once
        if (rules.unreachable() != null) {
          LOG.warn("robots.txt of {} could not be read ({}); what redirects lead to there is not asked", origin,
              read.why());
        }
      }
    }
    RobotsRules prior = rulesByOrigin.putIfAbsent(origin, rules);
    return prior != null ? prior : rules;
  }

  /**
   * Fetches robots.txt as the crawl does: its timeout, its body limit, its User-Agent; for {@code
   * hosts} hosts, keeping at most --concurrency connections (it bounds connections, not fetches:
   * {@link #readAhead} bounds those).
   */
  private static Fetcher robotsFetcher(CrawlConfig crawl, int hosts) {
    return Fetcher.create(Math.min(crawl.concurrency(), hosts), crawl.timeout(), crawl.maxBodyBytes(),
        crawl.userAgent(), crawl.requestHeaders(Map.of()));
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

  /**
   * Between two reads of another site's pages for their ids: its robots.txt's Crawl-delay (at most
   * 30 s, as the crawl caps its own hosts'), else {@code floor}, the online checks' pace.
   */
  Duration otherSiteDelay(String origin, Duration floor) {
    RobotsRules rules = rulesByOrigin.get(origin);
    Duration asked = rules == null || rules.crawlDelay() == null ? Duration.ZERO : crawl.delayFor(rules.crawlDelay());
    return asked.compareTo(floor) > 0 ? asked : floor;
  }

  /** The Crawl-delay of the origin's robots.txt, at most 30 s, else --delay, as the crawl keeps. */
  private Duration delay(String origin) {
    RobotsRules rules = rulesByOrigin.get(origin);
    return crawl.delayFor(rules == null ? null : rules.crawlDelay());
  }
}
