package dev.sitepulse.cli.crawl;

import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.HostsHeldBack;
import dev.sitepulse.crawler.PolitenessWait;
import java.time.Duration;
import java.util.Map;

/** A crawl's counters for a test: zero, empty or none but for what the test sets. */
final class StatsBuilder {

  private long pages;
  private long indexed;
  private long queued;
  private Map<Integer, Long> statuses = Map.of();
  private Map<String, Long> errors = Map.of();
  private long bytes;
  private Duration elapsed = Duration.ZERO;
  private long unreachableHosts;
  private long leftOnUnreachableHosts;
  private long hostsBackedOffTooLong;
  private long hostsWithoutRobotsTxt;
  private long pagesCutAtMaxBody;
  private long pagesBinary;
  private HostsHeldBack heldBack;
  private PolitenessWait politenessWait;
  private long fetchesCutAtStop;
  private long hostsWithSitemapsUnread;
  private long sitemapsOnHostsWithoutRobotsTxt;
  private long responsesNotArchived;
  private String warcFailure;

  /** {@code pages} fetched, {@code indexed} of them indexed, {@code queued} left. */
  StatsBuilder pages(long pages, long indexed, long queued) {
    this.pages = pages;
    this.indexed = indexed;
    this.queued = queued;
    return this;
  }

  StatsBuilder statuses(Map<Integer, Long> statuses) {
    this.statuses = statuses;
    return this;
  }

  StatsBuilder errors(Map<String, Long> errors) {
    this.errors = errors;
    return this;
  }

  /** {@code bytes} fetched in {@code elapsed}. */
  StatsBuilder fetched(long bytes, Duration elapsed) {
    this.bytes = bytes;
    this.elapsed = elapsed;
    return this;
  }

  /** Hosts given up on, for each reason, and the URLs left queued on them all. */
  StatsBuilder hostsGivenUp(long unreachable, long backedOffTooLong, long withoutRobotsTxt, long urlsLeftOnThem) {
    this.unreachableHosts = unreachable;
    this.hostsBackedOffTooLong = backedOffTooLong;
    this.hostsWithoutRobotsTxt = withoutRobotsTxt;
    this.leftOnUnreachableHosts = urlsLeftOnThem;
    return this;
  }

  StatsBuilder pagesCutAtMaxBody(long pagesCutAtMaxBody) {
    this.pagesCutAtMaxBody = pagesCutAtMaxBody;
    return this;
  }

  StatsBuilder pagesBinary(long pagesBinary) {
    this.pagesBinary = pagesBinary;
    return this;
  }

  StatsBuilder heldBack(HostsHeldBack heldBack) {
    this.heldBack = heldBack;
    return this;
  }

  StatsBuilder politenessWait(PolitenessWait wait) {
    this.politenessWait = wait;
    return this;
  }

  StatsBuilder hostsWithSitemapsUnread(long hosts) {
    this.hostsWithSitemapsUnread = hosts;
    return this;
  }

  StatsBuilder sitemapsOnHostsWithoutRobotsTxt(long sitemaps) {
    this.sitemapsOnHostsWithoutRobotsTxt = sitemaps;
    return this;
  }

  /** {@code responses} the WARC file does not hold, since the write that failed as {@code failure} says. */
  StatsBuilder notArchived(long responses, String failure) {
    this.responsesNotArchived = responses;
    this.warcFailure = failure;
    return this;
  }

  /** {@code fetches} in flight that a stop cut after their grace. */
  StatsBuilder cutAtStop(long fetches) {
    this.fetchesCutAtStop = fetches;
    return this;
  }

  CrawlStats build() {
    return new CrawlStats(pages, indexed, queued, statuses, errors, 0, 0, 0, 0, 0, bytes, elapsed,
        unreachableHosts, leftOnUnreachableHosts, Map.of(), hostsBackedOffTooLong, hostsWithoutRobotsTxt,
        pagesCutAtMaxBody, pagesBinary, heldBack, hostsWithSitemapsUnread, sitemapsOnHostsWithoutRobotsTxt, responsesNotArchived,
        warcFailure,
        politenessWait, fetchesCutAtStop, 0, 0, 0);
  }
}
