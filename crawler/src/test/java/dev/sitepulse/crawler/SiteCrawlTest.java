package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One crawl of the WireMock docs site, checked against its known answers
 * (wiremock-stubs/README.md): the pages found, robots, duplicates, canonicals, links.
 */
class SiteCrawlTest {

  @RegisterExtension
  static WireMockExtension site = StubSiteServer.builder().resetOnEachTest(false).build();

  static Path DATA;
  static CrawlStats stats;

  @BeforeAll
  static void crawlTheSite() throws Exception {
    DATA = Files.createTempDirectory("sitepulse-crawl");
    CrawlConfig c = CrawlConfig.builder(List.of(base() + "/site/index.html"), DATA).concurrency(8).perHost(4)
        .delay(Duration.ZERO).timeout(AnsweredFetches.TIMEOUT).maxBodyBytes(1 << 20).build();
    stats = Crawler.run(c, CrawlListener.NONE);
  }

  private static String base() {
    return "http://127.0.0.1:" + site.getPort();
  }

  private static Path db() {
    return DATA.resolve("crawl.db");
  }

  private static List<String> htmlPages() {
    return CrawlDbRows.column(db(), "SELECT url FROM urls WHERE status=200 AND content_type LIKE 'text/html%' ORDER BY url");
  }

  @Test
  void aCrawlFindsEveryLinkedPageAndTheSitemapOnlyPage() {
    List<String> pages = htmlPages();
    assertThat(pages).hasSize(35).contains(base() + "/site/orphan.html", base() + "/site/slow.html");
    assertThat(stats.indexed()).as("35 pages less one duplicate and one canonical variant").isEqualTo(33);
    assertThat(stats.duplicates()).isEqualTo(1);
    assertThat(CrawlDbRows.column(db(), "SELECT state FROM urls WHERE state IN ('queued','fetching')")).isEmpty();
  }

  @Test
  void robotsTxtDisallowIsHonoured() {
    site.verify(0, getRequestedFor(urlPathEqualTo("/site/private/secret.html")));
    assertThat(stats.robotsBlocked()).isEqualTo(1);
    assertThat(CrawlDbRows.column(db(), "SELECT state FROM urls WHERE url LIKE '%/private/secret.html'"))
        .containsExactly("skipped-robots");
  }

  @Test
  void exactDuplicatesAreRecordedOnceAndCanonicalVariantsPointAtTheirPage() {
    assertThat(CrawlDbRows.column(db(), "SELECT duplicate_of FROM urls WHERE url LIKE '%/copy-of-faq.html'"))
        .containsExactly(base() + "/site/faq.html");
    assertThat(CrawlDbRows.column(db(), "SELECT canonical || ' ' || indexed FROM urls WHERE url LIKE '%/install-print.html'"))
        .containsExactly(base() + "/site/guide/install.html 0");
  }

  @Test
  void nonHtmlContentIsRecordedButNotParsed() {
    assertThat(CrawlDbRows.column(db(), "SELECT content_type || ' ' || indexed FROM urls WHERE url LIKE '%/manual.pdf'"))
        .singleElement().asString().startsWith("application/pdf").endsWith(" 0");
  }

  @Test
  void linksAreRecordedWithAnchorTextButNoLineNumbersInACrawlForSearch() {
    assertThat(CrawlDbRows.column(db(), "SELECT anchor || ' ' || IFNULL(line, 'none') FROM page_links WHERE from_url LIKE '%/site/guide/install.html' AND to_url LIKE '%/site/missing.html'"))
        .containsExactly("package matrix none");
    assertThat(CrawlDbRows.column(db(), "SELECT status FROM urls WHERE url LIKE '%/site/missing.html'"))
        .containsExactly("404");
  }
}
