package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Sphinx site with the viewcode extension, as Scrapy's docs are: each definition links to its
 * source on a page of highlighted code, whose blocks Sphinx ids by the definition's short name.
 * Pages shaped as Sphinx 5's with sphinx_rtd_theme, cut down.
 */
class SphinxViewcodeSearchTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir static Path data;
  static PageSearcher searcher;

  /** The docs: long, and naming the class once, in its signature. */
  private static final String SPIDERS = "<html><head><title>Spiders — Scrapy 2.8.0 documentation</title></head><body>"
      + "<section id='spiders'><h1>Spiders</h1><p>" + "Spiders define how a site is scraped and crawled. ".repeat(60)
      + "</p><dl class='py class'><dt class='sig sig-object py' id='scrapy.spiders.CrawlSpider'>"
      + "<em class='property'><span class='pre'>class</span> </em><span class='sig-prename descclassname'>"
      + "<span class='pre'>scrapy.spiders.</span></span><span class='sig-name descname'><span class='pre'>CrawlSpider"
      + "</span></span><a class='reference internal' href='../_modules/scrapy/spiders/crawl.html#CrawlSpider'>"
      + "<span class='viewcode-link'><span class='pre'>[source]</span></span></a></dt>"
      + "<dd><p>The spider for crawling regular sites by following links.</p></dd></dl></section></body></html>";
  /** The highlighted module: as long as the docs, and saying the class's name more often. */
  private static final String SOURCE = "<html><head><title>scrapy.spiders.crawl — Scrapy 2.8.0 documentation</title>"
      + "</head><body><h1>Source code for scrapy.spiders.crawl</h1><div class='highlight'><pre>"
      + "<div class='viewcode-block' id='CrawlSpider'><a class='viewcode-back' href='../../../topics/spiders.html"
      + "#scrapy.spiders.CrawlSpider'>[docs]</a>class CrawlSpider(Spider):\n    rules = ()\n"
      + "    def _compile_rules(self): # CrawlSpider rules, compiled for CrawlSpider\n"
      + "        self._rules = [copy.copy(rule) for rule in self.rules]\n".repeat(60) + "</div></pre></div></body></html>";

  @BeforeAll
  static void crawlTheSite() throws Exception {
    searcher = CrawledDocs.crawl(site, data, Map.of("/index.html", "<html><head><title>Scrapy</title></head><body>"
        + "<a href='topics/spiders.html'>Spiders</a></body></html>", "/topics/spiders.html", SPIDERS,
        "/_modules/scrapy/spiders/crawl.html", SOURCE));
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aClassesNameFindsItsDocsBeforeItsSource() throws Exception {
    assertThat(searcher.search("CrawlSpider", 10).hits()).extracting(SearchHit::link)
        .first().isEqualTo(CrawledDocs.url(site, "/topics/spiders.html#scrapy.spiders.CrawlSpider"));
  }
}
