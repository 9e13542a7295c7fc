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

/**
 * The warning for a robots.txt past the 500 KiB obeyed gives its size; one cut off at --max-body,
 * as a server that sends gigabytes has it, is larger than what was read, not that size.
 */
class RobotsSizeWarningTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  @TempDir Path data;

  private List<String> warningsOfACrawlWith(long maxBodyBytes) throws Exception {
    String comments = ("# " + "x".repeat(97) + "\n").repeat(6_000); // 600,000 bytes
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("User-agent: *\nDisallow: /private/\n" + comments)));
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body>home</body></html>")));
    try (LoggedLines log = LoggedLines.of("dev.sitepulse.crawler.internal.RobotsAndSitemaps")) {
      Crawler.run(CrawlConfig.builder(List.of("http://127.0.0.1:" + site.getPort() + "/"), data)
          .delay(Duration.ZERO).maxBodyBytes(maxBodyBytes).userAgent("sitepulse-test").build(), CrawlListener.NONE);
      return log.all().stream().filter(m -> m.contains("KiB are obeyed")).toList();
    }
  }

  @Test
  void aRobotsTxtReadWholeIsGivenItsSize() throws Exception {
    assertThat(warningsOfACrawlWith(10 << 20)).containsExactly("robots.txt of http://127.0.0.1:" + site.getPort()
        + " is 585 KiB; only its first 500 KiB are obeyed, as RFC 9309 allows");
  }

  @Test
  void aRobotsTxtCutOffAtTheBodyLimitIsSaidToBeLargerThanWhatWasRead() throws Exception {
    assertThat(warningsOfACrawlWith(550 << 10)).containsExactly("robots.txt of http://127.0.0.1:" + site.getPort()
        + " is more than 550 KiB; only its first 500 KiB are obeyed, as RFC 9309 allows");
  }

  @Test
  void aRobotsTxtWithNoLineEndInWhatIsObeyedIsNotCalledAnHtmlPage() throws Exception {
    // A robots.txt of 10 MB of NUL bytes (a gzip bomb inflated) was "an HTML page, not robots.txt rules".
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody(new byte[600_000])));
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body>home</body></html>")));
    List<String> said;
    try (LoggedLines log = LoggedLines.of("dev.sitepulse.crawler.internal.RobotsAndSitemaps")) {
      Crawler.run(CrawlConfig.builder(List.of("http://127.0.0.1:" + site.getPort() + "/"), data)
          .delay(Duration.ZERO).userAgent("sitepulse-test").build(), CrawlListener.NONE);
      said = log.all();
    }

    String origin = "http://127.0.0.1:" + site.getPort();
    assertThat(said).filteredOn(m -> m.startsWith("robots.txt")).containsExactly(
        "robots.txt of " + origin + " is 585 KiB; only its first 500 KiB are obeyed, as RFC 9309 allows",
        "robots.txt of " + origin + " has no line end in its first 500 KiB, so no rule of it is read:"
            + " everything is allowed");
  }
}
