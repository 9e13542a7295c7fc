package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.search.PageSearcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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
        .timeout(AnsweredFetches.TIMEOUT).build(), CrawlListener.NONE);
    return PageSearcher.open(data.resolve("index"));
  }

  /** Module pages {@link #amongOtherModules} adds, each defining this many names. */
  private static final int OTHER_MODULES = 20;

  /**
   * {@link #crawl} of {@code pages} among {@value #OTHER_MODULES} Sphinx module pages
   * ({@code /library/moduleM.html}) that neither define nor say their names, each defining as many
   * names of its own, and an /index.html that links them all: a name weighs as on a real docs
   * site, where most pages neither define nor say it and each defines many names.
   */
  static PageSearcher crawlAmongOtherModules(WireMockExtension site, Path data, Map<String, String> pages)
      throws Exception {
    Map<String, String> all = new HashMap<>(pages);
    for (int m = 0; m < OTHER_MODULES; m++) {
      all.put("/library/module" + m + ".html", otherModule(m));
    }
    StringBuilder links = new StringBuilder("<html><head><title>Docs</title></head><body>");
    all.keySet().forEach(path -> links.append("<a href='").append(path).append("'>").append(path).append("</a> "));
    all.put("/index.html", links.append("</body></html>").toString());
    return crawl(site, data, all);
  }

  private static String otherModule(int m) {
    StringBuilder functions = new StringBuilder("<dl>");
    for (int f = 0; f < OTHER_MODULES; f++) {
      String name = "module" + m + ".read" + f;
      functions.append("<dt id='").append(name).append("'>").append(name).append("()</dt><dd>Reads part ").append(f)
          .append(".</dd>");
    }
    return "<html><head><title>module" + m + " — Module " + m + "</title></head><body><section id='module-module" + m
        + "'><h1>module" + m + " — Module " + m + "</h1><p>" + "This module reads and writes files of its own kind. ".repeat(10)
        + "</p>" + functions + "</dl></section></body></html>";
  }

  static String url(WireMockExtension site, String path) {
    return "http://127.0.0.1:" + site.getPort() + path;
  }
}
