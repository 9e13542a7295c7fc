package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named sitemap on a host given up on as its robots.txt asked to wait past --max-backoff is
 * left for a later run by name and counted, as one on a host whose robots.txt failed otherwise.
 */
class SitemapOnHostBackedOffTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension otherHost = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  @TempDir Path data;

  @Test
  void aSeedSitemapOnAHostWhoseRobotsTxtAsksToWaitPastMaxBackoffIsNamedLeftForALaterRunAndCounted() throws Exception {
    // Read again by a resume, it was dropped without a word, and no count had it.
    String other = base(otherHost);
    otherHost.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("User-agent: *\nAllow: /\n")));
    otherHost.stubFor(get("/pages.xml").willReturn(aResponse().withHeader("Content-Type", "application/xml")
        .withBody("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>"
            + other + "/a</loc></url></urlset>")));
    otherHost.stubFor(get("/a").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>a</p>")));
    CrawlConfig config = config(other + "/pages.xml");
    Crawler.run(config, CrawlListener.NONE);
    otherHost.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600")));

    List<String> warnings = warningsOf(config);

    assertThat(warnings).contains("sitemap " + other + "/pages.xml, named in the seeds, is not read: robots.txt of "
        + other + " asked to wait past --max-backoff; it is left for a later run");
    assertThat(stats.hostsBackedOffTooLong()).isEqualTo(1);
    assertThat(stats.sitemapsOnHostsWithoutRobotsTxt()).isEqualTo(1);
    otherHost.verify(1, getRequestedFor(urlEqualTo("/pages.xml")));
  }

  @Test
  void aSitemapRobotsTxtNamesOnAnotherHostWhoseRobotsTxtAsksToWaitPastMaxBackoffIsNamedAndCounted() throws Exception {
    String base = base(site);
    String other = base(otherHost);
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("Sitemap: " + other + "/pages.xml\n")));
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>home</p>")));
    otherHost.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

    List<String> warnings = warningsOf(config(base + "/"));

    assertThat(warnings).contains("sitemap " + other + "/pages.xml, named in robots.txt of " + base
        + ", is not read: robots.txt of " + other + " asked to wait past --max-backoff; it is left for a later run");
    assertThat(stats.sitemapsOnHostsWithoutRobotsTxt()).isEqualTo(1);
    otherHost.verify(0, getRequestedFor(urlEqualTo("/pages.xml")));
  }

  /** What the last of {@link #warningsOf} counted. */
  private CrawlStats stats;

  private List<String> warningsOf(CrawlConfig config) throws Exception {
    return LoggedLines.warnedDuring("dev.sitepulse.crawler.internal.RobotsAndSitemaps",
        () -> stats = Crawler.run(config, CrawlListener.NONE));
  }

  private CrawlConfig config(String seed) {
    return CrawlConfig.builder(List.of(seed), data).delay(Duration.ZERO).maxBackoff(Duration.ofSeconds(1))
        .userAgent("sitepulse-test").build();
  }

  private static String base(WireMockExtension server) {
    return "http://127.0.0.1:" + server.getPort();
  }
}
