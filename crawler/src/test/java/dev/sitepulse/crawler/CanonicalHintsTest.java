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

/** rel=canonical is a hint: it may move a page's text to another URL, never make it unfindable. */
class CanonicalHintsTest {

  @RegisterExtension
  static WireMockExtension site = StubSiteServer.builder().build();

  @TempDir Path data;

  private String base() {
    return "http://127.0.0.1:" + site.getPort();
  }

  private void page(String path, String canonical, String body) {
    site.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(
        "<html><head><link rel=canonical href=\"" + canonical + "\"></head><body>" + body + "</body></html>")));
  }

  @Test
  void aPageIsIndexedWhenItsCanonicalIsOutOfScopeOrPointsBackAtIt() throws Exception {
    page("/c/start.html", base() + "/c/start.html",
        "<a href=a.html>a</a> <a href=b.html>b</a> <a href=away.html>away</a> <a href=variant.html>v</a>");
    page("/c/a.html", base() + "/c/b.html", "alphaword");
    page("/c/b.html", base() + "/c/a.html", "bravoword");
    page("/c/away.html", "http://localhost:" + site.getPort() + "/elsewhere.html", "awayword");
    page("/c/variant.html", base() + "/c/start.html", "variantword");
    CrawlConfig crawl = new CrawlSpec(List.of(base() + "/c/start.html"), data.toString(), null, 2, null, null,
        Pattern.compile("/c/"), null, null, 4, Duration.ZERO, Duration.ofSeconds(5), null, null, null, null)
        .toConfig(CrawlStart.RESUME);

    Crawler.run(crawl, CrawlListener.NONE);

    List<String> indexed = CrawlDbRows.column(data.resolve("crawl.db"),
        "SELECT url FROM urls WHERE indexed = 1 ORDER BY url");
    assertThat(indexed).as("the other host is out of scope: its page is never fetched")
        .contains(base() + "/c/away.html", base() + "/c/start.html")
        .doesNotContain(base() + "/c/variant.html");
    assertThat(indexed).as("a and b name each other: one of them stands for both")
        .containsAnyOf(base() + "/c/a.html", base() + "/c/b.html");
  }
}
