package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A seed may be a sitemap or a feed instead of a page: then the crawl starts from what it lists. */
class SitemapSeedTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  @BeforeEach
  void pages() {
    // Nothing links to these pages, and the site's /sitemap.xml does not exist: only the seed names them.
    site.stubFor(get("/docs/a.html").willReturn(html("<title>Alpha</title><p>apricot</p>")));
    site.stubFor(get("/docs/b.html").willReturn(html("<title>Bravo</title><p>blueberry</p>")));
  }

  @Test
  void aSitemapSeedCrawlsThePagesItListsAndIsRecordedItself() throws Exception {
    site.stubFor(get("/docs/pages.xml").willReturn(xml("application/xml", urlset("/docs/a.html", "/docs/b.html"))));

    CrawlStats stats = Crawler.run(config("/docs/pages.xml", 10), CrawlListener.NONE);

    assertThat(stats.indexed()).isEqualTo(2);
    assertThat(CrawlDbRows.column(db(), "SELECT url || ' ' || depth || ' ' || indexed FROM urls ORDER BY url"))
        .containsExactly(url("/docs/a.html") + " 1 1", url("/docs/b.html") + " 1 1", url("/docs/pages.xml") + " 0 0");
  }

  @Test
  void aGzippedSitemapIndexSeedIsFollowedToItsSitemaps() throws Exception {
    String index = "<?xml version='1.0' encoding='UTF-8'?>"
        + "<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        + "<sitemap><loc>" + url("/docs/part-1.xml") + "</loc></sitemap></sitemapindex>";
    site.stubFor(get("/docs/index.xml.gz").willReturn(aResponse()
        .withHeader("Content-Type", "application/gzip").withBody(gzip(index))));
    site.stubFor(get("/docs/part-1.xml").willReturn(xml("text/xml", urlset("/docs/a.html"))));

    CrawlStats stats = Crawler.run(config("/docs/index.xml.gz", 10), CrawlListener.NONE);

    assertThat(stats.indexed()).isEqualTo(1);
    site.verify(getRequestedFor(urlEqualTo("/docs/a.html")));
  }

  @Test
  void anAtomFeedSeedCrawlsItsEntries() throws Exception {
    String feed = "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        + "<title>Docs</title><id>urn:docs</id><updated>2026-12-01T09:00:00Z</updated>"
        + "<entry><title>B</title><id>urn:b</id><updated>2026-12-01T09:00:00Z</updated>"
        + "<link href='" + url("/docs/b.html") + "'/></entry></feed>";
    site.stubFor(get("/docs/feed.atom").willReturn(xml("application/atom+xml", feed)));

    CrawlStats stats = Crawler.run(config("/docs/feed.atom", 10), CrawlListener.NONE);

    assertThat(stats.indexed()).isEqualTo(1);
    site.verify(getRequestedFor(urlEqualTo("/docs/b.html")));
  }

  @Test
  void aRefreshFetchesASitemapSeedOnceAsAQueuedPageNotASecondTimeAsASitemapReadAgain() throws Exception {
    site.stubFor(get("/docs/pages.xml").willReturn(xml("application/xml", urlset("/docs/a.html", "/docs/b.html"))));
    Crawler.run(config("/docs/pages.xml", 10), CrawlListener.NONE);
    site.resetRequests();

    // A refresh queues the seed again with its 200 and content type kept: it is read when fetched.
    CrawlConfig refresh = CrawlConfig.builder(List.of(url("/docs/pages.xml")), data).maxDepth(10).concurrency(4)
        .delay(Duration.ZERO).timeout(AnsweredFetches.TIMEOUT).maxBodyBytes(1 << 20).start(CrawlStart.REFRESH).build();
    Crawler.run(refresh, CrawlListener.NONE);

    site.verify(1, getRequestedFor(urlEqualTo("/docs/pages.xml")));
    site.verify(1, getRequestedFor(urlEqualTo("/docs/a.html")));
  }

  @Test
  void xmlThatIsNoSitemapAndASitemapFoundByLinkAddNothing() throws Exception {
    site.stubFor(get("/docs/data.xml").willReturn(xml("application/xml", "<?xml version='1.0'?><config/>")));
    site.stubFor(get("/docs/pages.xml").willReturn(xml("application/xml", urlset("/docs/a.html"))));
    site.stubFor(get("/docs/start.html").willReturn(html("<a href='/docs/pages.xml'>all pages</a>")));

    CrawlStats fromXml = Crawler.run(config("/docs/data.xml", 10), CrawlListener.NONE);
    assertThat(fromXml.pages()).isEqualTo(1);

    CrawlStats fromPage = Crawler.run(config("/docs/start.html", 10), CrawlListener.NONE);
    assertThat(fromPage.pages()).as("start.html and pages.xml, but not what pages.xml lists").isEqualTo(2);
  }

  @Test
  void maxDepthZeroKeepsTheCrawlToTheSitemapItselfAndSaysWhy() throws Exception {
    site.stubFor(get("/docs/pages.xml").willReturn(xml("application/xml", urlset("/docs/a.html"))));
    CrawlStats stats;
    List<String> said;
    try (LoggedLines log = LoggedLines.of("dev.sitepulse.crawler.internal.RobotsAndSitemaps")) {
      stats = Crawler.run(config("/docs/pages.xml", 0), CrawlListener.NONE);
      said = log.all();
    }

    assertThat(stats.pages()).isEqualTo(1);
    site.verify(0, getRequestedFor(urlEqualTo("/docs/a.html")));
    assertThat(said).containsExactly(url("/docs/pages.xml")
        + " is a sitemap, whose pages count as depth 1, which --max-depth 0 leaves out; --max-depth 1 crawls them"
        + " and none of their links");
  }

  private String urlset(String... paths) {
    StringBuilder xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>"
        + "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>");
    for (String path : paths) {
      xml.append("<url><loc>").append(url(path)).append("</loc></url>");
    }
    return xml.append("</urlset>").toString();
  }

  private static ResponseDefinitionBuilder html(String body) {
    return aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(body);
  }

  private static ResponseDefinitionBuilder xml(String type, String body) {
    return aResponse().withHeader("Content-Type", type).withBody(body);
  }

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private CrawlConfig config(String seedPath, int maxDepth) {
    return CrawlConfig.builder(List.of(url(seedPath)), data).maxDepth(maxDepth).concurrency(4).delay(Duration.ZERO)
        .timeout(AnsweredFetches.TIMEOUT).maxBodyBytes(1 << 20).start(CrawlStart.FRESH).build();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + site.getPort() + path;
  }

  private Path db() {
    return data.resolve("crawl.db");
  }
}
