package dev.sitepulse.crawler.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.AnsweredFetches;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlStop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/** The WARC file holds every answer crawl.db records as a URL's last. */
class WarcFinalAnswersTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  @Test
  void aServiceUnavailableRecordedAsTheUrlsLastAnswerIsArchivedAsItsResponse() throws Exception {
    // An hour's Retry-After is past --max-backoff: the first 503 is recorded, and the host given up on.
    site.stubFor(get("/").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600")
        .withHeader("Content-Type", "text/plain").withBody("down for maintenance")));
    String seed = "http://127.0.0.1:" + site.getPort() + "/";
    CrawlConfig config = CrawlConfig.builder(List.of(seed), data).ignoreRobots(true).delay(Duration.ZERO)
        .timeout(AnsweredFetches.TIMEOUT).maxBackoff(Duration.ofSeconds(1)).warc(true).build();

    CrawlRun.run(config, CrawlListener.NONE, new CrawlStop());

    assertThat(records(config.warcDir())).containsExactly("warcinfo", "response 503 " + seed + " down for maintenance");
  }

  static List<String> records(Path warcDir) throws Exception {
    Path file;
    try (Stream<Path> files = Files.list(warcDir)) {
      file = files.findFirst().orElseThrow();
    }
    List<String> records = new ArrayList<>();
    try (WarcReader reader = new WarcReader(file)) {
      for (WarcRecord record : reader) {
        records.add(record instanceof WarcResponse r
            ? "response " + r.http().status() + " " + r.target() + " " + new String(r.http().body().stream().readAllBytes())
            : record.type());
      }
    }
    return records;
  }
}
