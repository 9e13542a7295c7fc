package dev.sitepulse.crawler.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlDbRows;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.HeldResponses;
import dev.sitepulse.crawler.StubSiteServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl's graceful stop (Ctrl-C, SIGTERM: a {@link CrawlStop}, as the signal handler requests
 * it) gives the fetches in flight a short grace, then cuts those still waiting for a server that
 * does not answer, rather than wait up to --timeout for them: they are left queued for the next run.
 */
class StopGraceTest {

  private static final HeldResponses held = new HeldResponses();

  @RegisterExtension
  static WireMockExtension site = StubSiteServer.builder(held).build();

  @TempDir Path data;

  @Test
  void aStopCutsAFetchThatNeverAnswersAfterItsGraceAndLeavesItQueued() throws Exception {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
    String seed = "http://127.0.0.1:" + site.getPort() + "/grace/never.html";
    // A --timeout far past the grace: the stop must not wait for it.
    CrawlConfig config = CrawlConfig.builder(List.of(seed), data).maxDepth(0).delay(Duration.ZERO)
        .timeout(Duration.ofMinutes(10)).userAgent("sitepulse-test").build();
    CrawlStop stop = new CrawlStop();

    CrawlStats stats;
    try (HeldResponses.Held never = held.hold("/grace/never.html")) {
      CompletableFuture<CrawlStats> crawl = CompletableFuture.supplyAsync(() -> {
        try {
          return CrawlRun.runKeepingRobots(config, CrawlListener.NONE, stop, LoopTimers::on, Clock.systemUTC()).stats();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      never.awaitAsked();
      stop.request();
      stats = crawl.get(1, TimeUnit.MINUTES); // it ends: the fetch is cut, not waited for
    }

    assertThat(stats.fetchesCutAtStop()).isEqualTo(1);
    assertThat(stats.queued()).isEqualTo(1);
    assertThat(stats.pages()).isZero();
    assertThat(CrawlDbRows.column(config.crawlDb(), "SELECT state FROM urls WHERE url LIKE '%/grace/never.html'"))
        .containsExactly("queued");
  }
}
