package dev.sitepulse.crawler.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much of its sitemaps a crawl takes: an index may name 50,000 sitemaps of 50,000 URLs each,
 * 2.5 billion, which would fill any memory. Sitemaps queue at most as many URLs as --max-pages
 * allows, or {@link #MAX_SITEMAP_URLS}; indexes nest at most {@link #MAX_INDEX_LEVELS} deep. Each
 * limit is said once, when it first applies. Confined to the crawl's event loop.
 */
final class SitemapLimits {

  /** Logged as {@link RobotsAndSitemaps}, whose reads these are. */
  private static final Logger LOG = LoggerFactory.getLogger(RobotsAndSitemaps.class);
  /** URLs sitemaps may queue in a crawl with no --max-pages: some 80 MB of frontier. */
  static final long MAX_SITEMAP_URLS = 1_000_000;
  /**
   * How deep sitemap indexes may nest below the sitemap robots.txt, a seed or /sitemap.xml gives:
   * the protocol has one index above the sitemaps; some sites put an index of indexes above that.
   */
  static final int MAX_INDEX_LEVELS = 3;

  private final int maxPages;
  private final long allowed;
  private long queued;
  private boolean nestingSaid;

  /** @param maxPages the crawl's --max-pages; 0 for none */
  SitemapLimits(int maxPages) {
    this.maxPages = maxPages;
    this.allowed = maxPages > 0 ? maxPages : MAX_SITEMAP_URLS;
  }

  /** Whether sitemaps have queued all they may: no more of their URLs, and no other sitemap read. */
  boolean spent() {
    return queued >= allowed;
  }

  /** One URL a sitemap queued. */
  void queuedOne() {
    queued++;
  }

  /** Says that sitemaps have queued all they may, once: {@code last} is the one that spent it. */
  void sayIfJustSpent(String last, int justQueued) {
    if (spent() && justQueued > 0) {
      LOG.warn("sitemaps queued {} URLs, as many as {}; no more of theirs are queued and no other sitemap is read"
          + " (the last, {}, may list more)", queued, maxPages > 0 ? "--max-pages allows"
          : "a crawl takes from sitemaps without --max-pages", last);
    }
  }

  /** Whether a sitemap {@code level} indexes deep is past the limit, never to be read; says nothing. */
  static boolean nestedTooDeep(int level) {
    return level > MAX_INDEX_LEVELS;
  }

  /** Whether a sitemap {@code level} indexes deep is past the limit; said for the first. */
  boolean tooDeep(String url, String namedBy, int level) {
    if (!nestedTooDeep(level)) {
      return false;
    }
    if (!nestingSaid) {
      nestingSaid = true;
      LOG.warn("sitemap {}, named in {}, is not read: it is {} sitemap indexes deep, and indexes nest at most {}"
          + " deep; no sitemap deeper is read", url, namedBy, level, MAX_INDEX_LEVELS);
    }
    return true;
  }
}
