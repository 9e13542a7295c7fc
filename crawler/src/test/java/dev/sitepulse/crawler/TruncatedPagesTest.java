package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A page cut at --max-body says so in crawl.db, and its start is no page's whole bytes. */
class TruncatedPagesTest {

  @RegisterExtension
  static WireMockExtension site = StubSiteServer.builder().build();

  @TempDir Path data;

  private String base() {
    return "http://127.0.0.1:" + site.getPort();
  }

  private void page(String path, String body) {
    site.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(body)));
  }

  @Test
  void twoBigPagesThatShareTheirFirstBytesAreNoDuplicatesAndEachIsMarkedCut() throws Exception {
    String start = "<html><head><title>Big</title></head><body><p>" + "shared words ".repeat(400);
    page("/b/start.html", "<a href=one.html>1</a> <a href=two.html>2</a>");
    page("/b/one.html", start + "oneending</p></body></html>");
    page("/b/two.html", start + "twoending</p></body></html>");

    CrawlStats stats = Crawler.run(CrawlConfig.builder(List.of(base() + "/b/start.html"), data)
        .include(Pattern.compile("/b/")).delay(Duration.ZERO).timeout(AnsweredFetches.TIMEOUT)
        .maxBodyBytes(2048).build(), CrawlListener.NONE);

    assertThat(stats.duplicates()).isZero();
    assertThat(stats.pagesCutAtMaxBody()).as("one and two").isEqualTo(2);
    assertThat(CrawlDbRows.column(data.resolve("crawl.db"),
        "SELECT url || ' ' || message FROM urls WHERE indexed = 1 ORDER BY url")).containsExactly(
        base() + "/b/one.html 200 OK; cut at --max-body, 2048 bytes read",
        base() + "/b/start.html 200 OK",
        base() + "/b/two.html 200 OK; cut at --max-body, 2048 bytes read");
    assertThat(CrawlDbRows.column(data.resolve("crawl.db"),
        "SELECT url FROM urls WHERE content_hash IS NULL")).hasSize(2);
  }
}
