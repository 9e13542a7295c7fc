package dev.sitepulse.crawler.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.AnsweredFetches;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.HostsHeldBack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * While a 429 or 503 holds a host back, the crawl's progress names it and the end of its wait, in
 * the clock's time: a run that waits minutes on one host must not look hung.
 */
class HostsHeldBackProgressTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void progressNamesTheHostA503HoldsBackAndUntilWhenItsRetryAfterRuns() throws Exception {
    site.stubFor(get("/busy.html").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "40")));
    String origin = "http://127.0.0.1:" + site.getPort();
    CrawlConfig config = CrawlConfig.builder(List.of(origin + "/busy.html"), data).ignoreRobots(true)
        .delay(Duration.ZERO).timeout(AnsweredFetches.TIMEOUT).build();

    assertHeldBackBy503(config, origin);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void progressNamesTheHostWhoseRobotsTxtAsksWithA503ToComeBackLater() throws Exception {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "40")));
    site.stubFor(get("/page.html").willReturn(aResponse().withStatus(200).withBody("<title>t</title>")));
    String origin = "http://127.0.0.1:" + site.getPort();
    CrawlConfig config = CrawlConfig.builder(List.of(origin + "/page.html"), data)
        .delay(Duration.ZERO).timeout(AnsweredFetches.TIMEOUT).build();

    assertHeldBackBy503(config, origin);
  }

  private void assertHeldBackBy503(CrawlConfig config, String origin) throws Exception {
    CrawlStop stop = new CrawlStop();
    CompletableFuture<CrawlStats> held = new CompletableFuture<>();
    CrawlListener listener = new CrawlListener() {
      @Override
      public void progress(CrawlStats stats) {
        if (stats.heldBack() != null && held.complete(stats)) {
          stop.request(); // seen: no need to sit out the 40 s
        }
      }
    };

    CrawlRun.runKeepingRobots(config, listener, stop, LoopTimers::on, Clock.fixed(NOW, ZoneOffset.UTC));

    HostsHeldBack h = held.get(1, TimeUnit.SECONDS).heldBack();
    assertThat(h.origin()).isEqualTo(origin);
    assertThat(h.status()).isEqualTo(503);
    assertThat(h.retryAfter()).isTrue();
    assertThat(h.hosts()).isEqualTo(1);
    assertThat(h.left()).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(40));
    assertThat(h.until()).isEqualTo(NOW.plus(h.left()));
  }
}
