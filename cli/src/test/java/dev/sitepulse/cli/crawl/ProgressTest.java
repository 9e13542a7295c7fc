package dev.sitepulse.cli.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.cli.ProgressLine;
import dev.sitepulse.crawler.CrawlStats;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private static final ProgressLine NOWHERE =
      new ProgressLine(new PrintStream(OutputStream.nullOutputStream()), "crawl");

  private static CrawlStats stats(long pages, long queued, long errors) {
    Map<String, Long> kinds = errors == 0 ? Map.of() : Map.of("TIMEOUT", errors);
    return new CrawlStats(pages, pages, queued, Map.of(), kinds, 0, 0, 0, 0, 0, 3 << 20,
        Duration.ofSeconds(2), 0, 0, Map.of(), 0, 0);
  }

  @Test
  void oneFetchAndOneErrorAreCountedInTheSingular() {
    assertThat(new Progress(NOWHERE).text(stats(1, 40, 1)))
        .isEqualTo("1 page, 40 queued, 0.5 pages/s, 1 error, 3.0 MiB");
  }

  @Test
  void aLinkChecksFetchesAreUrlsInThePlural() {
    assertThat(new Progress(NOWHERE, "URL").text(stats(25, 0, 2)))
        .isEqualTo("25 URLs, 0 queued, 12.5 URLs/s, 2 errors, 3.0 MiB");
  }
}
