package dev.sitepulse.crawler.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * While a 429 or 503 holds a host back, the crawl's progress names it and the end of its wait, in
 * the clock's time: a run that waits minutes on one host must not look hung. The loop's ticker and
 * progress ticks are the test's, so the wait left is exact.
 */
class HostsHeldBackProgressTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

  private final TickedLoop loop = new TickedLoop(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void progressNamesTheHostA503HoldsBackAndUntilWhenItsRetryAfterRuns() throws Exception {
    site.stubFor(get("/busy.html").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "40")));
    String seed = "http://127.0.0.1:" + site.getPort() + "/busy.html";

    assertHeldBackBy503(LinkedSite.oneAtATime(seed, data).ignoreRobots(true).build(), seed);
  }

  @Test
  void progressNamesTheHostWhoseRobotsTxtAsksWithA503ToComeBackLater() throws Exception {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "40")));
    site.stubFor(get("/page.html").willReturn(aResponse().withStatus(200).withBody("<title>t</title>")));
    String seed = "http://127.0.0.1:" + site.getPort() + "/page.html";

    assertHeldBackBy503(LinkedSite.oneAtATime(seed, data).build(), seed);
  }

  private void assertHeldBackBy503(CrawlConfig config, String seed) throws Exception {
    BlockingQueue<CrawlStats> progress = new LinkedBlockingQueue<>();
    CrawlListener listener = new CrawlListener() {
      @Override
      public void progress(CrawlStats stats) {
        progress.add(stats);
      }
    };
    CrawlStop stop = new CrawlStop();

    loop.crawl(config, seed, listener, stop, threads -> {
      HandFiredTimers.Timer retry = loop.timers.nextSet();
      assertThat(retry.delayMs()).as("the host is asked again after its Retry-After").isEqualTo(40_000);

      threads.context.runOnContext(v -> loop.timers.tick(1000));
      CrawlStats told = progress.poll(1, TimeUnit.MINUTES);
      assertThat(told).as("progress told on the tick").isNotNull();
      HostsHeldBack h = told.heldBack();
      assertThat(h.origin()).isEqualTo("http://127.0.0.1:" + site.getPort());
      assertThat(h.status()).isEqualTo(503);
      assertThat(h.retryAfter()).isTrue();
      assertThat(h.hosts()).isEqualTo(1);
      assertThat(h.left()).as("the ticker has not moved: all of it").isEqualTo(Duration.ofSeconds(40));
      assertThat(h.until()).isEqualTo(NOW.plusSeconds(40));
      stop.request(); // seen: no need to sit out the 40 s
    });
  }
}
