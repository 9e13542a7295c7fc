package dev.sitepulse.crawler.links;

import java.util.List;

/**
 * The outcome of a link check.
 *
 * @param links links found on crawled pages
 * @param resources resources (images, stylesheets, scripts…) the crawled pages embed; 0 where
 *     they were not asked for
 * @param targets distinct targets checked: what the links and the resources lead to, and the seeds
 * @param pages pages whose links the crawl read (HTML answered 2xx); not a URL that failed, was
 *     disallowed by robots.txt, redirected or answered an error, nor a resource it fetched
 * @param checkedOnline targets the crawl did not fetch, checked online once each: external ones,
 *     in-scope ones the crawl did not reach, and redirects that left the crawl
 * @param skipped targets not checked: robots-blocked, left queued when the crawl stopped at
 *     --max-pages (but {@code triesCut}), and with --external skip those the crawl did not fetch, redirects leaving the
 *     crawl included
 * @param nonHttp mailto:, javascript:, data: and other URLs of links and resources, not checked
 * @param cutPages pages the crawl cut at --max-body, by URL: their links after the cut were never
 *     seen, so not checked
 * @param binaryPages pages served as HTML whose body is binary (an image, a gzipped page served
 *     without its Content-Encoding), by URL: not parsed, so their links were never seen
 * @param anchorsNotChecked with --check-anchors, fragments of working pages that could not be
 *     judged, by URL: neither broken nor counted as working; those a stop (Ctrl-C) left unjudged
 *     among them ({@link UncheckedAnchor.Why#CHECK_STOPPED})
 * @param notCheckedAtStop the targets a stop left unjudged, by URL: in the crawl's queue, or
 *     not yet checked online; neither broken, skipped nor working
 * @param triesCut the targets its crawl asked for and got no answer to keep from (a network
 *     failure such as a timeout, a 429 or 503), whose next try --max-pages cut, by URL: neither
 *     broken, skipped nor working
 * @param seedsDisallowed the seeds robots.txt disallows, or whose redirects lead where it does, by
 *     URL: skipped, and counted so, though the user asked for them by name
 * @param responsesNotArchived with warc: true, the responses the crawl's WARC file does not hold,
 *     as {@link dev.sitepulse.crawler.CrawlStats#responsesNotArchived()} counts them
 * @param warcFailure why, as {@link dev.sitepulse.crawler.CrawlStats#warcFailure()} says; null when
 *     none is missing
 * @param linksCutPages pages whose links past --max-links-per-page the crawl did not read, by URL:
 *     those links were never seen, so not checked
 */
public record LinkReport(
    long pages,
    long links,
    long resources,
    long targets,
    long checkedOnline,
    long skipped,
    long nonHttp,
    List<BrokenLink> broken,
    List<String> cutPages,
    List<String> binaryPages,
    List<UncheckedAnchor> anchorsNotChecked,
    List<String> notCheckedAtStop,
    List<String> triesCut,
    List<String> seedsDisallowed,
    long responsesNotArchived,
    String warcFailure,
    List<String> linksCutPages) {

  public LinkReport {
    linksCutPages = List.copyOf(linksCutPages);
    broken = List.copyOf(broken);
    cutPages = List.copyOf(cutPages);
    binaryPages = List.copyOf(binaryPages);
    anchorsNotChecked = List.copyOf(anchorsNotChecked);
    notCheckedAtStop = List.copyOf(notCheckedAtStop);
    triesCut = List.copyOf(triesCut);
    seedsDisallowed = List.copyOf(seedsDisallowed);
  }

  /** A report of a crawl that read every link of its pages: none past --max-links-per-page. */
  public LinkReport(long pages, long links, long resources, long targets, long checkedOnline, long skipped,
      long nonHttp, List<BrokenLink> broken, List<String> cutPages, List<String> binaryPages,
      List<UncheckedAnchor> anchorsNotChecked, List<String> notCheckedAtStop, List<String> triesCut,
      List<String> seedsDisallowed, long responsesNotArchived, String warcFailure) {
    this(pages, links, resources, targets, checkedOnline, skipped, nonHttp, broken, cutPages, binaryPages,
        anchorsNotChecked, notCheckedAtStop, triesCut, seedsDisallowed, responsesNotArchived, warcFailure, List.of());
  }

  /** A report whose crawl's WARC file, if it wrote one, holds every response. */
  public LinkReport(long pages, long links, long resources, long targets, long checkedOnline, long skipped,
      long nonHttp, List<BrokenLink> broken, List<String> cutPages, List<UncheckedAnchor> anchorsNotChecked,
      List<String> notCheckedAtStop, List<String> seedsDisallowed) {
    this(pages, links, resources, targets, checkedOnline, skipped, nonHttp, broken, cutPages, List.of(),
        anchorsNotChecked, notCheckedAtStop, List.of(), seedsDisallowed, 0, null, List.of());
  }

  /** This report, of a crawl whose WARC file lacks {@code responses} responses, for {@code why}. */
  public LinkReport notArchiving(long responses, String why) {
    return new LinkReport(pages, links, resources, targets, checkedOnline, skipped, nonHttp, broken, cutPages,
        binaryPages, anchorsNotChecked, notCheckedAtStop, triesCut, seedsDisallowed, responses, why, linksCutPages);
  }

  /** A report of a check that ran to its end, in which every page was read whole, and every fragment judged. */
  public LinkReport(long pages, long links, long resources, long targets, long checkedOnline,
      long skipped, long nonHttp, List<BrokenLink> broken) {
    this(pages, links, resources, targets, checkedOnline, skipped, nonHttp, broken, List.of(), List.of(),
        List.of(), List.of());
  }

  /**
   * Whether a stop (Ctrl-C) cut the check short, leaving a target or a fragment unjudged: the
   * report holds what was found by then, and is partial. A stop that came once everything was
   * judged leaves it complete.
   */
  public boolean stopped() {
    return !notCheckedAtStop.isEmpty() || !anchorsNotCheckedAtStop().isEmpty();
  }

  /** The fragments a stop left unjudged, by URL: of working pages it kept from being read for their ids. */
  public List<String> anchorsNotCheckedAtStop() {
    return anchorsNotChecked.stream().filter(a -> a.why() == UncheckedAnchor.Why.CHECK_STOPPED)
        .map(UncheckedAnchor::url).toList();
  }

  /**
   * Targets checked and found working: neither broken, skipped nor left unjudged by a stop or by
   * --max-pages. A missing anchor does not count against its target, whose page works.
   */
  public long working() {
    return targets - skipped - notCheckedAtStop.size() - triesCut.size() - (broken.size() - missingAnchors());
  }

  /** Broken links whose page works: a #fragment the page has no element for. */
  public long missingAnchors() {
    return broken.stream().filter(b -> BrokenLink.MISSING_ANCHOR.equals(b.errorKind())).count();
  }

  public long redirectsToErrors() {
    return broken.stream().filter(BrokenLink::redirectsToError).count();
  }
}
