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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A robots.txt that does not answer, or answers a 429 or a server error, is tried again as a page
 * would be; one still failing leaves its host's URLs queued for a later run, which reads it again.
 */
class RobotsTxtFailuresTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  private static final String RULES = "User-agent: *\nDisallow: /private/\n";

  @Test
  void aRobotsTxtThatAnswers503OnceIsReadAgainAndItsRulesObeyed() throws Exception {
    // Retry-After 1, not 0: OkHttp itself sends a request again at once after a 503 with 0, and the
    // test would pass on its retry rather than the crawl's.
    site.stubFor(get("/robots.txt").inScenario("blip").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")).willSetStateTo("up"));
    site.stubFor(get("/robots.txt").inScenario("blip").whenScenarioStateIs("up").willReturn(rules()));
    pages();

    CrawlStats stats = Crawler.run(config(CrawlStart.FRESH), CrawlListener.NONE);

    assertThat(stats.pages()).isEqualTo(2);
    assertThat(stats.robotsBlocked()).isEqualTo(1);
    assertThat(stats.errors()).isEmpty();
    assertThat(stats.hostsWithoutRobotsTxt()).isZero();
    site.verify(2, getRequestedFor(urlEqualTo("/robots.txt")));
    site.verify(0, getRequestedFor(urlEqualTo("/private/secret.html")));
  }

  @Test
  void aRobotsTxtThatKeepsAnswering429AllowsNothingAndLeavesTheHostForALaterRunThatReadsItAgain()
      throws Exception {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));
    pages();

    CrawlStats limited = Crawler.run(config(CrawlStart.FRESH), CrawlListener.NONE);

    assertThat(limited.pages()).isZero();
    assertThat(limited.errors()).as("nothing failed: nothing was fetched").isEmpty();
    assertThat(limited.hostsWithoutRobotsTxt()).isEqualTo(1);
    assertThat(limited.queued()).isEqualTo(1);
    assertThat(limited.leftOnUnreachableHosts()).isEqualTo(1);
    site.verify(3, getRequestedFor(urlEqualTo("/robots.txt")));
    site.verify(0, getRequestedFor(urlEqualTo("/index.html")));

    site.stubFor(get("/robots.txt").willReturn(rules()));
    CrawlStats resumed = Crawler.run(config(CrawlStart.RESUME), CrawlListener.NONE);

    assertThat(resumed.pages()).isEqualTo(2);
    assertThat(resumed.robotsBlocked()).isEqualTo(1);
    site.verify(0, getRequestedFor(urlEqualTo("/private/secret.html")));
  }

  private static void pages() {
    site.stubFor(get("/index.html").willReturn(html("<title>Home</title><a href='/a.html'>a</a>"
        + " <a href='/private/secret.html'>secret</a>")));
    site.stubFor(get("/a.html").willReturn(html("<title>A</title><p>apricot</p>")));
    site.stubFor(get("/private/secret.html").willReturn(html("<title>Secret</title>")));
  }

  private static ResponseDefinitionBuilder rules() {
    return aResponse().withHeader("Content-Type", "text/plain").withBody(RULES);
  }

  private static ResponseDefinitionBuilder html(String body) {
    return aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(body);
  }

  private CrawlConfig config(CrawlStart start) {
    return CrawlConfig.builder(List.of("http://127.0.0.1:" + site.getPort() + "/index.html"), data)
        .delay(Duration.ZERO).timeout(AnsweredFetches.TIMEOUT).start(start).build();
  }
}
