package dev.sitepulse.crawler.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlStats;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop fetches a host's next page only once --delay has passed since its last, by the time it
 * is given: here a ticker the test moves, so ten seconds pass without waiting for them.
 */
class HostDelayTest {

  private static final Duration DELAY = Duration.ofSeconds(10);

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  @Test
  void aHostsNextPageIsFetchedOnlyOnceItsDelayHasPassedByTheLoopsTicker() throws Exception {
    // No sitemap.xml is asked for: its read would take the host's turn (ReadsOnTheLoopsTickerTest).
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("User-agent: *\nDisallow: /sitemap.xml\n")));
    site.stubFor(get("/a.html").willReturn(LinkedSite.html("<title>A</title><a href='/b.html'>b</a>")));
    site.stubFor(get("/b.html").willReturn(LinkedSite.html("<title>B</title>")));
    String seed = "http://127.0.0.1:" + site.getPort() + "/a.html";
    String next = "http://127.0.0.1:" + site.getPort() + "/b.html";
    // A robots.txt read that timed out on a loaded machine would be tried again by a timer only the
    // test fires: the timeout is far past any answer's.
    CrawlConfig config = LinkedSite.oneAtATime(seed, data).delay(DELAY).timeout(Duration.ofMinutes(1)).build();
    TickedLoop loop = new TickedLoop();

    CrawlStats stats = loop.crawl(config, seed, threads -> {
      HandFiredTimers.Timer wake = loop.timers.nextSet();
      assertThat(wake.delayMs()).isEqualTo(DELAY.toMillis());
      assertThat(loop.fetchedAt).containsOnlyKeys(seed);

      loop.ticker.addAndGet(DELAY.minusMillis(1).toNanos());
      threads.context.runOnContext(v -> wake.fired().run());
      HandFiredTimers.Timer again = loop.timers.nextSet();
      assertThat(again.delayMs()).as("the last millisecond").isEqualTo(1);
      assertThat(loop.fetchedAt).containsOnlyKeys(seed);

      loop.ticker.addAndGet(Duration.ofMillis(1).toNanos());
      threads.context.runOnContext(v -> again.fired().run());
    });

    assertThat(stats.pages()).isEqualTo(2);
    assertThat(loop.fetchedAt.get(next) - loop.fetchedAt.get(seed)).isEqualTo(DELAY.toNanos());
  }
}
