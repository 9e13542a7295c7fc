package dev.sitepulse.cli.report;

import dev.sitepulse.cli.Amounts;
import dev.sitepulse.crawler.links.BrokenLink;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a crawl's crawl.db says about a site: pages by state and status, errors, fetch latency,
 * the slowest and largest pages, broken internal links, and what {@code analyze} stored (PageRank,
 * near-duplicate clusters).
 *
 * @param byState URLs per crawl state (done, failed, skipped-robots, queued, fetching)
 * @param fetch percentiles and maximum of the fetch times of the URLs fetched, in ms
 * @param slowest the pages fetched slowest, HTML that answered 200 as {@code analyze} takes pages:
 *     a redirect, an error page or a PDF is no page to speed up (all of them are in {@code fetch})
 * @param largest the largest pages, taken alike
 * @param topRanked the pages with the highest PageRank that are still pages (done, 200), empty
 *     until {@code analyze} has run
 * @param analysis what the last {@code analyze} stored, null when none has run
 * @param indexed pages in the search index: those crawl.db records as indexed that its last commit holds
 * @param lastFetched when the crawl last fetched a page, null when it fetched none
 * @param notCommitted pages crawl.db records as indexed that the index's last commit does not hold
 *     ({@link dev.sitepulse.cli.UncommittedPages}): its crawl is running, or stopped before it committed them
 */
public record SiteReport(
    Path crawlDb,
    long urls,
    Map<String, Long> byState,
    long indexed,
    long duplicates,
    Map<Integer, Long> statuses,
    Map<String, Long> errors,
    long bytes,
    Latency fetch,
    List<PageFigure> slowest,
    List<PageFigure> largest,
    Links links,
    List<RankedPage> topRanked,
    Analysis analysis,
    Instant lastFetched,
    long notCommitted) {

  /** A report of a crawl whose index holds every page crawl.db records as indexed. */
  public SiteReport(Path crawlDb, long urls, Map<String, Long> byState, long indexed, long duplicates,
      Map<Integer, Long> statuses, Map<String, Long> errors, long bytes, Latency fetch, List<PageFigure> slowest,
      List<PageFigure> largest, Links links, List<RankedPage> topRanked, Analysis analysis, Instant lastFetched) {
    this(crawlDb, urls, byState, indexed, duplicates, statuses, errors, bytes, fetch, slowest, largest, links,
        topRanked, analysis, lastFetched, 0);
  }

  public SiteReport {
    // In the order read: states and errors most first, status codes ascending.
    byState = Collections.unmodifiableMap(new LinkedHashMap<>(byState));
    statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
    errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    slowest = List.copyOf(slowest);
    largest = List.copyOf(largest);
    topRanked = List.copyOf(topRanked);
  }

  /** A page and one figure of it: fetch ms, or bytes. */
  public record PageFigure(String url, double value) {}

  public record RankedPage(String title, String url, double rank) {}

  /**
   * The ranks and clusters {@code analyze} stored.
   *
   * @param at when, null for an analyze before 2026-12-06, which did not record it
   * @param pages the pages it ranked
   * @param clusters the near-duplicate clusters it found
   * @param crawlChangedSince what analyze would read now is not what it read (pages added, gone or
   *     changed, links or redirects added or lost): its ranks and clusters are of pages as they were
   */
  public record Analysis(Instant at, long pages, long clusters, boolean crawlChangedSince) {

    /** "PageRank and near-duplicates from analyze at T over N pages; the crawl changed since: …". */
    String words() {
      return "PageRank and near-duplicates from analyze" + (at == null ? "" : " at " + Figures.time(at))
          + (at == null ? "" : " over " + Amounts.count(pages, "page"))
          + (crawlChangedSince ? "; the crawl changed since: run sitepulse analyze again" : "");
    }
  }

  /** A broken link target and how many places link to it. */
  public record Broken(String url, String problem, long places) {}

  /** A seed or a sitemap entry that failed, which no page links to. */
  public record FailedStart(String url, BrokenLink.Start start, String problem) {}

  /**
   * The crawl's links, checked offline as {@code links --external skip} checks them, except that
   * nothing is asked: a seed the crawl left queued is not checked online here.
   *
   * @param links links on the crawled pages
   * @param targets distinct URLs those links lead to; not the seeds and sitemap pages that no link
   *     leads to, which are checked too, and listed under {@code failedStarts} when they fail
   * @param brokenTargets broken targets that pages link to
   * @param broken the most linked broken targets first, at most {@link SiteReader#SHOWN}
   * @param failedStarts every seed and sitemap entry that failed and no page links to: not
   *     broken links, as no page has them, but what the crawl could not start from or was told of
   * @param seedsNotReached seeds the crawl left queued (its host never answered for robots.txt,
   *     or it stopped first): no failure to judge offline, but a crawl that fetched nothing must
   *     not read as a clean one
   */
  public record Links(long links, long targets, long brokenTargets, List<Broken> broken, List<FailedStart> failedStarts,
      List<String> seedsNotReached) {
    public Links {
      broken = List.copyOf(broken);
      failedStarts = List.copyOf(failedStarts);
      seedsNotReached = List.copyOf(seedsNotReached);
    }
  }
}
