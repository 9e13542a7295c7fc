package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.HostsHeldBack;
import dev.sitepulse.crawler.PolitenessWait;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The crawl's running counts; touched only on the event loop. */
final class Counters {
  long pages;
  long indexed;
  long duplicates;
  long robotsBlocked;
  long skippedLinks;
  long unchanged;
  /** Documents an earlier crawl indexed that left the index: {@link #removedUrls}, counted. */
  private long removed;
  long bytes;
  long unreachableHosts;
  long hostsBackedOffTooLong;
  long hostsWithoutRobotsTxt;
  /**
   * Named sitemaps left unread as their host's robots.txt could not be read, or asked to wait past
   * --max-backoff, in a crawl for search.
   */
  long sitemapsOnHostsWithoutRobotsTxt;
  long pagesCutAtMaxBody;
  long linksCut;
  long pagesWithLinksCut;
  long pagesBinary;
  /** Fetches in flight that a stop cut once their grace was over. */
  long fetchesCutAtStop;
  final Map<Integer, Long> statuses = new HashMap<>();
  final Map<String, Long> errors = new HashMap<>();
  final Map<String, String> seedsRedirectedAway = new LinkedHashMap<>();
  /**
   * Pages whose document this run removed, and has not indexed again: a page fetched once more
   * (its canonical ended without a document) may be removed and then indexed in one run.
   */
  private final Set<String> removedUrls = new HashSet<>();

  void status(int status) {
    statuses.merge(status, 1L, Long::sum);
  }

  void error(String kind) {
    errors.merge(kind, 1L, Long::sum);
  }

  /** The page's document from an earlier crawl left the index; counted once however often. */
  void documentRemoved(String url) {
    if (removedUrls.add(url)) {
      removed++;
    }
  }

  /** The page was indexed: a document this run removed is back, so it is no longer counted gone. */
  void documentIndexed(String url) {
    indexed++;
    if (removedUrls.remove(url)) {
      removed--;
    }
  }

  /**
   * @param abandoned URLs left on hosts given up on, which {@code queued} does not count
   * @param heldBack hosts a 429 or 503 holds back now, or null
   * @param hostsWithSitemapsUnread what the sitemap reads left, which they count themselves
   * @param warc the WARC file's writer, which counts what it left out; null for none
   * @param politenessWait the delay between a host's fetches that holds the crawl now, or null
   */
  CrawlStats snapshot(long queued, long abandoned, Duration elapsed, HostsHeldBack heldBack,
      long hostsWithSitemapsUnread, WarcSink warc, PolitenessWait politenessWait, long leftPastReach) {
    return new CrawlStats(pages, indexed, queued + abandoned, statuses, errors, duplicates,
        robotsBlocked, skippedLinks, unchanged, removed, bytes, elapsed, unreachableHosts, abandoned,
        seedsRedirectedAway, hostsBackedOffTooLong, hostsWithoutRobotsTxt, pagesCutAtMaxBody, pagesBinary, heldBack,
        hostsWithSitemapsUnread, sitemapsOnHostsWithoutRobotsTxt, warc == null ? 0 : warc.notArchived(),
        warc == null ? null : warc.failure(),
        politenessWait, fetchesCutAtStop, leftPastReach, linksCut, pagesWithLinksCut);
  }
}
