package dev.sitepulse.crawler.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.sitepulse.crawler.internal.LinkedSite.html;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.AnsweredFetches;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlDbRows;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.store.CrawlDb;
import io.vertx.core.Context;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl.db writer that falls behind (a slow disk) slows the crawl: while too many rows wait for
 * it, no fetch starts, and once it catches up the crawl goes on and loses nothing.
 */
class WriteBacklogTest {

  private static final int PAGES = 12;
  /** Below the home page's record alone: its links and the URLs it queues are a row each. */
  private static final long MAX_ROWS_WAITING = 20;

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  @Test
  void whileCrawlDbsWriterIsBehindNoFetchStartsAndTheCrawlGoesOnOnceItCatchesUp() throws Exception {
    String seed = LinkedSite.stub(site, PAGES);
    CrawlConfig config = LinkedSite.oneAtATime(seed, data).build();
    HeldTasks held = new HeldTasks(1);
    try (OneAtATimeLoop parts = OneAtATimeLoop.withSeedQueued(config, seed,
        CrawlDb.open(config.crawlDb(), false, held::wrapping))) {
      Frontier frontier = parts.frontier;
      CrawlLoop loop = loop(parts, new CrawlStop());
      loop.adoptIfNew(seed);

      CompletableFuture<CrawlStats> crawl = loop.start();
      try {
        // The home page's links are in the frontier: the loop handled its page, and polled again
        // in the same step, with the writer holding them all.
        String state = awaitOnLoop(parts.threads.context, () -> frontier.queued() + frontier.inFlight() >= PAGES,
            () -> frontier.inFlight() + " in flight, " + parts.db.rowsWaiting() + " rows waiting");
        assertThat(state).isEqualTo("0 in flight, " + (1 + 1 + 1 + 2 * PAGES) + " rows waiting");
        assertThat(site.getAllServeEvents()).as("no page but the home page")
            .noneMatch(e -> e.getRequest().getUrl().startsWith("/p"));
      } finally {
        held.release(); // else closing crawl.db waits for ever
      }
      assertThat(crawl.get(30, TimeUnit.SECONDS).pages()).isEqualTo(PAGES + 1);
    }
    assertThat(doneUrls()).as("every page recorded").isEqualTo(PAGES + 1);
  }

  @Test
  void whileCrawlDbsWriterIsBehindASitemapQueuesNoMoreOfItsPagesUntilItCatchesUp() throws Exception {
    int listed = 5_010; // two chunks: the loop queues 5,000 per turn
    StringBuilder sitemap = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>"
        + "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>");
    String origin = "http://127.0.0.1:" + site.getPort();
    for (int i = 0; i < listed; i++) {
      sitemap.append("<url><loc>").append(origin).append("/s").append(i).append(".html</loc></url>");
    }
    site.stubFor(get("/sitemap.xml").willReturn(aResponse().withHeader("Content-Type", "application/xml")
        .withBody(sitemap.append("</urlset>").toString())));
    site.stubFor(get("/").willReturn(html("<title>Home</title>")));
    String seed = origin + "/";
    // The host's delay after the sitemap's read keeps its pages queued, not fetched, for the test.
    CrawlConfig config = CrawlConfig.builder(List.of(seed), data).concurrency(1).perHost(1)
        .delay(Duration.ofMinutes(10)).timeout(AnsweredFetches.TIMEOUT).userAgent("sitepulse-test").ignoreRobots(true).build();
    HeldTasks held = new HeldTasks(1);
    try (OneAtATimeLoop parts = OneAtATimeLoop.withNothingQueued(config, seed,
        CrawlDb.open(config.crawlDb(), false, held::wrapping))) {
      Frontier frontier = parts.frontier;
      Context context = parts.threads.context;
      CrawlStop stop = new CrawlStop();
      CrawlLoop loop = loop(parts, stop);
      // No seed in the frontier: the sitemap's pages are all the loop has.
      CompletableFuture<CrawlStats> crawl = loop.start();
      try {
        awaitOnLoop(context, () -> frontier.queued() >= 5_000, () -> "");
        // A turn after the first chunk, the second would be queued already.
        CompletableFuture<Integer> queued = new CompletableFuture<>();
        context.runOnContext(v -> context.runOnContext(w -> queued.complete(frontier.queued() + frontier.inFlight())));
        // The minute bounds a loop that never gets to the step, on a loaded machine: no speed goal.
        assertThat(queued.get(1, TimeUnit.MINUTES)).isEqualTo(5_000);
      } finally {
        held.release();
      }
      awaitOnLoop(context, () -> frontier.queued() == listed, () -> "then it queues the rest");
      stop.request();
      assertThat(crawl.get(30, TimeUnit.SECONDS).pages()).isZero();
    }
  }

  /** A loop with one parse thread and no WARC file, that holds back past {@link #MAX_ROWS_WAITING}. */
  private static CrawlLoop loop(OneAtATimeLoop parts, CrawlStop stop) {
    return new CrawlLoop(parts.setup(stop, null, MAX_ROWS_WAITING));
  }

  /** Checks on the loop until {@code until} holds, then describes the loop's state in that step. */
  private static String awaitOnLoop(Context context, java.util.function.BooleanSupplier until,
      java.util.function.Supplier<String> describe) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      CompletableFuture<String> seen = new CompletableFuture<>();
      context.runOnContext(v -> seen.complete(until.getAsBoolean() ? describe.get() : null));
      String state = seen.get(1, TimeUnit.MINUTES);
      if (state != null) {
        return state;
      }
      Thread.sleep(10); // polls the loop's state; nothing depends on how long this takes
    }
    throw new AssertionError("the loop never got there");
  }

  private long doneUrls() {
    return Long.parseLong(CrawlDbRows.value(data.resolve("crawl.db"), "SELECT COUNT(*) FROM urls WHERE state = 'done'"));
  }
}
