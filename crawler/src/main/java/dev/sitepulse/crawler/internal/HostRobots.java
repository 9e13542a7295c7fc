package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.politeness.CrawlDelayCap;
import dev.sitepulse.crawler.politeness.FetchRetries;
import dev.sitepulse.crawler.robots.RobotsRules;
import dev.sitepulse.crawler.robots.RobotsTxt;
import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.Fetcher;
import io.vertx.core.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each host allows: its robots.txt, read before its first page, which waits for it. A read
 * that gets no answer, a 429 or a 5xx is tried again as {@link FetchRetries#readRetryWait} says.
 * Confined to the crawl's event loop: reads complete back on it.
 */
final class HostRobots {

  /** Logged as {@link RobotsAndSitemaps}, whose reads these are. */
  private static final Logger LOG = LoggerFactory.getLogger(RobotsAndSitemaps.class);

  /** What follows a host's robots.txt read, on the loop, before its pages may be fetched. */
  @FunctionalInterface
  interface Obeyed {
    void obeyed(String origin, RobotsRules rules);
  }

  /** What follows a host given up on while its robots.txt was read (a 429 or 503 past --max-backoff). */
  @FunctionalInterface
  interface GivenUp {
    void givenUp(String origin);
  }

  private final CrawlConfig config;
  private final LoopTimers timers;
  /** The loop's time, which its hosts' back-offs are told by. */
  private final LongSupplier nanoTime;
  private final Context context;
  private final Frontier frontier;
  private final Fetcher fetcher;
  private final ExecutorService parsers;
  private final Counters counters;
  private final ReadRetries readRetries;
  private final ReadsUnderWay reads;
  private final SitemapsCut cut;
  private final Obeyed obeyed;
  private final GivenUp givenUp;
  /** Hosts given up on before their robots.txt was read: it will not be, in this run. */
  private final Set<String> givenUpUnread = new HashSet<>();
  /** The rules of each host whose robots.txt was read. */
  private final Map<String, RobotsRules> robots = new HashMap<>();
  /**
   * Hosts whose robots.txt is being read, waits to be tried again, or was left unread as the crawl
   * ended early: all held, so none of their pages is handed out.
   */
  private final Set<String> unread = new HashSet<>();
  /**
   * Hosts adopted while the crawl is seeded, on the thread that opens it: their reads start with
   * the loop, since a read that ended meanwhile would change the frontier from the loop's thread
   * while seeding still fills it.
   */
  private final List<String> beforeStart = new ArrayList<>();
  /** The robots.txt reads waiting to try again, by origin: each a timer's id. */
  private final Map<String, Long> retries = new HashMap<>();
  private boolean started;

  HostRobots(CrawlSetup setup, Counters counters, ReadRetries readRetries, ReadsUnderWay reads, SitemapsCut cut,
      Obeyed obeyed, GivenUp givenUp) {
    this.config = setup.config();
    this.timers = setup.timers();
    this.nanoTime = setup.nanoTime();
    this.context = setup.context();
    this.frontier = setup.frontier();
    this.fetcher = setup.fetcher();
    this.parsers = setup.parsers();
    this.counters = counters;
    this.readRetries = readRetries;
    this.reads = reads;
    this.cut = cut;
    this.obeyed = obeyed;
    this.givenUp = givenUp;
  }

  /** Starts the reads of the hosts adopted so far; on the loop. */
  void start() {
    started = true;
    beforeStart.forEach(this::read);
    beforeStart.clear();
  }

  /** What robots.txt allows on a host handed out for a fetch; everything where it is ignored. */
  RobotsRules rules(String origin) {
    RobotsRules read = robots.get(origin);
    if (read == null && unread.contains(origin)) { // a bug: allowing all would ignore robots.txt
      throw new IllegalStateException("a page of " + origin + " was handed out before its robots.txt was read");
    }
    return read != null ? read : RobotsRules.allowAll();
  }

  /** The host's rules once read; null while being read, and where robots.txt is ignored. */
  RobotsRules readRules(String origin) {
    return robots.get(origin);
  }

  /** Whether the host was given up on before its robots.txt was read: it is not read in this run. */
  boolean givenUpUnread(String origin) {
    return givenUpUnread.contains(origin);
  }

  /** The robots.txt of each host read so far, by origin; on the loop, or once the crawl is over. */
  Map<String, RobotsRules> rulesRead() {
    return new HashMap<>(robots);
  }

  /** A host seen for the first time waits for its robots.txt before its first page. */
  void adoptIfNew(String url) {
    String origin = Frontier.originOf(url);
    if (!robots.containsKey(origin) && !config.ignoreRobots() && unread.add(origin)) {
      frontier.hold(origin, true);
      if (started) {
        read(origin);
      } else {
        beforeStart.add(origin);
      }
    }
  }

  private void read(String origin) {
    if (reads.abandoned()) {
      cut.robots(origin);
      return;
    }
    reads.started();
    fetch(origin, 1, Duration.ZERO);
  }

  /** One try at a robots.txt whose read has started; {@code waited} by the tries before it. */
  private void fetch(String origin, int tries, Duration waited) {
    String agent = config.userAgent();
    CompletableFuture<FetchResult> fetch = RobotsTxt.fetch(fetcher, origin);
    reads.fetching(fetch);
    // Parsed on a parse worker, not the loop: 500 KiB of rules take crawler-commons 0.1 s.
    fetch.thenApplyAsync(r -> new Read(r, RobotsRules.from(r, agent)), parsers)
        .whenComplete((read, error) -> context.runOnContext(v -> {
          reads.fetched(fetch);
          Duration wait = read == null || reads.abandoned() ? null : retryWait(origin, read, tries, waited);
          if (wait != null) {
            LOG.debug("robots.txt of {}: {}; trying again in {} ms", origin, read.fetched().message(), wait.toMillis());
            retries.put(origin, timers.set(Math.max(1, wait.toMillis()), () -> {
              retries.remove(origin);
              if (reads.abandoned()) { // fired as the crawl ended early, too late for dropRetries to cancel
                cut.robots(origin); // and the host stays held, its URLs queued for a later run
                reads.done();
              } else {
                fetch(origin, tries + 1, waited.plus(wait));
              }
            }));
            return;
          }
          if (read != null && frontier.abandoned(origin)) {
            // Given up on for asking to wait past --max-backoff, and said so: not as a robots.txt
            // that could not be read. Held, none of its pages is handed out.
            LOG.debug("robots.txt of {}: {}; its host is given up on", origin, read.fetched().message());
            givenUpUnread.add(origin);
            givenUp.givenUp(origin);
          } else if (read != null) {
            obey(origin, read.fetched(), read.rules());
            frontier.hold(origin, false); // released only with rules to check its pages against
          } else if (!reads.abandoned()) { // a bug: the loop's exception handler ends the crawl with it
            throw new IllegalStateException("could not read robots.txt of " + origin, error);
          } else {
            cut.robots(origin); // the host stays held, its URLs queued for a later run
          }
          reads.done();
        }));
  }

  private record Read(FetchResult fetched, RobotsRules rules) {}

  /**
   * How long to wait before reading the host's robots.txt again, or null to take this read as
   * final; a 429's or 503's wait past --max-backoff gives the host up, as a page's or a sitemap's
   * does ({@link ReadRetries}).
   */
  private Duration retryWait(String origin, Read read, int tries, Duration waited) {
    return readRetries.after(origin, read.fetched(), read.rules().unreachable() != null, tries, waited,
        nanoTime.getAsLong());
  }

  private void obey(String origin, FetchResult r, RobotsRules rules) {
    unread.remove(origin);
    robots.put(origin, rules);
    RobotsWarnings.warn(origin, r, rules);
    Duration asked = rules.crawlDelay();
    if (asked != null) {
      CrawlDelayCap.warnIfCapped(origin, asked);
      frontier.delay(origin, config.delayFor(asked).toNanos());
    }
    if (rules.unreachable() != null && config.purpose() == CrawlPurpose.SEARCH) {
      // As a host that stops answering: a later run reads robots.txt again and fetches them. A link
      // check goes on instead, and reports each URL of the host as broken (CrawlLoop.unreachable).
      counters.hostsWithoutRobotsTxt++;
      RobotsWarnings.unreachable(origin, r, frontier.abandon(origin) > 0);
    } else if (rules.unreachable() != null) {
      RobotsWarnings.unreachable(origin, r, false);
    }
    obeyed.obeyed(origin, rules);
  }

  /**
   * Forgets the reads waiting to try again, when the crawl ends early; returns how many were
   * dropped. A timer that fired but whose handler has not run yet is left to it.
   */
  int dropRetries() {
    retries.keySet().forEach(cut::robots);
    int dropped = 0;
    for (long timer : retries.values()) {
      if (timers.cancel(timer)) {
        dropped++;
      }
    }
    retries.clear();
    return dropped;
  }
}
