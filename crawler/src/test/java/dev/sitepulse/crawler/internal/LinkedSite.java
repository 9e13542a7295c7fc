package dev.sitepulse.crawler.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.AnsweredFetches;
import dev.sitepulse.crawler.CrawlConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A home page that links {@code /p0.html} to {@code /pN-1.html}, each a small page. */
final class LinkedSite {
  private LinkedSite() {}

  /** @return the home page's URL, the seed */
  static String stub(WireMockExtension site, int pages) {
    StringBuilder index = new StringBuilder("<title>Home</title>");
    for (int i = 0; i < pages; i++) {
      index.append("<a href='/p").append(i).append(".html'>p</a>");
      site.stubFor(get("/p" + i + ".html").willReturn(html("<title>P</title><p>page " + i)));
    }
    site.stubFor(get("/").willReturn(html(index.toString())));
    return "http://127.0.0.1:" + site.getPort() + "/";
  }

  /**
   * A crawl of {@code seed} one fetch at a time, with no delay and the timeout of answered fetches:
   * what the loop tests hold a fetch, a write or a record of.
   */
  static CrawlConfig.Builder oneAtATime(String seed, Path data) {
    return CrawlConfig.builder(List.of(seed), data).concurrency(1).perHost(1).delay(Duration.ZERO)
        .timeout(AnsweredFetches.TIMEOUT).userAgent("sitepulse-test");
  }

  static ResponseDefinitionBuilder html(String body) {
    return aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(body);
  }
}
