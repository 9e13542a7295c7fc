package dev.sitepulse.crawler.internal;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.AnsweredFetches;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlStop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/** A crawl's WARC file takes its name and its dates from the crawl's clock. */
class WarcDatesTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path data;

  private static final Instant NOW = Instant.parse("2030-01-02T12:00:00.250Z");

  @Test
  void theFileIsNamedAndItsWarcinfoAndResponseDatedByTheCrawlsClock() throws Exception {
    String seed = LinkedSite.stub(site, 0);
    CrawlConfig config = CrawlConfig.builder(List.of(seed), data).ignoreRobots(true).delay(Duration.ZERO)
        .timeout(AnsweredFetches.TIMEOUT).warc(true).build();

    CrawlRun.runKeepingRobots(config, CrawlListener.NONE, new CrawlStop(), LoopTimers::on,
        Clock.fixed(NOW, ZoneOffset.UTC));

    Path file;
    try (Stream<Path> files = Files.list(config.warcDir())) {
      file = files.findFirst().orElseThrow();
    }
    assertThat(file.getFileName()).hasToString("crawl-2030-01-02T12-00-00.250Z.warc.gz");
    List<String> records = new ArrayList<>();
    try (WarcReader reader = new WarcReader(file)) {
      for (WarcRecord record : reader) {
        records.add(record.type() + " " + record.date());
      }
    }
    assertThat(records).containsExactly("warcinfo " + NOW, "response " + NOW);
  }
}
