package dev.sitepulse.crawler.links;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.AnsweredFetches;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.Crawler;
import dev.sitepulse.crawler.StubSiteServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link check's requests online carry the user's headers as the crawl's do: credentials to the
 * seed's origin only, also where one of its targets redirects to another site.
 */
class HeadersInChecksTest {

  @RegisterExtension
  static WireMockExtension site = StubSiteServer.builder().build();

  @TempDir Path data;

  private final LinkPages pages = new LinkPages(site);

  /** /start.html links to /own/moved, which redirects to the other site's /there, and to its /theirs. */
  private void startLinkingToARedirectToAnotherSiteAndToThatSite() {
    String other = pages.external();
    site.stubFor(any(urlPathEqualTo("/own/moved")).willReturn(aResponse().withStatus(301)
        .withHeader("Location", other + "/there")));
    site.stubFor(any(urlPathEqualTo("/there")).willReturn(aResponse().withStatus(200)));
    site.stubFor(any(urlPathEqualTo("/theirs")).willReturn(aResponse().withStatus(200)));
    pages.page("/start.html", pages.base() + "/own/moved", other + "/theirs");
  }

  @Test
  void targetsOnOtherSitesAndRedirectsToThemGetTheHeadersButNotTheSitesToken() throws Exception {
    String own = pages.base();
    startLinkingToARedirectToAnotherSiteAndToThatSite();
    CrawlConfig crawl = CrawlConfig.builder(List.of(own + "/start.html"), data).maxDepth(0).delay(Duration.ZERO)
        .timeout(AnsweredFetches.TIMEOUT).headers(Map.of("Authorization", "Bearer s3cret", "Accept-Language", "fr"))
        .purpose(CrawlPurpose.LINK_CHECK).build();

    Crawler.run(crawl, CrawlListener.NONE);
    LinkReport report = LinkChecker.check(crawl, true, false);

    assertThat(report.broken()).isEmpty();
    site.verify(anyRequestedFor(urlPathEqualTo("/own/moved")).withHeader("Authorization", equalTo("Bearer s3cret")));
    for (String path : List.of("/there", "/theirs")) {
      assertThat(site.findAll(anyRequestedFor(urlPathEqualTo(path)))).as(path).isNotEmpty();
      site.verify(0, anyRequestedFor(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer s3cret")));
      site.verify(anyRequestedFor(urlPathEqualTo(path)).withHeader("Authorization", absent())
          .withHeader("Accept-Language", equalTo("fr")));
    }
  }

  @Test
  void aSeedsUserAndPasswordGoAsBasicAuthorizationToItsOwnPagesAndTargetsButNotToAnotherSitesOrARedirectThere()
      throws Exception {
    String own = pages.base();
    startLinkingToARedirectToAnotherSiteAndToThatSite();
    String seed = own.replace("http://", "http://ops:secret@") + "/start.html";
    CrawlConfig crawl = CrawlConfig.builder(List.of(seed), data).maxDepth(0).delay(Duration.ZERO)
        .timeout(AnsweredFetches.TIMEOUT).purpose(CrawlPurpose.LINK_CHECK).build();

    Crawler.run(crawl, CrawlListener.NONE);
    LinkReport report = LinkChecker.check(crawl, true, false);

    assertThat(report.broken()).isEmpty();
    String basic = "Basic b3BzOnNlY3JldA=="; // ops:secret
    site.verify(anyRequestedFor(urlPathEqualTo("/start.html")).withHeader("Authorization", equalTo(basic)));
    site.verify(anyRequestedFor(urlPathEqualTo("/own/moved")).withHeader("Authorization", equalTo(basic)));
    for (String path : List.of("/there", "/theirs")) {
      assertThat(site.findAll(anyRequestedFor(urlPathEqualTo(path)))).as(path).isNotEmpty();
      site.verify(0, anyRequestedFor(urlPathEqualTo(path)).withHeader("Authorization", equalTo(basic)));
    }
  }
}
