package dev.sitepulse.crawler.internal;

import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sitemaps a crawl has read, each once (an index may list itself or its parent), and at most
 * {@link #MAX_SITEMAPS}. Confined to the crawl's event loop.
 */
final class SitemapsRead {

  /** Logged as {@link RobotsAndSitemaps}, whose reads these are. */
  private static final Logger LOG = LoggerFactory.getLogger(RobotsAndSitemaps.class);
  /** Sitemaps read per crawl at most: an index may list 50,000 more, each of 50,000 URLs. */
  private static final int MAX_SITEMAPS = 1000;

  private final Set<String> read = new HashSet<>();

  /** Whether a later run would read it: not read yet, and the cap not reached. */
  boolean mayRead(String sitemapUrl) {
    return !read.contains(sitemapUrl) && read.size() < MAX_SITEMAPS;
  }

  boolean contains(String sitemapUrl) {
    return read.contains(sitemapUrl);
  }

  /**
   * Counts the read towards the cap; false if it was read before or the cap is reached. The URL is
   * normalized already: a seed's, or one the gate normalized.
   */
  boolean firstRead(String sitemapUrl) {
    if (read.size() >= MAX_SITEMAPS || !read.add(sitemapUrl)) {
      return false;
    }
    if (read.size() == MAX_SITEMAPS) {
      LOG.warn("{} is the {}th sitemap, the last this crawl reads", sitemapUrl, MAX_SITEMAPS);
    }
    return true;
  }
}
