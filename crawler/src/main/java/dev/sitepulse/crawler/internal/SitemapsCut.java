package dev.sitepulse.crawler.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The hosts whose sitemaps, or whose robots.txt that names them, the crawl ended early without
 * reading to their end (page limit, stop): the next run reads them again, and the summary's
 * {@code left} line counts them. Confined to the crawl's event loop.
 */
final class SitemapsCut {

  private final List<String> seedOrigins;
  private final Set<String> hosts = new HashSet<>();

  /** @param seedOrigins the hosts whose robots.txt is read for their sitemaps */
  SitemapsCut(List<String> seedOrigins) {
    this.seedOrigins = seedOrigins;
  }

  /**
   * A sitemap's read ended unfinished, or never started, as the crawl ended early: counted for the
   * host that named it, not the one that serves it.
   */
  void sitemap(NamedSitemap sitemap) {
    hosts.add(sitemap.host());
  }

  /** A seed that is a sitemap went unread as sitemaps had queued all they may. */
  void seedSitemap(String origin) {
    hosts.add(origin);
  }

  /** A robots.txt read ended unfinished: a seed's host's names sitemaps, which go unread too. */
  void robots(String origin) {
    if (seedOrigins.contains(origin)) {
      hosts.add(origin);
    }
  }

  int hosts() {
    return hosts.size();
  }
}
