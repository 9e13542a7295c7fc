package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A site that answers /robots.txt with an HTML page (its "not found" page, status 200) is told of. */
class RobotsHtmlWarningTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  @TempDir Path data;

  @Test
  void anHtmlPageServedAsRobotsTxtIsWarnedOfOnceAndEverythingIsCrawled() throws Exception {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body><h1>Page not found</h1><a href=\"/\">home</a></body></html>")));
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body><a href=\"/private/a.html\">a</a></body></html>")));
    site.stubFor(get("/private/a.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body>a</body></html>")));
    CrawlStats stats;
    List<String> said;
    try (LoggedLines log = LoggedLines.of("dev.sitepulse.crawler.internal.RobotsAndSitemaps")) {
      stats = Crawler.run(CrawlConfig.builder(List.of("http://127.0.0.1:" + site.getPort() + "/"), data)
          .delay(Duration.ZERO).userAgent("sitepulse-test").build(), CrawlListener.NONE);
      said = log.all();
    }

    assertThat(said).filteredOn(m -> m.startsWith("robots.txt"))
        .containsExactly("robots.txt of http://127.0.0.1:" + site.getPort()
            + " is an HTML page, not robots.txt rules: everything is allowed");
    assertThat(stats.indexed()).isEqualTo(2);
  }
}
