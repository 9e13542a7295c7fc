package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host's robots.txt and sitemaps that answer 429 or 503 hold it back within the same
 * --max-backoff as its pages' answers: the waits of all three add up, and past it the host is
 * given up on, as for its pages alone. Each read would otherwise have --max-backoff of its own,
 * and hold the crawl's end that much longer.
 */
class ReadBackOffBudgetTest {

  private static final HeldResponses held = new HeldResponses();

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1").extensions(held)).build();

  @TempDir Path data;

  @Test
  void aRobotsTxtsRetryAfterCountsAgainstItsHostsMaxBackoffSoAPageAskedToWaitGivesTheHostUp() throws Exception {
    robotsTxtBusyForASecond("User-agent: *\nAllow: /\n");
    site.stubFor(get("/sitemap.xml").willReturn(aResponse().withStatus(404)));
    site.stubFor(get("/").inScenario("page").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("up"));
    site.stubFor(get("/").inScenario("page").whenScenarioStateIs("up").willReturn(html("<title>home</title>")));

    CrawlStats stats = Crawler.run(config(), CrawlListener.NONE);

    assertThat(stats.hostsBackedOffTooLong()).as("1 s for robots.txt and 1 s for the page: past 1 s").isEqualTo(1);
    site.verify(1, getRequestedFor(urlEqualTo("/")));
  }

  @Test
  void aSitemapsRetryAfterPastWhatItsHostHasLeftOfMaxBackoffGivesTheHostUpUnread() throws Exception {
    robotsTxtBusyForASecond("User-agent: *\nAllow: /\nSitemap: " + base() + "/sitemap.xml\n");
    site.stubFor(get("/sitemap.xml").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
    site.stubFor(get("/").willReturn(html("<title>home</title><a href='/a.html'>a</a>")));
    site.stubFor(get("/a.html").willReturn(html("<title>a</title>")));

    CrawlStats stats = Crawler.run(config(), CrawlListener.NONE);

    assertThat(stats.hostsBackedOffTooLong()).isEqualTo(1);
    site.verify(1, getRequestedFor(urlEqualTo("/sitemap.xml")));
  }

  @Test
  void aRobotsTxtAskedToWaitPastMaxBackoffGivesTheHostUpAsBackedOffNotAsUnread() throws Exception {
    // It was counted and warned about as a robots.txt that could not be read.
    site.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")));
    site.stubFor(get("/").willReturn(html("<title>home</title>")));

    CrawlStats stats = Crawler.run(config(), CrawlListener.NONE);

    assertThat(stats.hostsBackedOffTooLong()).isEqualTo(1);
    assertThat(stats.hostsWithoutRobotsTxt()).isZero();
    site.verify(1, getRequestedFor(urlEqualTo("/robots.txt")));
    site.verify(0, getRequestedFor(urlEqualTo("/")));
  }

  @Test
  void aSitemapAskedToWaitPastMaxBackoffAtOnceGivesTheHostUp() throws Exception {
    // A Retry-After past --max-backoff by itself once left the sitemap unread and the host crawled on.
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("User-agent: *\nAllow: /\nSitemap: " + base() + "/sitemap.xml\n")));
    site.stubFor(get("/sitemap.xml").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "5")));
    site.stubFor(get("/").willReturn(html("<title>home</title>")));

    CrawlStats stats = Crawler.run(config(), CrawlListener.NONE);

    assertThat(stats.hostsBackedOffTooLong()).isEqualTo(1);
    site.verify(1, getRequestedFor(urlEqualTo("/sitemap.xml")));
  }

  @Test
  void aHostGivenUpForItsSitemapsWaitIsGivenUpOnceThoughAPageOfItWasUnderWay() throws Exception {
    // The sitemap's 503 gave the host up without marking its back-off budget spent, so the page
    // still loading then took its own 503 as a first back-off and gave the host up a second time.
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("User-agent: *\nAllow: /\nSitemap: " + base() + "/sitemap.xml\n")));
    site.stubFor(get("/sitemap.xml").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "5")));
    site.stubFor(get("/").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "5")));
    CompletableFuture<CrawlStats> crawl;
    // The server holds the page until the sitemap's answer has given the host up.
    try (LoggedLines loop = LoggedLines.of("dev.sitepulse.crawler.internal.CrawlLoop");
        HeldResponses.Held page = held.hold("/")) {
      try (HeldResponses.Held sitemap = held.hold("/sitemap.xml")) {
        crawl = CompletableFuture.supplyAsync(() -> {
          try {
            return Crawler.run(config(), CrawlListener.NONE);
          } catch (CrawlException e) {
            throw new IllegalStateException(e);
          }
        });
        page.awaitAsked();
        sitemap.awaitAsked();
      }
      loop.awaitWarning("more than --max-backoff");
    }

    assertThat(crawl.get().hostsBackedOffTooLong()).isEqualTo(1);
  }

  /** robots.txt answers 503 with Retry-After 1 once, then {@code rules}: a second of the host's --max-backoff. */
  private static void robotsTxtBusyForASecond(String rules) {
    // Retry-After 1, not 0: OkHttp itself sends a request again at once after a 503 with 0.
    site.stubFor(get("/robots.txt").inScenario("robots").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")).willSetStateTo("up"));
    site.stubFor(get("/robots.txt").inScenario("robots").whenScenarioStateIs("up")
        .willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(rules)));
  }

  private static String base() {
    return "http://127.0.0.1:" + site.getPort();
  }

  private CrawlConfig config() {
    return CrawlConfig.builder(List.of(base() + "/"), data).delay(Duration.ZERO)
        .timeout(AnsweredFetches.TIMEOUT).maxBackoff(Duration.ofSeconds(1)).build();
  }

  private static ResponseDefinitionBuilder html(String body) {
    return aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(body);
  }
}
