package dev.sitepulse.crawler.links;

import java.util.List;

/**
 * The outcome of a link check.
 *
 * @param links links found on crawled pages
 * @param resources resources (images, stylesheets, scripts…) the crawled pages embed; 0 where
 *     they were not asked for
 * @param targets distinct targets checked: what the links and the resources lead to, and the seeds
 * @param pages pages the crawl fetched; the site's own resources it fetched are not counted
 * @param checkedOnline targets the crawl did not fetch, checked online once each: external ones,
 *     in-scope ones the crawl did not reach, and redirects that left the crawl
 * @param skipped targets not checked: robots-blocked, left queued when the crawl stopped at
 *     --max-pages, and with --external skip those the crawl did not fetch, redirects leaving the
 *     crawl included
 * @param nonHttp mailto:, javascript:, data: and other URLs of links and resources, not checked
 */
public record LinkReport(
    long pages,
    long links,
    long resources,
    long targets,
    long checkedOnline,
    long skipped,
    long nonHttp,
    List<BrokenLink> broken) {

  public LinkReport {
    broken = List.copyOf(broken);
  }

  /**
   * Targets checked and found working: neither broken nor skipped. A missing anchor does not
   * count against its target, whose page works.
   */
  public long working() {
    return targets - skipped - (broken.size() - missingAnchors());
  }

  /** Broken links whose page works: a #fragment the page has no element for. */
  public long missingAnchors() {
    return broken.stream().filter(b -> BrokenLink.MISSING_ANCHOR.equals(b.errorKind())).count();
  }

  public long redirectsToErrors() {
    return broken.stream().filter(BrokenLink::redirectsToError).count();
  }
}
