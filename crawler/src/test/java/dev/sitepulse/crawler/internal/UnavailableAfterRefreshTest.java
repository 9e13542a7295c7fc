package dev.sitepulse.crawler.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.AnsweredFetches;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlDbRows;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlStart;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page's unavailable_after date, still to come when it was crawled, is kept with it: a refresh
 * after the date that gets a 304 removes its document, as fetching it whole would.
 */
class UnavailableAfterRefreshTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  private static final Instant BEFORE = Instant.parse("2029-12-31T12:00:00Z");
  private static final Instant AFTER = Instant.parse("2030-01-02T12:00:00Z");

  @Test
  void aPageThatAnswers304AfterItsUnavailableAfterDateLeavesTheIndexWhetherTheHeaderOrMetaRobotsGaveIt()
      throws Exception {
    notModifiedWhenAskedWith("/index.html", "\"i\"", null,
        "<a href=header.html>h</a> <a href=meta.html>m</a> <a href=later.html>l</a> <p>homeword</p>");
    notModifiedWhenAskedWith("/header.html", "\"h\"", "unavailable_after: 2030-01-01", "<p>headerword</p>");
    notModifiedWhenAskedWith("/meta.html", "\"m\"", null,
        "<meta name=robots content='unavailable_after: 1 Jan 2030 00:00:00 GMT'><p>metaword</p>");
    notModifiedWhenAskedWith("/later.html", "\"l\"", "unavailable_after: 2031-01-01", "<p>laterword</p>");
    crawl(CrawlStart.RESUME, BEFORE);
    assertThat(search("headerword OR metaword OR laterword OR homeword")).hasSize(4);

    CrawlStats refresh = crawl(CrawlStart.REFRESH, AFTER);

    site.verify(getRequestedFor(urlEqualTo("/header.html")).withHeader("If-None-Match", equalTo("\"h\"")));
    assertThat(refresh.statuses()).containsOnlyKeys(304);
    assertThat(refresh.removed()).isEqualTo(2);
    assertThat(refresh.unchanged()).isEqualTo(2);
    assertThat(search("headerword OR metaword OR laterword OR homeword")).extracting(SearchHit::url)
        .containsExactlyInAnyOrder(url("/later.html"), url("/index.html"));
    assertThat(row("SELECT indexed || ' ' || COALESCE(etag, '-') FROM urls WHERE url LIKE '%/header.html'"))
        .as("without its validators, so that the next refresh fetches it whole").isEqualTo("0 -");
  }

  private CrawlStats crawl(CrawlStart start, Instant now) throws Exception {
    CrawlConfig config = CrawlConfig.builder(List.of(url("/index.html")), data).start(start).ignoreRobots(true)
        .delay(Duration.ZERO).timeout(AnsweredFetches.TIMEOUT).build();
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    return CrawlRun.runKeepingRobots(config, CrawlListener.NONE, new CrawlStop(), LoopTimers::on, clock).stats();
  }

  /** 304 to a request that names the ETag; the whole page, with its X-Robots-Tag if any, otherwise. */
  private static void notModifiedWhenAskedWith(String path, String etag, String robotsTag, String body) {
    site.stubFor(get(path).atPriority(1).withHeader("If-None-Match", equalTo(etag))
        .willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));
    var whole = aResponse().withHeader("Content-Type", "text/html").withHeader("ETag", etag).withBody(body);
    site.stubFor(get(path).atPriority(2).willReturn(robotsTag == null ? whole : whole.withHeader("X-Robots-Tag", robotsTag)));
  }

  private String row(String sql) {
    return CrawlDbRows.value(data.resolve("crawl.db"), sql);
  }

  private List<SearchHit> search(String query) throws Exception {
    try (PageSearcher searcher = PageSearcher.open(data.resolve("index"))) {
      return searcher.search(query, 10).hits();
    }
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + site.getPort() + path;
  }
}
