package dev.sitepulse.crawler.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
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
 * robots.txt and sitemap reads time their waits and their hosts' turns by the loop's ticker, as its
 * pages do: here one the test moves, with timers it fires by hand, so nothing waits for real time.
 */
class ReadsOnTheLoopsTickerTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  private final TickedLoop loop = new TickedLoop();

  @Test
  void aRobotsTxtRetryAfterHoldsTheHostsFirstPageByTheLoopsTicker() throws Exception {
    site.stubFor(get("/robots.txt").inScenario("robots").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "5")).willSetStateTo("up"));
    site.stubFor(get("/robots.txt").inScenario("robots").whenScenarioStateIs("up")
        .willReturn(aResponse().withHeader("Content-Type", "text/plain")
            .withBody("User-agent: *\nDisallow: /sitemap.xml\n")));
    site.stubFor(get("/a.html").willReturn(LinkedSite.html("<title>A</title>")));
    String seed = url("/a.html");

    CrawlStats stats = loop.crawl(config(seed, Duration.ZERO), seed, threads -> {
      HandFiredTimers.Timer retry = loop.timers.nextSet();
      assertThat(retry.delayMs()).as("the robots.txt read waits out its Retry-After").isEqualTo(5_000);
      loop.ticker.addAndGet(Duration.ofSeconds(5).toNanos());
      threads.context.runOnContext(v -> retry.fired().run());
    });

    assertThat(stats.pages()).isEqualTo(1);
    assertThat(loop.fetchedAt.get(seed)).as("the page goes once the back-off is over")
        .isEqualTo(TickedLoop.START + Duration.ofSeconds(5).toNanos());
  }

  @Test
  void aSitemapTakesItsHostsTurnByTheLoopsTickerAndPushesTheNextPagePastIt() throws Exception {
    Duration delay = Duration.ofSeconds(10);
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("User-agent: *\nAllow: /\n")));
    site.stubFor(get("/a.html").willReturn(LinkedSite.html("<title>A</title>")));
    site.stubFor(get("/b.html").willReturn(LinkedSite.html("<title>B</title>")));
    site.stubFor(get("/sitemap.xml").willReturn(aResponse().withHeader("Content-Type", "application/xml")
        .withBody("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>"
            + url("/b.html") + "</loc></url></urlset>")));
    String seed = url("/a.html");

    CrawlStats stats = loop.crawl(config(seed, delay), seed, threads -> {
      HandFiredTimers.Timer turn = loop.timers.nextSet();
      assertThat(turn.delayMs()).as("the sitemap waits a delay after the seed").isEqualTo(delay.toMillis());
      assertThat(site.findAll(getRequestedFor(urlEqualTo("/sitemap.xml")))).isEmpty();
      loop.ticker.addAndGet(delay.toNanos());
      threads.context.runOnContext(v -> turn.fired().run());

      HandFiredTimers.Timer wake = loop.timers.nextSet();
      assertThat(wake.delayMs()).as("the page it lists waits a delay after it").isEqualTo(delay.toMillis());
      loop.ticker.addAndGet(delay.toNanos());
      threads.context.runOnContext(v -> wake.fired().run());
    });

    assertThat(stats.pages()).isEqualTo(2);
    assertThat(site.findAll(getRequestedFor(urlEqualTo("/sitemap.xml")))).hasSize(1);
    assertThat(loop.fetchedAt.get(url("/b.html")) - loop.fetchedAt.get(seed)).isEqualTo(2 * delay.toNanos());
  }

  /**
   * One fetch at a time. A read that timed out on a loaded machine would be tried again by a timer
   * only the test fires: the timeout is far past any answer's.
   */
  private CrawlConfig config(String seed, Duration delay) {
    return LinkedSite.oneAtATime(seed, data).delay(delay).timeout(Duration.ofMinutes(1)).build();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + site.getPort() + path;
  }
}
