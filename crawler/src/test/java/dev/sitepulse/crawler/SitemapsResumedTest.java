package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that ends at --max-pages before it has read the sitemaps leaves them to the next run, which
 * reads them though nothing is left queued: their pages are not lost for good.
 */
class SitemapsResumedTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  /** Another origin, as a CDN serving the site's sitemaps is. */
  @RegisterExtension
  static WireMockExtension cdn = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  @BeforeEach
  void pages() {
    // Nothing links to these pages: only the sitemap names b.html.
    site.stubFor(get("/a.html").willReturn(html("<title>Alpha</title><p>apricot</p>")));
    site.stubFor(get("/b.html").willReturn(html("<title>Bravo</title><p>blueberry</p>")));
    site.stubFor(get("/pages.xml").willReturn(aResponse().withHeader("Content-Type", "application/xml")
        .withBody("<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            + "<url><loc>" + url("/a.html") + "</loc></url><url><loc>" + url("/b.html") + "</loc></url></urlset>")));
  }

  @Test
  void aSeedsSitemapCutByTheLimitIsReadByTheNextRunThoughNothingIsQueued() throws Exception {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withBody("Sitemap: " + url("/pages.xml") + "\n")));

    CrawlStats first = Crawler.run(config("/a.html", 1, CrawlStart.FRESH), CrawlListener.NONE);
    assertThat(first.pages()).isEqualTo(1);
    assertThat(first.queued()).isZero();
    assertThat(first.hostsWithSitemapsUnread()).isEqualTo(1);

    CrawlStats second = Crawler.run(config("/a.html", 0, CrawlStart.RESUME), CrawlListener.NONE);
    assertThat(second.pages()).as("b.html, which only the sitemap names").isEqualTo(1);
    assertThat(second.hostsWithSitemapsUnread()).isZero();
    site.verify(2, getRequestedFor(urlEqualTo("/robots.txt")));
    site.verify(1, getRequestedFor(urlEqualTo("/b.html")));
  }

  @Test
  void aSitemapSeedIsReadAgainByTheNextRunForTheUrlsTheLimitLeftUnqueued() throws Exception {
    CrawlStats first = Crawler.run(config("/pages.xml", 1, CrawlStart.FRESH), CrawlListener.NONE);
    assertThat(first.hostsWithSitemapsUnread()).as("it queued a.html, as many as --max-pages allows").isEqualTo(1);

    CrawlStats second = Crawler.run(config("/pages.xml", 0, CrawlStart.RESUME), CrawlListener.NONE);
    assertThat(second.pages()).as("a.html, left queued, and b.html, which the seed lists").isEqualTo(2);
    site.verify(1, getRequestedFor(urlEqualTo("/b.html")));
  }

  @Test
  void sitemapsOnACdnCutByTheLimitCountAsTheSiteThatNamedThemNotAHostOfTheirOwn() throws Exception {
    String urlset = "<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        + "<url><loc>" + url("/b.html") + "</loc></url><url><loc>" + url("/c.html") + "</loc></url></urlset>";
    cdn.stubFor(get("/site.xml").willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(urlset)));
    String onCdn = "http://127.0.0.1:" + cdn.getPort() + "/site.xml";
    site.stubFor(get("/robots.txt").willReturn(aResponse()
        .withBody("Sitemap: " + url("/pages.xml") + "\nSitemap: " + onCdn + "\n")));

    CrawlStats first = Crawler.run(config("/a.html", 1, CrawlStart.FRESH), CrawlListener.NONE);

    assertThat(first.hostsWithSitemapsUnread()).as("both sitemaps are the site's, wherever they are served")
        .isEqualTo(1);
  }

  private CrawlConfig config(String seedPath, int maxPages, CrawlStart start) {
    return CrawlConfig.builder(List.of(url(seedPath)), data).maxPages(maxPages).concurrency(2)
        .delay(Duration.ZERO).timeout(AnsweredFetches.TIMEOUT).start(start).build();
  }

  private static ResponseDefinitionBuilder html(String body) {
    return aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(body);
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + site.getPort() + path;
  }
}
