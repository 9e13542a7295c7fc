package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.search.PageSearcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A docs site of HTML pages on WireMock, crawled from /index.html, its index open for search. */
final class CrawledDocs {
  private CrawledDocs() {}

  /** @param pages each page's path and HTML; one is /index.html */
  static PageSearcher crawl(WireMockExtension site, Path data, Map<String, String> pages) throws Exception {
    pages.forEach((path, body) -> site.stubFor(get(path).willReturn(
        aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8").withBody(body))));
    Crawler.run(CrawlConfig.builder(List.of(url(site, "/index.html")), data).concurrency(4).delay(Duration.ZERO)
        .timeout(Duration.ofSeconds(5)).build(), CrawlListener.NONE);
    return PageSearcher.open(data.resolve("index"));
  }

  static String url(WireMockExtension site, String path) {
    return "http://127.0.0.1:" + site.getPort() + path;
  }
}
