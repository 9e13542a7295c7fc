package dev.sitepulse.crawler.links;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlDbRows;
import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.HeldResponses;
import dev.sitepulse.crawler.StubSiteServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link check whose --max-pages comes before a page that got no answer is asked again: that
 * page was asked for, and is neither broken nor working as far as the check knows, so it is
 * reported as not checked, not skipped as the pages the limit never reached are.
 */
class TriesCutAtMaxPagesTest {

  private static final HeldResponses held = new HeldResponses();

  @RegisterExtension
  static WireMockExtension site = StubSiteServer.builder(held).build();

  @TempDir Path data;

  private final LinkPages pages = new LinkPages(site);

  /**
   * The seed and one page more: what the seed links to first. The stub site's sitemap, which the
   * crawl reads beside the seed, would queue pages of its own ahead of the seed's links when read
   * first: there is none here.
   */
  private CrawlConfig twoPages(String seed, Duration timeout) {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
    site.stubFor(get("/sitemap.xml").willReturn(aResponse().withStatus(404)));
    return CrawlConfig.builder(List.of(seed), data).maxPages(2).delay(Duration.ZERO)
        .timeout(timeout).userAgent("sitepulse-test").build().withPurpose(CrawlPurpose.LINK_CHECK);
  }

  private Map<String, String> statesInCrawlDb(CrawlConfig crawl) {
    Map<String, String> states = new TreeMap<>();
    for (Map<String, Object> row : CrawlDbRows.query(crawl.crawlDb(), "SELECT url, state FROM urls")) {
      states.put(row.get("url").toString().replaceFirst("^http://[^/]+", ""), row.get("state").toString());
    }
    return states;
  }

  @Test
  void aPageThatNeverAnsweredWhoseRetryTheLimitCutIsReportedNotCheckedAndLeftQueuedNotFetching() throws Exception {
    pages.page("/cut/index.html", "/cut/hangs.html", "/cut/later.html");
    CrawlConfig crawl = twoPages(pages.base() + "/cut/index.html", Duration.ofSeconds(3));

    LinkReport report;
    try (HeldResponses.Held hangs = held.hold("/cut/hangs.html")) {
      report = LinkChecker.crawlAndCheck(crawl, false, false);
    }

    assertThat(report.triesCut()).containsExactly(pages.base() + "/cut/hangs.html");
    assertThat(report.skipped()).as("/cut/later.html, never asked for").isEqualTo(1);
    assertThat(report.broken()).isEmpty();
    assertThat(report.working()).as("the seed").isEqualTo(1);
    assertThat(statesInCrawlDb(crawl)).containsEntry("/cut/hangs.html", "queued").doesNotContainValue("fetching");
  }

  @Test
  void aPageThatAnswered503WhoseRetryTheLimitCutIsReportedNotCheckedAndLeftQueuedNotFetching() throws Exception {
    pages.page("/busy/index.html", "/busy/503.html");
    site.stubFor(get("/busy/503.html").willReturn(aResponse().withStatus(503)));
    CrawlConfig crawl = twoPages(pages.base() + "/busy/index.html", Duration.ofSeconds(5));

    LinkReport report = LinkChecker.crawlAndCheck(crawl, false, false);

    assertThat(report.triesCut()).containsExactly(pages.base() + "/busy/503.html");
    assertThat(report.skipped()).isZero();
    assertThat(statesInCrawlDb(crawl)).containsEntry("/busy/503.html", "queued").doesNotContainValue("fetching");
  }
}
