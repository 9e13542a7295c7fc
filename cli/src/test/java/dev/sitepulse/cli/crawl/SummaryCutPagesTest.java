package dev.sitepulse.cli.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The summary's lines for pages cut at --max-body and for pages served as HTML but binary: there
 * when some were, absent otherwise.
 */
class SummaryCutPagesTest {

  private static List<String> summary(long cut) {
    return summary(cut, 0);
  }

  private static List<String> summary(long cut, long binary) {
    CrawlStats s = new StatsBuilder().pages(3, 3, 0).statuses(Map.of(200, 3L)).fetched(1024, Duration.ofSeconds(1))
        .pagesCutAtMaxBody(cut).pagesBinary(binary).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Summary.print(s, CrawlConfig.defaults(List.of("http://127.0.0.1/"), Path.of("d")), null,
        new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void pagesCutAtMaxBodyAreCountedOnALineOfTheirOwnAfterTheSkipped() {
    assertThat(summary(2)).containsSubsequence("skipped:   0 duplicates, 0 blocked by robots.txt, 0 non-http links",
        "cut:       2 pages at --max-body: text and links after the cut not read");
  }

  @Test
  void aCrawlThatCutNoPageHasNoSuchLine() {
    assertThat(summary(0)).noneMatch(l -> l.startsWith("cut:") || l.startsWith("binary:"));
  }

  @Test
  void pagesServedAsHtmlButBinaryAreCountedOnALineOfTheirOwnAfterTheCut() {
    assertThat(summary(1, 2)).containsSubsequence("cut:       1 page at --max-body: text and links after the cut not read",
        "binary:    2 pages served as HTML but binary: not parsed, links not read");
  }
}
