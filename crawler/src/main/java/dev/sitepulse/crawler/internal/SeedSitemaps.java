package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.pinger.FetchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds that are sitemaps, sitemap indexes or feeds instead of pages: their URLs join the frontier
 * as a sitemap's do. Confined to the crawl's event loop.
 */
final class SeedSitemaps {

  /** Logged as {@link RobotsAndSitemaps}, whose reads these are. */
  private static final Logger LOG = LoggerFactory.getLogger(RobotsAndSitemaps.class);
  /** What a seed may be instead of a page: its URLs are crawled (crawler-commons reads all of these). */
  private static final Set<String> SITEMAP_OR_FEED = Set.of("application/xml", "text/xml",
      "application/rss+xml", "application/atom+xml", "application/gzip", "application/x-gzip");

  private final CrawlConfig config;
  private final SitemapLimits limits;
  private final SitemapsRead read;
  private final ReadsUnderWay reads;
  private final SitemapsCut cut;
  private final SitemapPages pages;
  private final NamedSitemap.Found found;
  /**
   * Seeds an earlier run read as sitemaps, read again once the loop starts: a resume does not fetch
   * them as pages, and their URLs may be what that run left unread.
   */
  private final List<String> again = new ArrayList<>();

  SeedSitemaps(CrawlConfig config, SitemapLimits limits, SitemapsRead read, ReadsUnderWay reads, SitemapsCut cut,
      SitemapPages pages, NamedSitemap.Found found) {
    this.config = config;
    this.limits = limits;
    this.read = read;
    this.reads = reads;
    this.cut = cut;
    this.pages = pages;
    this.found = found;
  }

  /** Whether a response of this Content-Type is read as a sitemap, a sitemap index or a feed when a seed. */
  static boolean isSitemapOrFeed(String contentType) {
    return SITEMAP_OR_FEED.contains(FetchResult.mediaTypeOf(contentType));
  }

  /** A seed an earlier run fetched and read as a sitemap, index or feed: it is read again. */
  void readAgain(String url) {
    again.add(url);
  }

  /** Reads again the seeds {@link #readAgain} gave, as the loop starts. */
  void start() {
    for (String url : again) {
      if (config.maxDepth() < 1) {
        sayDepthZeroLeavesOut(url);
      } else {
        found.found(new NamedSitemap(url, "the seeds", Frontier.originOf(url)));
      }
    }
    again.clear();
  }

  /**
   * A seed that turned out to be a sitemap, a sitemap index or a feed: its URLs join the frontier
   * as a sitemap's do. Anything that does not parse as one adds nothing, and neither does a page
   * that was not a seed or not served as one of those.
   *
   * @param depth the fetched URL's: a seed's is 0
   */
  void readIfSeedSitemap(int depth, FetchResult fetched) {
    boolean sitemap = depth == 0 && fetched.status() == 200 && isSitemapOrFeed(fetched.contentType());
    if (sitemap && config.maxDepth() < 1) {
      sayDepthZeroLeavesOut(fetched.url());
    } else if (sitemap && limits.spent()) {
      cut.seedSitemap(Frontier.originOf(fetched.url()));
    } else if (sitemap && read.firstRead(fetched.url())) {
      reads.started();
      pages.read(new NamedSitemap(fetched.url(), "the seeds", Frontier.originOf(fetched.url())),
          CompletableFuture.completedFuture(fetched), () -> {});
    }
  }

  /**
   * A sitemap seed at --max-depth 0 is not read: its pages count as depth 1, as every sitemap's do,
   * which a crawl of the seeds alone leaves out. Said, or the crawl of one page would look broken.
   */
  private static void sayDepthZeroLeavesOut(String url) {
    LOG.warn("{} is a sitemap, whose pages count as depth 1, which --max-depth 0 leaves out; --max-depth 1"
        + " crawls them and none of their links", url);
  }
}
