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
import dev.sitepulse.crawler.PolitenessWait;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * While the crawl has nothing to fetch but a host's next page, which its Crawl-delay holds back,
 * its progress names the host and the wait: a quiet line of seconds must not read as a hang.
 */
class PolitenessWaitProgressTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void progressNamesTheHostWhoseCrawlDelayTheCrawlIsWaitingOut() throws Exception {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("User-agent: *\nCrawl-delay: 20\n")));
    site.stubFor(get("/a.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<title>A</title><a href=\"/b.html\">b</a>")));
    site.stubFor(get("/b.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<title>B</title>")));
    String origin = "http://127.0.0.1:" + site.getPort();
    CrawlConfig config = CrawlConfig.builder(List.of(origin + "/a.html"), data).delay(Duration.ZERO)
        .timeout(AnsweredFetches.TIMEOUT).build();
    CrawlStop stop = new CrawlStop();
    CompletableFuture<CrawlStats> waiting = new CompletableFuture<>();
    CrawlListener listener = new CrawlListener() {
      @Override
      public void progress(CrawlStats stats) {
        if (stats.politenessWait() != null && waiting.complete(stats)) {
          stop.request(); // seen: no need to sit out the 20 s
        }
      }
    };

    CrawlRun.runKeepingRobots(config, listener, stop, LoopTimers::on, Clock.systemUTC());

    PolitenessWait w = waiting.get(1, TimeUnit.SECONDS).politenessWait();
    assertThat(w.origin()).isEqualTo(origin);
    assertThat(w.crawlDelay()).isTrue();
    // One delay at most: to the page, or to the host's sitemap.xml, looked for in its turn before it.
    assertThat(w.left()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(20));
  }
}
