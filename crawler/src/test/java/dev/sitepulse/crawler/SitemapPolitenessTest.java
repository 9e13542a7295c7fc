package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Sitemaps are fetched as pages are: only where robots.txt allows, and within the host's delay. */
class SitemapPolitenessTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  @Test
  void aSiteThatDisallowsEverythingHasNoneOfItsSitemapsRead() throws Exception {
    robotsTxt("User-agent: *\nDisallow: /\nSitemap: " + url("/named-sitemap.xml") + "\n");
    sitemaps();

    CrawlStats stats = Crawler.run(config(), CrawlListener.NONE);

    assertThat(stats.pages()).isZero();
    assertThat(stats.robotsBlocked()).isEqualTo(1);
    site.verify(0, getRequestedFor(urlMatching(".*sitemap.*")));
  }

  @Test
  void aSitemapIsReadTheHostsCrawlDelayAfterTheSeedAndTheNextPageTheDelayAfterIt() throws Exception {
    robotsTxt("User-agent: *\nCrawl-delay: 1\n");
    sitemaps();
    site.stubFor(get("/index.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<title>Home</title><a href='/a.html'>a</a>")));
    site.stubFor(get("/a.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<title>A</title>")));

    Crawler.run(config(), CrawlListener.NONE);

    List<String> order = site.findAll(getRequestedFor(urlMatching("/(index|a)\\.html|/sitemap\\.xml"))).stream()
        .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).map(LoggedRequest::getUrl).toList();
    assertThat(order).containsExactly("/index.html", "/sitemap.xml", "/a.html");
    List<Long> times = site.findAll(getRequestedFor(urlMatching("/(index|a)\\.html|/sitemap\\.xml"))).stream()
        .map(r -> r.getLoggedDate().getTime()).sorted().toList();
    assertThat(times.get(1) - times.get(0)).as("seed to sitemap").isGreaterThanOrEqualTo(950);
    assertThat(times.get(2) - times.get(1)).as("sitemap to the next page").isGreaterThanOrEqualTo(950);
  }

  @Test
  void everyPageOfASitemapTooBigToQueueInOneTurnOfTheLoopIsCrawled() throws Exception {
    robotsTxt("User-agent: *\nAllow: /\n");
    StringBuilder urls = new StringBuilder("<?xml version=\"1.0\"?>"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    for (int i = 0; i < 6_000; i++) { // queued 5,000 per turn
      urls.append("<url><loc>").append(url("/p/" + i + ".html")).append("</loc></url>");
    }
    site.stubFor(get("/sitemap.xml").willReturn(aResponse().withHeader("Content-Type", "application/xml")
        .withBody(urls + "</urlset>")));
    site.stubFor(get("/index.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<title>Home</title>")));
    site.stubFor(get(urlMatching("/p/.*")).willReturn(aResponse().withStatus(204)));

    CrawlStats stats = Crawler.run(config().toBuilder().concurrency(32).perHost(32).build(), CrawlListener.NONE);

    assertThat(stats.statuses()).containsEntry(204, 6_000L);
    assertThat(CrawlDbRows.column(data.resolve("crawl.db"), "SELECT count(*) FROM urls WHERE url LIKE '%/p/%'"))
        .containsExactly("6000");
  }

  @Test
  void aSitemapOnAnotherHostIsReadOnlyWhereThatHostsRobotsTxtAllowsIt() throws Exception {
    robotsTxt("User-agent: *\nAllow: /\nSitemap: " + url("/sitemap-index.xml") + "\n");
    sitemaps(); // the last stub added wins: the index below goes after these
    site.stubFor(get("/sitemap-index.xml").willReturn(aResponse().withHeader("Content-Type", "application/xml")
        .withBody("<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + "<sitemap><loc>http://localhost:" + site.getPort() + "/private/sitemap.xml</loc></sitemap>"
            + "</sitemapindex>")));
    site.stubFor(get("/robots.txt").withHost(equalTo("localhost")).atPriority(1).willReturn(aResponse()
        .withHeader("Content-Type", "text/plain").withBody("User-agent: *\nDisallow: /private/\n")));
    site.stubFor(get("/index.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<title>Home</title>")));

    Crawler.run(config(), CrawlListener.NONE);

    site.verify(1, getRequestedFor(urlEqualTo("/robots.txt")).withHeader("Host", matching("localhost.*")));
    site.verify(0, getRequestedFor(urlEqualTo("/private/sitemap.xml")));
  }

  private static void robotsTxt(String body) {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(body)));
  }

  /** An empty sitemap wherever one is asked for. */
  private static void sitemaps() {
    site.stubFor(get(urlMatching(".*sitemap.*")).willReturn(aResponse().withHeader("Content-Type", "application/xml")
        .withBody("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"></urlset>")));
  }

  private CrawlConfig config() {
    return CrawlConfig.builder(List.of(url("/index.html")), data).delay(Duration.ZERO)
        .timeout(AnsweredFetches.TIMEOUT).start(CrawlStart.FRESH).build();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + site.getPort() + path;
  }
}
