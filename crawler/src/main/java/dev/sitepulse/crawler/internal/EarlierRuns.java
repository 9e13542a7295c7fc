package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import dev.sitepulse.crawler.store.PriorFetch;
import java.util.HashMap;
import java.util.Map;

/**
 * What earlier runs of a crawl left that its loop goes on from: told by {@link CrawlRun} as it
 * resumes, before the loop starts, and each piece kept where the loop looks for it (the canonical
 * waits, the pages' bodies, the robots.txt and sitemap reads), but the earlier fetches of URLs
 * queued again, which the loop takes from here as it fetches them.
 */
final class EarlierRuns {

  private final CrawlPurpose purpose;
  private final CanonicalWaits canonicals;
  private final PageWork pages;
  private final CanonicalRefetches refetches;
  private final RobotsAndSitemaps robotsAndSitemaps;
  /** What earlier crawls left for the URLs they fetched and this one fetches again. */
  private final Map<String, PriorFetch> priors = new HashMap<>();

  EarlierRuns(CrawlPurpose purpose, CanonicalWaits canonicals, PageWork pages, CanonicalRefetches refetches,
      RobotsAndSitemaps robotsAndSitemaps) {
    this.purpose = purpose;
    this.canonicals = canonicals;
    this.pages = pages;
    this.refetches = refetches;
    this.robotsAndSitemaps = robotsAndSitemaps;
  }

  /**
   * Keeps what an earlier crawl left for a queued URL. A link check keeps nothing: it opens no
   * index, so it has no document to keep or remove, and it wants every page's own answer rather
   * than a 304.
   */
  void remember(String url, PriorFetch prior) {
    if (prior != null && purpose == CrawlPurpose.SEARCH) {
      priors.put(url, prior);
    }
  }

  /** What an earlier crawl left for {@code url}, kept until the URL is recorded: null if none. */
  PriorFetch prior(String url) {
    return priors.get(url);
  }

  /** What an earlier crawl left for {@code url}, given up as the URL is recorded: null if none. */
  PriorFetch takePrior(String url) {
    return priors.remove(url);
  }

  /** A page an earlier run left deferring to a canonical URL it had not fetched yet. */
  void awaitCanonical(String canonical, QueuedUrl page) {
    canonicals.await(canonical, page);
    pages.deferredBefore(page.url(), canonical);
    refetches.deferredByAnEarlierRun(page.url());
  }

  /** A canonical URL an earlier run found without a document. */
  void canonicalWithoutDocument(String url) {
    canonicals.knownWithoutDocument(url);
  }

  /**
   * The body hash of a page an earlier run fetched and kept, so that a copy fetched now is still
   * its exact duplicate.
   */
  void bodyFetchedBefore(String url, String contentHash) {
    pages.bodies().knownBody(url, contentHash);
  }

  /**
   * A page an earlier run indexed with these bytes, queued again: copies fetched before it are its
   * duplicates. A link check indexes nothing, and keeps no bytes.
   *
   * @param documentOfTheseBytes false when the index's document of the page is an earlier run's
   *     that records no hash of its bytes (the run that indexed these bytes was killed before its
   *     commit)
   */
  void bodyQueuedAgain(String url, String contentHash, boolean documentOfTheseBytes) {
    if (purpose == CrawlPurpose.SEARCH) {
      pages.bodies().queuedAgain(url, contentHash, documentOfTheseBytes);
    }
  }

  /**
   * An exact duplicate an earlier run recorded of {@code original}, which is queued again: fetched
   * again should the original not keep their bytes. Told once the queue is seeded.
   */
  void copyFoundBefore(String original, QueuedUrl copy) {
    pages.bodies().copyFoundBefore(original, copy);
  }

  /** A resource an earlier run queued, not to be parsed. */
  void leafResource(String url) {
    pages.leaf(url);
  }

  /** A seed an earlier run read as a sitemap, index or feed: read again as the loop starts. */
  void readSeedSitemapAgain(String url) {
    robotsAndSitemaps.readSeedSitemapAgain(url);
  }
}
