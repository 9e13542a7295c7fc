package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A frameset site (javadoc 8's index.html) is its frames' pages, not its index.html alone. */
class FramesCrawlTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  @Test
  void framesIframesAndTheNoframesFallbackAreCrawledAsLinks() throws Exception {
    site.stubFor(get("/index.html").willReturn(html("""
        <html><head><title>Docs</title></head>
        <frameset cols="20%,80%">
        <frame src="nav.html" name="navFrame" title="All Packages">
        <frame src="main.html" name="mainFrame">
        <noframes><body><p>Frame alert. <a href="no-frames.html">Non-frame version</a></p></body></noframes>
        </frameset></html>""")));
    site.stubFor(get("/nav.html").willReturn(html("<title>Nav</title><p>packages</p>")));
    site.stubFor(get("/main.html").willReturn(html("<title>Main</title><p>overview</p><iframe src=inner.html></iframe>")));
    site.stubFor(get("/inner.html").willReturn(html("<title>Inner</title><p>inside</p>")));
    site.stubFor(get("/no-frames.html").willReturn(html("<title>Plain</title><p>plain</p>")));

    CrawlStats stats = Crawler.run(CrawlConfig.builder(List.of(url("/index.html")), data).concurrency(2)
        .delay(Duration.ZERO).timeout(AnsweredFetches.TIMEOUT).start(CrawlStart.FRESH).build(), CrawlListener.NONE);

    assertThat(stats.indexed()).isEqualTo(5);
    // The frame's title, else its name, is the link's anchor text; an iframe without either has none.
    assertThat(CrawlDbRows.column(data.resolve("crawl.db"), "SELECT to_url || ' ' || anchor FROM page_links ORDER BY to_url")
            .stream().map(row -> row.replace(url("/"), "")))
        .containsExactly("inner.html ", "main.html mainFrame", "nav.html All Packages", "no-frames.html Non-frame version");
  }

  private static ResponseDefinitionBuilder html(String body) {
    return aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(body);
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + site.getPort() + path;
  }
}
