package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

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
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger reads = (Logger) LoggerFactory.getLogger("dev.sitepulse.crawler.internal.RobotsAndSitemaps");
    reads.addAppender(log);
    CrawlStats stats;
    try {
      stats = Crawler.run(CrawlConfig.builder(List.of("http://127.0.0.1:" + site.getPort() + "/"), data)
          .delay(Duration.ZERO).userAgent("sitepulse-test").build(), CrawlListener.NONE);
    } finally {
      reads.detachAppender(log);
    }

    assertThat(log.list).map(ILoggingEvent::getFormattedMessage).filteredOn(m -> m.startsWith("robots.txt"))
        .containsExactly("robots.txt of http://127.0.0.1:" + site.getPort()
            + " is an HTML page, not robots.txt rules: everything is allowed");
    assertThat(stats.indexed()).isEqualTo(2);
  }
}
