package dev.sitepulse.crawler.internal;

/**
 * A sitemap to read and what named it: robots.txt, a sitemap index, a seed; null for the
 * /sitemap.xml every host is asked for, which most sites do not have.
 *
 * @param level 0 for one robots.txt, a seed or the guess gives, and one more than its index's
 *     for one an index lists
 * @param host the origin whose sitemaps these are: the seed's, or that of the robots.txt or the
 *     guess, handed down an index's sitemaps; a sitemap on a CDN counts as the site's that named it
 */
record NamedSitemap(String url, String namedBy, int level, String host) {

  /** One a seed, a robots.txt or the guess gives: {@code host}'s own. */
  NamedSitemap(String url, String namedBy, String host) {
    this(url, namedBy, 0, host);
  }

  /** One that this sitemap, an index, lists. */
  NamedSitemap listed(String url) {
    return new NamedSitemap(url, "sitemap index " + this.url, level + 1, host);
  }

  /**
   * Where a sitemap found goes: it is read if the crawl's limits, its host's robots.txt and the
   * sitemaps read so far allow.
   */
  @FunctionalInterface
  interface Found {
    void found(NamedSitemap sitemap);
  }
}
