package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sitemap that got no answer, a 429 or a 503 is read again as robots.txt is; sitemaps queue no
 * more URLs than the crawl may fetch, and indexes nest only so deep.
 */
class SitemapReadsTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  private String base() {
    return "http://127.0.0.1:" + site.getPort();
  }

  @Test
  void aSitemapThatAnswers503OnceIsReadAgainAndItsPagesCrawled() throws Exception {
    site.stubFor(get("/sitemap.xml").inScenario("blip").whenScenarioStateIs(STARTED)
        // Not 0, which OkHttp itself tries again at once
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")).willSetStateTo("up"));
    site.stubFor(get("/sitemap.xml").inScenario("blip").whenScenarioStateIs("up").willReturn(urlset(1)));
    pages(1);

    CrawlStats stats = Crawler.run(config(0), CrawlListener.NONE);

    site.verify(2, getRequestedFor(urlEqualTo("/sitemap.xml")));
    site.verify(1, getRequestedFor(urlEqualTo("/s0.html")));
    assertThat(stats.pages()).isEqualTo(2);
  }

  @Test
  void aSitemapWhoseConnectionIsResetOnceIsReadAgainAndItsPagesCrawled() throws Exception {
    site.stubFor(get("/sitemap.xml").inScenario("reset").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
    site.stubFor(get("/sitemap.xml").inScenario("reset").whenScenarioStateIs("up").willReturn(urlset(1)));
    pages(1);

    Crawler.run(config(0), CrawlListener.NONE);

    site.verify(2, getRequestedFor(urlEqualTo("/sitemap.xml")));
    site.verify(1, getRequestedFor(urlEqualTo("/s0.html")));
  }

  @Test
  void aSitemapReadAgainWaitsItsTurnAmongTheHostsPagesAsTheFirstReadDid() throws Exception {
    // Crawl-delay 1: the first read is booked a second after the home page and answers 503 with
    // Retry-After 1; its retry went out when that second was over, with the page due then.
    site.stubFor(get("/robots.txt").willReturn(aResponse().withBody(
        "User-agent: *\nAllow: /\nCrawl-delay: 1\nSitemap: " + base() + "/sitemap.xml\n")));
    site.stubFor(get("/sitemap.xml").inScenario("busy").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")).willSetStateTo("up"));
    site.stubFor(get("/sitemap.xml").inScenario("busy").whenScenarioStateIs("up").willReturn(urlset(1)));
    site.stubFor(get("/").willReturn(html("<title>home</title><a href='/a.html'>a</a><a href='/b.html'>b</a>")));
    site.stubFor(get("/a.html").willReturn(html("<title>a</title>")));
    site.stubFor(get("/b.html").willReturn(html("<title>b</title>")));
    site.stubFor(get("/s0.html").willReturn(html("<title>s</title>")));

    Crawler.run(config(0), CrawlListener.NONE);

    site.verify(2, getRequestedFor(urlEqualTo("/sitemap.xml")));
    List<LoggedRequest> requests = site.getAllServeEvents().stream().map(e -> e.getRequest())
        .filter(r -> !r.getUrl().equals("/robots.txt"))
        .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    assertThat(requests).hasSize(6);
    for (int i = 1; i < requests.size(); i++) {
      LoggedRequest before = requests.get(i - 1);
      LoggedRequest after = requests.get(i);
      assertThat(after.getLoggedDate().getTime() - before.getLoggedDate().getTime())
          .as("ms between %s and %s", before.getUrl(), after.getUrl()).isGreaterThanOrEqualTo(900);
    }
  }

  @Test
  void sitemapsQueueNoMoreUrlsThanMaxPagesAllowsAndSayItOnce() throws Exception {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withBody(
        "User-agent: *\nAllow: /\nSitemap: " + base() + "/a.xml\nSitemap: " + base() + "/b.xml\n")));
    site.stubFor(get("/a.xml").willReturn(urlset(10)));
    site.stubFor(get("/b.xml").willReturn(urlset(10)));
    pages(10);
    List<String> warnings = warningsOfACrawl(3);

    assertThat(CrawlDbRows.query(data.resolve("crawl.db"), "SELECT url FROM urls WHERE sitemap IS NOT NULL"))
        .hasSize(3);
    site.verify(0, getRequestedFor(urlEqualTo("/b.xml")));
    assertThat(warnings).containsExactly("sitemaps queued 3 URLs, as many as --max-pages allows; no more of"
        + " theirs are queued and no other sitemap is read (the last, " + base() + "/a.xml, may list more)");
  }

  @Test
  void sitemapIndexesNestedMoreThanThreeDeepAreNotReadAndSaidOnce() throws Exception {
    for (int level = 0; level < 4; level++) {
      site.stubFor(get("/index" + level + ".xml").willReturn(index("/index" + (level + 1) + ".xml", "/other" + level + ".xml")));
    }
    site.stubFor(get("/index4.xml").willReturn(urlset(1)));
    for (int level = 0; level < 4; level++) {
      site.stubFor(get("/other" + level + ".xml").willReturn(urlset(1)));
    }
    site.stubFor(get("/robots.txt").willReturn(aResponse().withBody(
        "User-agent: *\nAllow: /\nSitemap: " + base() + "/index0.xml\n")));
    pages(1);
    List<String> warnings = warningsOfACrawl(0);

    site.verify(1, getRequestedFor(urlEqualTo("/index3.xml")));
    site.verify(0, getRequestedFor(urlEqualTo("/index4.xml")));
    site.verify(0, getRequestedFor(urlEqualTo("/other3.xml")));
    site.verify(1, getRequestedFor(urlEqualTo("/other2.xml")));
    assertThat(warnings).containsExactly("sitemap " + base() + "/index4.xml, named in sitemap index " + base()
        + "/index3.xml, is not read: it is 4 sitemap indexes deep, and indexes nest at most 3 deep; no sitemap deeper is read");
  }

  @Test
  void aSitemapIndexAtTheDeepestLevelThatNamesItselfDrawsNoWarning() throws Exception {
    // index3 is read at the deepest level allowed; naming itself again is no deeper sitemap.
    for (int level = 0; level < 3; level++) {
      site.stubFor(get("/index" + level + ".xml").willReturn(index("/index" + (level + 1) + ".xml")));
    }
    site.stubFor(get("/index3.xml").willReturn(index("/index3.xml", "/index0.xml", "/other.xml")));
    site.stubFor(get("/other.xml").willReturn(urlset(1)));
    site.stubFor(get("/robots.txt").willReturn(aResponse().withBody(
        "User-agent: *\nAllow: /\nSitemap: " + base() + "/index0.xml\n")));
    pages(1);
    List<String> warnings = warningsOfACrawl(0);

    site.verify(1, getRequestedFor(urlEqualTo("/index3.xml")));
    assertThat(warnings).containsExactly("sitemap " + base() + "/other.xml, named in sitemap index " + base()
        + "/index3.xml, is not read: it is 4 sitemap indexes deep, and indexes nest at most 3 deep; no sitemap deeper is read");
  }

  @Test
  void sitemapsLeftWaitingOnceTheCapIsSpentAreNotWaitedFor() throws Exception {
    // Ten sitemaps of one host, each of three new pages, a Crawl-delay of 1 s: with --max-pages 4
    // the first two spend the cap, and the eight left must not each book a second of the host's.
    String[] sitemaps = new String[10];
    for (int i = 0; i < sitemaps.length; i++) {
      sitemaps[i] = "/sm" + i + ".xml";
      site.stubFor(get(sitemaps[i]).willReturn(urlset(3 * i, 3)));
    }
    site.stubFor(get("/index.xml").willReturn(index(sitemaps)));
    site.stubFor(get("/robots.txt").willReturn(aResponse().withBody(
        "User-agent: *\nAllow: /\nCrawl-delay: 1\nSitemap: " + base() + "/index.xml\n")));
    pages(30);

    Crawler.run(config(4), CrawlListener.NONE);

    site.verify(0, getRequestedFor(urlEqualTo("/sm2.xml")));
    // The host's requests a second apart: before, the first page came 8 waiting sitemaps later.
    List<Long> times = site.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().matches("/s\\d+\\.html"))
        .map(e -> e.getRequest().getLoggedDate().getTime()).sorted().toList();
    long sitemapDone = site.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().equals("/sm1.xml"))
        .mapToLong(e -> e.getRequest().getLoggedDate().getTime()).max().orElseThrow();
    assertThat(times).isNotEmpty();
    assertThat(times.get(0) - sitemapDone).as("first page after the last sitemap read, ms").isLessThan(3_000);
  }

  @Test
  void ignoringRobotsTxtIgnoresItsRulesAndCrawlDelayButNotTheSitemapsItNames() throws Exception {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("User-agent: *\nDisallow: /\nCrawl-delay: 600\nSitemap: " + base() + "/named.xml\n")));
    site.stubFor(get("/named.xml").willReturn(urlset(2)));
    pages(2);

    CrawlStats stats = Crawler.run(config(0).toBuilder().ignoreRobots(true).build(), CrawlListener.NONE);

    assertThat(stats.pages()).as("home, s0 and s1, none disallowed nor held 10 minutes apart").isEqualTo(3);
    site.verify(1, getRequestedFor(urlEqualTo("/robots.txt")));
  }

  private CrawlConfig config(int maxPages) {
    return CrawlConfig.builder(List.of(base() + "/"), data).delay(Duration.ZERO).maxPages(maxPages)
        .userAgent("sitepulse-test").build();
  }

  private void pages(int n) {
    site.stubFor(get("/").willReturn(html("<title>home</title>")));
    for (int i = 0; i < n; i++) {
      site.stubFor(get("/s" + i + ".html").willReturn(html("<title>s</title>")));
    }
  }

  private ResponseDefinitionBuilder urlset(int n) {
    return urlset(0, n);
  }

  /** A sitemap of pages /s{from}.html to /s{from + n - 1}.html. */
  private ResponseDefinitionBuilder urlset(int from, int n) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    for (int i = from; i < from + n; i++) {
      xml.append("<url><loc>").append(base()).append("/s").append(i).append(".html</loc></url>");
    }
    return xml(xml.append("</urlset>").toString());
  }

  private ResponseDefinitionBuilder index(String... paths) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    for (String path : paths) {
      xml.append("<sitemap><loc>").append(base()).append(path).append("</loc></sitemap>");
    }
    return xml(xml.append("</sitemapindex>").toString());
  }

  private static ResponseDefinitionBuilder xml(String body) {
    return aResponse().withHeader("Content-Type", "application/xml").withBody(body);
  }

  private static ResponseDefinitionBuilder html(String body) {
    return aResponse().withHeader("Content-Type", "text/html").withBody(body);
  }

  /** The warnings RobotsAndSitemaps logs in a crawl of the site. */
  private List<String> warningsOfACrawl(int maxPages) throws Exception {
    return LoggedLines.warnedDuring("dev.sitepulse.crawler.internal.RobotsAndSitemaps",
        () -> Crawler.run(config(maxPages), CrawlListener.NONE));
  }
}
