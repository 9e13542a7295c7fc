package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.robots.Sitemaps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one line a sitemap that breaks off is worth, in place of the lines crawler-commons would log
 * (robots.OnePassSiteMapParser keeps them back): which sitemap, what named it, why it broke and
 * what was kept.
 */
final class BrokenSitemap {

  private static final Logger LOG = LoggerFactory.getLogger(RobotsAndSitemaps.class);

  private BrokenSitemap() {}

  /** @param namedBy robots.txt, a sitemap index, the seeds; null for the /sitemap.xml every host is asked for */
  static void warn(String url, String namedBy, Sitemaps.Entries entries) {
    boolean index = !entries.sitemaps().isEmpty();
    int before = index ? entries.sitemaps().size() : entries.pages().size();
    String kind = index ? "sitemap" : "URL";
    String kept = before == 0 ? "no " + kind + " before the break, so nothing of it is read"
        : before == 1 ? "the 1 " + kind + " before the break is kept"
        : "the " + before + " " + kind + "s before the break are kept";
    String why = entries.brokenBy() == null ? "" : entries.brokenBy().strip().replaceAll("\\.$", "");
    LOG.warn("sitemap {}, {}, breaks off ({}): {}", url,
        namedBy == null ? "asked of every host" : "named in " + namedBy, why, kept);
  }
}
