package dev.sitepulse.crawler.links;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.AnsweredFetches;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.Crawler;
import dev.sitepulse.crawler.StubSiteServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * --max-links-per-page: the links of a page past the cap are neither queued nor recorded; the
 * crawl counts them, and a link check reports the page as one whose links it did not all check.
 */
class LinksPerPageCapTest {

  @RegisterExtension
  static WireMockExtension site = StubSiteServer.builder().build();

  @TempDir Path data;

  private final LinkPages pages = new LinkPages(site);

  private CrawlConfig.Builder crawl() {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
    site.stubFor(get("/sitemap.xml").willReturn(aResponse().withStatus(404)));
    pages.page("/many.html", "/p1.html", "/p2.html", "/p3.html", "/p4.html", "/p5.html");
    pages.page("/few.html", "/p1.html");
    for (int i = 1; i <= 3; i++) {
      pages.page("/p" + i + ".html");
    }
    return CrawlConfig.builder(List.of(pages.base() + "/many.html", pages.base() + "/few.html"), data)
        .delay(Duration.ZERO).timeout(AnsweredFetches.TIMEOUT).maxLinksPerPage(3);
  }

  @Test
  void linksPastTheCapAreNeitherFetchedNorRecordedAndAreCountedWithTheirPages() throws Exception {
    CrawlStats stats = Crawler.run(crawl().build(), CrawlListener.NONE);

    assertThat(stats.linksCut()).isEqualTo(2);
    assertThat(stats.pagesWithLinksCut()).isEqualTo(1);
    site.verify(0, getRequestedFor(urlPathEqualTo("/p4.html")));
    site.verify(0, getRequestedFor(urlPathEqualTo("/p5.html")));
    site.verify(getRequestedFor(urlPathEqualTo("/p3.html")));
  }

  @Test
  void aLinkCheckReportsThePagesWhoseLinksPastTheCapItDidNotCheck() throws Exception {
    CrawlConfig config = crawl().purpose(CrawlPurpose.LINK_CHECK).build();

    Crawler.run(config, CrawlListener.NONE);
    LinkReport report = LinkChecker.check(config, true, false);

    assertThat(report.broken()).as("p4 and p5 are 404s, never checked").isEmpty();
    assertThat(report.linksCutPages()).containsExactly(pages.base() + "/many.html");
    assertThat(report.links()).isEqualTo(4);
  }

  @Test
  void anIndexOfTwentyThousandLinksIsReadWholeByDefaultAsALinkCheckerMustCheckThemAll() throws Exception {
    // The Python docs' genindex-all.html has about 22,000: Heritrix's 6000 cut 19,200 links there.
    site.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
    site.stubFor(get("/sitemap.xml").willReturn(aResponse().withStatus(404)));
    pages.html("/genindex-all.html", IntStream.range(0, 20_000).mapToObj(i -> "<a href=\"/g/" + i + ".html\">n</a>"));
    CrawlConfig config = CrawlConfig.builder(List.of(pages.base() + "/genindex-all.html"), data)
        .delay(Duration.ZERO).timeout(AnsweredFetches.TIMEOUT).maxPages(1).build();

    CrawlStats stats = Crawler.run(config, CrawlListener.NONE);

    assertThat(stats.linksCut()).isZero();
    assertThat(stats.pagesWithLinksCut()).isZero();
  }

  @Test
  void noCapReadsEveryLink() throws Exception {
    CrawlStats stats = Crawler.run(crawl().maxLinksPerPage(0).build(), CrawlListener.NONE);

    assertThat(stats.linksCut()).isZero();
    site.verify(getRequestedFor(urlPathEqualTo("/p5.html")));
  }
}
