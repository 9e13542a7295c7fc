package dev.sitepulse.crawler.links;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.links.CrawledPages.Page;
import dev.sitepulse.crawler.parse.PageParser;
import dev.sitepulse.crawler.politeness.FetchRetries;
import dev.sitepulse.crawler.robots.RobotsRules;
import dev.sitepulse.crawler.store.UrlState;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.Fetcher;
import dev.sitepulse.pinger.Hop;
import dev.sitepulse.pinger.PingSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The ids of pages checked online, for --check-anchors: a check online reads no body, so a target
 * with a #fragment that works is fetched once more, with GET, where its redirects ended, within
 * --max-body, and parsed as the crawl parses a page for its ids. Each URL once, however many
 * fragments and targets lead to it, paced as the checks were: the crawl's hosts as it asks them,
 * others at the pinger's rate per host. A 429 or 503 holds the host back and the page is asked
 * again, as the crawl would, within --max-backoff.
 */
final class OnlineIds {

  private OnlineIds() {}

  /**
   * The pages read for their ids.
   *
   * @param pages by target URL (as linked), its page as crawl.db would record it, ids and all, or
   *     as {@link UrlState#SKIPPED_ROBOTS} where robots.txt disallows reading it; none for one that
   *     could not be read (a failure, or an answer other than the working one the check got)
   * @param cutShort the targets whose page's read the stop kept from ending
   */
  record Reads(Map<String, Page> pages, Set<String> cutShort) {

    static final Reads NONE = new Reads(Map.of(), Set.of());
  }

  /**
   * @param working the checks online that found their target working and whose links name a
   *     #fragment
   * @param own the pacing of the crawl's hosts, whose delays were kept for the checks
   * @param robots the robots.txt rules the checks obeyed: the other hosts' are read here, before
   *     any of their pages
   * @param stop once requested, no page is asked for, and none under way is waited for
   */
  static Reads read(CrawlConfig crawl, List<CheckResult> working, Set<String> ownOrigins,
      HostPacing own, OwnSiteManners robots, OnlineStop stop) {
    if (working.isEmpty()) {
      return Reads.NONE;
    }
    robots.readAhead(working.stream().map(OnlineIds::endOf).toList());
    Map<String, CompletableFuture<Page>> byEnd = new HashMap<>();
    Map<String, CompletableFuture<Page>> byTarget = new HashMap<>();
    long pinger = PingSettings.DEFAULTS.ratePerHost().interval().toNanos();
    try (Fetcher fetcher = Fetcher.create(crawl.concurrency(), crawl.timeout(), crawl.maxBodyBytes(),
            crawl.userAgent(), crawl.requestHeaders(Map.of("Accept", CrawlConfig.ACCEPT)));
        HostPacing others = new HostPacing(o -> robots.otherSiteDelay(o, Duration.ofNanos(pinger)), crawl.perHost())) {
      HostHolds holds = new HostHolds(crawl.maxBackoff(), HostHolds.Asking.IDS, System::nanoTime);
      for (CheckResult r : working) {
        if (stop.isRequested()) {
          break; // robots.txt read ahead may be cut short: none is read now
        }
        String end = endOf(r);
        HostPacing pacing = ownOrigins.contains(OnlineChecks.originOf(end)) ? own : others;
        byTarget.put(r.target().url(), byEnd.computeIfAbsent(end, url -> {
          if (robots.unread(url)) {
            return CompletableFuture.completedFuture(null); // not known whether it may be read: not read
          }
          RobotsRules rules = robots.rulesReadingNew(url);
          return rules == null ? new CompletableFuture<>() // the stop came first: cut short
              : rules.allows(url) ? read(url, 1, fetcher, pacing, holds, stop)
              : CompletableFuture.completedFuture(disallowed(url));
        }));
      }
      stop.await(byTarget.values());
      Map<String, Page> out = new HashMap<>();
      Set<String> cutShort = new HashSet<>();
      for (CheckResult r : working) {
        String target = r.target().url();
        CompletableFuture<Page> read = byTarget.get(target);
        if (read == null || stop.cutShort(read)) {
          cutShort.add(target);
        } else if (read.join() != null) {
          out.put(target, read.join());
        }
      }
      return new Reads(out, Set.copyOf(cutShort));
    }
  }

  /**
   * The page at {@code url}, asked for again after a 429 or 503 as the crawl would: its host held
   * back first (Retry-After, else 2 s, 4 s …), at most 5 times, and not once its holds would pass
   * --max-backoff in all; none then.
   */
  private static CompletableFuture<Page> read(String url, int tries, Fetcher fetcher, HostPacing pacing,
      HostHolds holds, OnlineStop stop) {
    String origin = OnlineChecks.originOf(url);
    // Given up on while this waited its turn: not asked (none fetched), and at once, not a delay
    // later for each page of the host still waiting.
    Supplier<CompletableFuture<FetchResult>> fetch = () -> holds.givenUp(origin)
        ? CompletableFuture.completedFuture(null) : stop.unlessStopped(() -> fetcher.fetch(url));
    return pacing.submit(origin, fetch, f -> holds.hold(origin, f, tries), () -> holds.givenUp(origin), null)
        .thenCompose(f -> f == null || FetchRetries.asksToWait(f) && tries > FetchRetries.MAX_BACKOFF_RETRIES
            ? CompletableFuture.completedFuture(null)
            : FetchRetries.asksToWait(f) ? read(url, tries + 1, fetcher, pacing, holds, stop)
            : CompletableFuture.completedFuture(readOf(f)));
  }

  /** Where the check's redirects ended. */
  private static String endOf(CheckResult r) {
    List<Hop> hops = r.last().hops();
    return hops.isEmpty() ? r.target().url() : hops.get(hops.size() - 1).url();
  }

  /** A page robots.txt disallows, as crawl.db records one: not asked for. */
  private static Page disallowed(String url) {
    return new Page(url, UrlState.SKIPPED_ROBOTS.column(), 0, null, "robots.txt disallows it", null, false,
        Set.of(), false);
  }

  /** A working answer's page, parsed for its ids when it is HTML; else none to judge. */
  private static Page readOf(FetchResult f) {
    if (f.failed() || f.status() < 200 || f.status() >= 300) {
      return null;
    }
    boolean html = PageParser.parses(f.mediaType(), f.charset(), f.body());
    Set<String> ids = html ? PageParser.parseForSearch(f.body(), f.charset(), f.url()).anchors() : Set.of();
    return new Page(f.url(), UrlState.DONE.column(), f.status(), null, f.message(), null, html, ids, f.truncated());
  }
}
