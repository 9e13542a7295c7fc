package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.robots.RobotsRules;
import dev.sitepulse.crawler.robots.RobotsTxt;
import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.Fetcher;
import io.vertx.core.Context;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The sitemaps of the seeds' hosts: those their robots.txt names, and the /sitemap.xml every such
 * host is asked for, where {@link SitemapHosts} reads them. None at --max-depth 0, where no page a
 * sitemap lists is crawled. Confined to the crawl's event loop.
 */
final class SeedHostSitemaps {

  private final CrawlConfig config;
  private final Context context;
  private final Fetcher fetcher;
  private final ExecutorService parsers;
  private final List<String> seedOrigins;
  private final SitemapHosts hosts;
  private final ReadsUnderWay reads;
  private final SitemapsCut cut;
  private final NamedSitemap.Found found;

  SeedHostSitemaps(CrawlSetup setup, List<String> seedOrigins, SitemapHosts hosts, ReadsUnderWay reads,
      SitemapsCut cut, NamedSitemap.Found found) {
    this.config = setup.config();
    this.context = setup.context();
    this.fetcher = setup.fetcher();
    this.parsers = setup.parsers();
    this.seedOrigins = seedOrigins;
    this.hosts = hosts;
    this.reads = reads;
    this.cut = cut;
    this.found = found;
  }

  /**
   * Where robots.txt is ignored, the seeds' hosts' robots.txt is still read for its Sitemap lines
   * alone; on the loop, as it starts.
   */
  void start() {
    if (config.ignoreRobots() && config.maxDepth() >= 1) {
      seedOrigins.forEach(this::readSitemapLines);
    }
  }

  /** A host's robots.txt is obeyed: a seed's host's sitemaps are read, but for a host in trouble. */
  void robotsRead(String origin, RobotsRules rules) {
    if (rules.unreachable() == null && config.maxDepth() >= 1 && hosts.readsSitemapsOf(origin, rules)) {
      rules.sitemaps().forEach(url -> found.found(new NamedSitemap(url, "robots.txt of " + origin, origin)));
      readGuessedSitemap(origin);
    }
  }

  /**
   * --ignore-robots ignores robots.txt's rules and Crawl-delay, not the sitemaps it names: it is
   * read once for its Sitemap lines, and the host's pages do not wait for it. One that cannot be
   * read names none, and the host's /sitemap.xml is read all the same.
   */
  private void readSitemapLines(String origin) {
    if (reads.abandoned()) {
      cut.robots(origin);
      return;
    }
    reads.started();
    CompletableFuture<FetchResult> fetch = RobotsTxt.fetch(fetcher, origin);
    reads.fetching(fetch);
    fetch.thenApplyAsync(r -> RobotsRules.from(r, config.userAgent()), parsers)
        .whenComplete((rules, error) -> context.runOnContext(v -> {
          reads.fetched(fetch);
          if (rules == null && reads.abandoned()) {
            cut.robots(origin);
          } else {
            if (rules != null && rules.unreachable() == null) {
              rules.sitemaps().forEach(url -> found.found(new NamedSitemap(url, "robots.txt of " + origin, origin)));
            }
            readGuessedSitemap(origin);
          }
          reads.done();
        }));
  }

  private void readGuessedSitemap(String origin) {
    found.found(new NamedSitemap(origin + "/sitemap.xml", null, origin));
  }
}
