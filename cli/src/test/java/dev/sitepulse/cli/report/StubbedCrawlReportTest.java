package dev.sitepulse.cli.report;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.CommandLineRun;
import dev.sitepulse.cli.testing.StubServer;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.Crawler;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The report of crawls of pages that each test stubs: hosts that fail, pages that do harm. */
class StubbedCrawlReportTest {

  @RegisterExtension static WireMockExtension site = StubServer.empty();

  @TempDir Path data;

  @Test
  void aUrlWhoseHostNeverAnsweredIsNotAFastFetchInTheFetchTimes() throws Exception {
    site.stubFor(get("/index.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withFixedDelay(50).withBody("<!doctype html><title>up</title><p>An answer after 50 ms.</p>")));
    String closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = "http://127.0.0.1:" + s.getLocalPort() + "/";
    }
    // Without robots.txt: one that got no answer would leave the closed port's URL queued, not failed.
    Crawler.run(CrawlConfig.builder(List.of(StubServer.url(site, "/index.html"), closed), data)
        .delay(Duration.ZERO).ignoreRobots(true).build(), CrawlListener.NONE);

    CommandLineRun run = CommandLineRun.of("report", "--data", data.toString(), "--format", "json");

    assertThat(run.exitCode()).as("%s", run).isZero();
    JsonNode s = new ObjectMapper().readTree(run.out()).get("site");
    assertThat(s.get("states").get("failed").asLong()).as("the closed port's URL").isEqualTo(1);
    assertThat(s.get("fetch_ms").get("count").asLong()).isEqualTo(1);
    assertThat(s.get("fetch_ms").get("p50").asDouble()).isGreaterThanOrEqualTo(50.0);
    assertThat(s.get("slowest").findValuesAsText("url")).containsExactly(StubServer.url(site, "/index.html"));
  }

  /** Stubs an HTML page at {@code path} with this body. */
  private static void page(String path, String body) {
    site.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(body)));
  }

  @Test
  void theSiteLineCountsTheUrlsLinksLeadToNotTheSeedsAndSitemapPagesNoLinkLeadsTo() throws Exception {
    page("/home.html", "<title>home</title><a href=a.html>a</a> <a href=a.html>a again</a> <a href=b.html>b</a>");
    page("/a.html", "<title>a</title>");
    page("/b.html", "<title>b</title>");
    page("/other.html", "<title>another seed</title>");
    page("/listed.html", "<title>listed</title>");
    site.stubFor(get("/sitemap.xml").willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody("""
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s</loc></url></urlset>"""
        .formatted(StubServer.url(site, "/listed.html")))));
    Crawler.run(CrawlConfig.builder(List.of(StubServer.url(site, "/home.html"), StubServer.url(site, "/other.html")), data)
        .maxDepth(1).delay(Duration.ZERO).build(), CrawlListener.NONE);

    CommandLineRun table = CommandLineRun.of("report", "--data", data.toString());
    CommandLineRun json = CommandLineRun.of("report", "--data", data.toString(), "--format", "json");
    CommandLineRun html = CommandLineRun.of("report", "--data", data.toString(), "--format", "html");

    assertThat(table.out()).as(table.toString()).contains("\n3 links to 2 targets, 0 broken (checked offline");
    assertThat(new ObjectMapper().readTree(json.out()).get("site").get("links").get("targets").asLong()).isEqualTo(2);
    assertThat(html.out()).contains("3 links to 2 targets, checked offline");
  }

  @Test
  void theSlowestAndLargestPagesAreHtmlPagesThatAnsweredNotRedirectsOrFiles() throws Exception {
    page("/home.html", "<title>home</title><a href=/moved>moved</a> <a href=/manual.pdf>manual</a> <a href=/gone.html>gone</a>");
    site.stubFor(get("/moved").willReturn(aResponse().withStatus(301).withHeader("Location", "/home.html")
        .withBody("x".repeat(20_000))));
    site.stubFor(get("/manual.pdf").willReturn(aResponse().withHeader("Content-Type", "application/pdf")
        .withBody("%PDF-1.4 " + "x".repeat(20_000))));
    site.stubFor(get("/gone.html").willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/html")
        .withBody("<title>gone</title>" + "x".repeat(20_000))));
    Crawler.run(CrawlConfig.builder(List.of(StubServer.url(site, "/home.html")), data).maxDepth(1)
        .delay(Duration.ZERO).build(), CrawlListener.NONE);

    JsonNode s = new ObjectMapper().readTree(CommandLineRun.of("report", "--data", data.toString(), "--format", "json").out())
        .get("site");

    assertThat(s.get("slowest").findValuesAsText("url")).containsExactly(StubServer.url(site, "/home.html"));
    assertThat(s.get("largest").findValuesAsText("url")).containsExactly(StubServer.url(site, "/home.html"));
    assertThat(s.get("fetch_ms").get("count").asLong()).as("every answer is a fetch, pages or not").isEqualTo(4);
  }

  @Test
  void aTitlesBidiOverrideAndC1ControlsAreShownAsReplacementCharactersNotObeyed() throws Exception {
    site.stubFor(get("/index.html").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody("<!doctype html><html><head><title><script>alert(1)</script> \u202Egnp.exe\u0085\u009B31m"
            + "</title></head><body><p>A page with a hostile title.</p></body></html>")));
    Crawler.run(CrawlConfig.builder(List.of(StubServer.url(site, "/index.html")), data).delay(Duration.ZERO).build(),
        CrawlListener.NONE);
    assertThat(CommandLineRun.of("analyze", "--data", data.toString(), "--device", "cpu").exitCode()).isZero();

    CommandLineRun html = CommandLineRun.of("report", "--data", data.toString(), "--format", "html");

    assertThat(html.exitCode()).as(html.toString()).isZero();
    assertThat(html.out()).contains("<td class=\"text\">&lt;script&gt;alert(1)&lt;/script&gt; \uFFFDgnp.exe\uFFFD\uFFFD31m</td>")
        .doesNotContain("\u202E", "\u0085", "\u009B", "<script>");
  }
}
