package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link trap: every page links to 50 new ones below it, for ever. A run with --max-pages holds in
 * memory only the URLs it can still fetch, yet crawl.db keeps every URL found queued, the summary
 * counts them all, and the next run goes on from them.
 */
class LinkTrapTest {

  private static final int LINKS = 50;

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  @BeforeEach
  void trap() {
    StringBuilder body = new StringBuilder("<html><body>");
    for (int i = 0; i < LINKS; i++) {
      body.append("<a href='").append(i).append("/'>").append(i).append("</a>\n");
    }
    site.stubFor(get(urlPathMatching("/t/.*")).willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody(body.append("</body></html>").toString())));
  }

  @Test
  void aRunAtItsPageLimitLeavesEveryUrlItFoundQueuedForTheNextRun() throws Exception {
    CrawlStats first = Crawler.run(config(), CrawlListener.NONE);

    assertThat(first.pages()).isEqualTo(3);
    assertThat(first.queued()).as("the summary's count").isEqualTo(3 * LINKS - 2).isEqualTo(queuedInCrawlDb());

    CrawlStats second = Crawler.run(config(), CrawlListener.NONE);

    assertThat(second.pages()).isEqualTo(3);
    assertThat(fetched()).hasSize(6);
    assertThat(second.queued()).isEqualTo(6 * LINKS - 5).isEqualTo(queuedInCrawlDb());
  }

  private CrawlConfig config() {
    return CrawlConfig.builder(List.of("http://127.0.0.1:" + site.getPort() + "/t/"), data).maxPages(3)
        .concurrency(1).perHost(1).delay(Duration.ZERO).timeout(Duration.ofSeconds(30))
        .userAgent("sitepulse-test").build();
  }

  private long queuedInCrawlDb() {
    return ((Number) CrawlDbRows.query(data.resolve("crawl.db"), "SELECT count(*) AS n FROM urls WHERE state = 'queued'")
        .get(0).get("n")).longValue();
  }

  private List<String> fetched() {
    return CrawlDbRows.column(data.resolve("crawl.db"), "SELECT url FROM urls WHERE state = 'done' AND url LIKE '%/t/%'");
  }
}
