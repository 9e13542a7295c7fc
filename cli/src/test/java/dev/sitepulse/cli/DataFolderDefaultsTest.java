package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.CrawlSpec;
import dev.sitepulse.crawler.CrawlStart;
import dev.sitepulse.pinger.config.WatchSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `sitepulse crawl URL` then `sitepulse report` must find the crawl: one folder when none is given. */
class DataFolderDefaultsTest {

  @TempDir Path work;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Path defaultFor(boolean crawlCounts) {
    return DataOption.defaultFor(work, crawlCounts, new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyCommandThatReadsAFolderDefaultsToTheOneCrawlAndWatchWriteTo() {
    CrawlSpec seedOnly = new CrawlSpec(List.of("http://127.0.0.1/"), null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null);
    Path crawl = seedOnly.toConfig(CrawlStart.RESUME).dataDir();

    assertThat(Path.of(WatchSpec.NONE.dataOrDefault())).isEqualTo(crawl);
    assertThat(defaultFor(true)).as("report").isEqualTo(crawl);
    assertThat(defaultFor(false)).as("watch").isEqualTo(crawl);
    for (String command : List.of("search", "analyze")) {
      CommandLine line = new CommandLine(SitepulseCommand.COMMANDS.get(command).get());
      assertThat(Path.of(line.getCommandSpec().findOption("--data").defaultValue()))
          .as(command).isEqualTo(crawl);
    }
    assertThat(err()).isEmpty();
  }

  @Test
  void aHistoryAnEarlierVersionKeptInDataIsUsedThereWithANoticeRatherThanStartingAnEmptyOne() throws Exception {
    Files.createDirectories(work.resolve("data"));
    Files.writeString(work.resolve("data/history.db"), "");

    assertThat(defaultFor(false)).isEqualTo(Path.of("data"));
    assertThat(err()).isEqualTo("sitepulse: using data/history.db, where an earlier version kept it;"
        + " move it into sitepulse-data/ or give --data data to silence this notice\n");
  }

  @Test
  void onceTheDefaultFolderHoldsTheCommandsFilesTheFormerOneIsLeftAlone() throws Exception {
    Files.createDirectories(work.resolve("data"));
    Files.writeString(work.resolve("data/history.db"), "");
    Files.createDirectories(work.resolve("sitepulse-data"));
    Files.writeString(work.resolve("sitepulse-data/crawl.db"), "");

    assertThat(defaultFor(true)).as("report: a crawl is there to report on").isEqualTo(Path.of("sitepulse-data"));
    assertThat(defaultFor(false)).as("watch: no history there yet, the old one goes on")
        .isEqualTo(Path.of("data"));
  }
}
