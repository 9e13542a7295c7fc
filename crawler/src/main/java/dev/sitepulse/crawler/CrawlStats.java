package dev.sitepulse.crawler;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counters of a crawl at one moment: what progress shows and what the summary ends with.
 *
 * @param pages URLs fetched and handled (any status)
 * @param indexed pages that went into the search index
 * @param queued URLs left to fetch: waiting in the frontier, and left on hosts given up on
 * @param statuses how many responses had each HTTP status
 * @param errors fetches that failed, by error kind (after retries)
 * @param duplicates pages whose body was byte-identical to an earlier page's
 * @param robotsBlocked URLs robots.txt did not allow
 * @param skippedLinks mailto:, javascript: and other links that cannot be crawled
 * @param unchanged pages a conditional fetch found not modified (304), whose documents stand
 * @param removed documents taken out of the index because their page is gone or no longer indexable
 * @param unreachableHosts hosts given up on for this crawl: several pages in a row could not reach them
 * @param leftOnUnreachableHosts the URLs of every host given up on (unreachable, or backed off past
 *     max-backoff) still queued, in crawl.db, for a later run
 * @param seedsRedirectedAway seeds (or where they redirected) whose redirect left the scope, and where
 *     to: http to https, or to a www. host, ends a crawl of the seed's host at its first page
 * @param hostsBackedOffTooLong hosts given up on for this crawl: their 429 and 503 answers would have
 *     held it back longer than max-backoff
 * @param hostsWithoutRobotsTxt hosts given up on for this crawl: their robots.txt got no answer, or a
 *     429 or a server error, after its retries
 * @param pagesCutAtMaxBody pages whose body went on past max-body: parsed as far as it went, their
 *     text and links after the cut not read
 * @param pagesBinary pages of an HTML type whose body is binary (an image, a gzipped page served
 *     without its Content-Encoding): recorded, neither parsed nor indexed, their links not read
 * @param heldBack the hosts a 429 or 503 holds back at this moment, null when none is
 * @param hostsWithSitemapsUnread hosts whose sitemaps (or the robots.txt that names them) the crawl
 *     ended without reading to their end, at its page limit or a stop: the next run reads them again
 * @param sitemapsOnHostsWithoutRobotsTxt sitemaps that robots.txt or an index named on another host
 *     whose robots.txt could not be read (or asked to wait past max-backoff): unread, as its pages
 *     would be, and read by the next run
 * @param responsesNotArchived with --warc, the responses (and revisits) the WARC file does not hold:
 *     those that could not be made into records, and from the first write that failed on, when it
 *     takes no more, and ends at the record before
 * @param warcFailure why: the first response that could not be made into a record ("http://x/a b:
 *     Illegal character…", and how many more), then the WARC file and why that write failed
 *     ("/x/warc/crawl-….warc.gz: No space left on device"), joined by "; "; null when neither
 * @param politenessWait the wait between a host's fetches that holds the crawl at this moment, null
 *     when none does (a back-off's is {@code heldBack})
 * @param fetchesCutAtStop fetches a stop cut once their grace was over, as their servers had not
 *     answered yet: their URLs are among the {@code queued}, for the next run
 * @param leftPastReach URLs among the {@code queued} held back as past what --max-pages could
 *     reach, in a run that then ended before its limit and without a stop: the URLs queued before
 *     them were not fetched (robots.txt disallowed them, their host was given up on), so the limit
 *     is not what left them; 0 in a run that reached its limit or was stopped
 * @param linksCut links past --max-links-per-page on the pages read: neither followed nor recorded
 * @param pagesWithLinksCut the pages that had them
 */
public record CrawlStats(
    long pages,
    long indexed,
    long queued,
    Map<Integer, Long> statuses,
    Map<String, Long> errors,
    long duplicates,
    long robotsBlocked,
    long skippedLinks,
    long unchanged,
    long removed,
    long bytes,
    Duration elapsed,
    long unreachableHosts,
    long leftOnUnreachableHosts,
    Map<String, String> seedsRedirectedAway,
    long hostsBackedOffTooLong,
    long hostsWithoutRobotsTxt,
    long pagesCutAtMaxBody,
    long pagesBinary,
    HostsHeldBack heldBack,
    long hostsWithSitemapsUnread,
    long sitemapsOnHostsWithoutRobotsTxt,
    long responsesNotArchived,
    String warcFailure,
    PolitenessWait politenessWait,
    long fetchesCutAtStop,
    long leftPastReach,
    long linksCut,
    long pagesWithLinksCut) {

  public CrawlStats {
    // Sorted for display, or in the order they came: Map.copyOf would lose the order.
    statuses = Collections.unmodifiableMap(new TreeMap<>(statuses));
    errors = Collections.unmodifiableMap(new TreeMap<>(errors));
    seedsRedirectedAway = Collections.unmodifiableMap(new LinkedHashMap<>(seedsRedirectedAway));
  }

  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  public double pagesPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : pages / s;
  }
}
