package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlScope;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.robots.Sitemaps;
import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import dev.sitepulse.crawler.urls.LinkRules;
import dev.sitepulse.pinger.FetchResult;
import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fetched sitemap, read into the frontier: its pages in the crawl's scope queued at depth 1 (and
 * recorded in crawl.db with the sitemap that queued them), the sitemaps an index lists handed on.
 * Confined to the crawl's event loop; the parse runs on a parse worker.
 */
final class SitemapPages {

  /** Logged as {@link RobotsAndSitemaps}, whose reads these are. */
  private static final Logger LOG = LoggerFactory.getLogger(RobotsAndSitemaps.class);
  /** A sitemap's pages queued per turn of the loop. */
  private static final int OFFER_CHUNK = 5_000;

  private final CrawlConfig config;
  private final Context context;
  private final Frontier frontier;
  private final CrawlDb db;
  private final CrawlScope scope;
  private final ExecutorService parsers;
  private final WriteBacklog writes;
  private final SitemapLimits limits;
  private final ReadsUnderWay reads;
  private final SitemapsCut cut;
  private final Consumer<String> adoptHost;
  private final NamedSitemap.Found listed;

  /**
   * @param writes crawl.db's writer's backlog: a sitemap's next pages wait while it is behind
   * @param adoptHost given each page queued: a host seen for the first time has its robots.txt read
   * @param listed where the sitemaps an index lists go
   */
  SitemapPages(CrawlSetup setup, WriteBacklog writes, SitemapLimits limits, ReadsUnderWay reads, SitemapsCut cut,
      Consumer<String> adoptHost, NamedSitemap.Found listed) {
    this.config = setup.config();
    this.context = setup.context();
    this.frontier = setup.frontier();
    this.db = setup.db();
    this.scope = setup.scope();
    this.parsers = setup.parsers();
    this.writes = writes;
    this.limits = limits;
    this.reads = reads;
    this.cut = cut;
    this.adoptHost = adoptHost;
    this.listed = listed;
  }

  /**
   * Reads one sitemap counted as started; {@code then} runs on the loop before it counts as done.
   * One that something named and that cannot be read is worth a warning: its pages go unseen.
   */
  void read(NamedSitemap sitemap, CompletableFuture<FetchResult> fetched, Runnable then) {
    reads.fetching(fetched);
    fetched.thenApplyAsync(this::readOffTheLoop, parsers)
        .whenComplete((read, error) -> context.runOnContext(v -> {
          reads.fetched(fetched);
          Runnable done = () -> {
            then.run();
            reads.done();
          };
          if (read != null) {
            offer(sitemap, read, 0, done);
          } else {
            if (!reads.abandoned()) { // an abandoned read ends cancelled, which is no failure to log
              LOG.debug("could not read sitemap {}", sitemap.url(), error);
            } else {
              cut.sitemap(sitemap);
            }
            done.run();
          }
        }));
  }

  /** A sitemap as a parse worker read it: its entries, and those of its pages in the crawl's scope, normalized. */
  private record SitemapRead(Sitemaps.Entries entries, List<String> pages) {}

  /**
   * Parses, normalizes and scopes on a parse worker: done on the loop, a sitemap of 50,000 URLs
   * held every fetch back for more than a second.
   */
  private SitemapRead readOffTheLoop(FetchResult fetched) {
    Sitemaps.Entries entries = Sitemaps.read(fetched);
    List<String> pages = new ArrayList<>();
    LinkRules rules = config.linkRules();
    // Sitemap pages count as one link away from the seed, so max-depth 0 means seeds only.
    for (String page : config.maxDepth() >= 1 ? entries.pages() : List.<String>of()) {
      String u = rules.normalize(page);
      if (u != null && scope.accepts(u)) {
        pages.add(u);
      }
    }
    return new SitemapRead(entries, pages);
  }

  /**
   * Queues the pages from {@code from} on, {@link #OFFER_CHUNK} per turn of the loop, so that fetches
   * completing meanwhile are handled between chunks (50,000 in one turn took 110-150 ms); then
   * hands on the sitemaps an index lists, and runs {@code done}.
   */
  private void offer(NamedSitemap sitemap, SitemapRead read, int from, Runnable done) {
    Sitemaps.Entries entries = read.entries();
    if (from == 0 && entries.problem() != null && sitemap.namedBy() != null && !reads.abandoned()) {
      LOG.warn("sitemap {}, named in {}, could not be read: {}", sitemap.url(), sitemap.namedBy(), entries.problem());
    } else if (from == 0 && entries.brokenBy() != null && !reads.abandoned()) {
      BrokenSitemap.warn(sitemap.url(), sitemap.namedBy(), entries);
    }
    if (from > 0 && reads.abandoned()) { // the crawl ended early: nothing more is fetched, and a resume reads it again
      cut.sitemap(sitemap);
      done.run();
      return;
    }
    int to = Math.min(read.pages().size(), from + OFFER_CHUNK);
    List<QueuedUrl> queued = new ArrayList<>();
    for (String u : read.pages().subList(from, to)) {
      if (limits.spent()) {
        break;
      }
      if (frontier.offer(u, 1)) {
        queued.add(new QueuedUrl(u, 1));
        adoptHost.accept(u);
        limits.queuedOne();
      }
    }
    if (!queued.isEmpty()) {
      db.enqueueFromSitemap(queued, sitemap.url());
    }
    if (limits.spent()) {
      cut.sitemap(sitemap);
      limits.sayIfJustSpent(sitemap.url(), queued.size());
      done.run();
      return;
    }
    if (to < read.pages().size() && writes.behind()) { // each chunk is 5,000 rows for the writer
      writes.afterCatchUp(() -> offer(sitemap, read, to, done));
      return;
    } else if (to < read.pages().size()) {
      context.runOnContext(v -> offer(sitemap, read, to, done));
      return;
    }
    entries.sitemaps().forEach(url -> listed.found(sitemap.listed(url)));
    done.run();
  }
}
