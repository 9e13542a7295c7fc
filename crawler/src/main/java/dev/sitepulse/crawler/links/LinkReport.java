package dev.sitepulse.crawler.links;

import java.util.List;

/**
 * The outcome of a link check.
 *
 * @param links links found on crawled pages
 * @param targets distinct targets checked
 * @param externalChecked targets not crawled (external, or beyond the crawl's limits) checked
 *     online once each
 * @param skipped targets not checked: robots-blocked, redirects leaving the crawl, and with
 *     --external skip those the crawl did not fetch
 * @param nonHttp mailto:, javascript: and other links that are not checked
 */
public record LinkReport(
    long pages,
    long links,
    long targets,
    long externalChecked,
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
