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

  private Path historyDefault() {
    return DataOption.historyDefault(work, new PrintStream(err, true, StandardCharsets.UTF_8));
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
    assertThat(historyDefault()).as("watch, and report's history").isEqualTo(crawl);
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
    Files.createDirectories(work.resolve("sitepulse-data"));
    Files.writeString(work.resolve("sitepulse-data/crawl.db"), ""); // crawl always wrote there

    assertThat(historyDefault()).isEqualTo(Path.of("data"));
    assertThat(err()).isEqualTo("sitepulse: using " + Path.of("data", "history.db") + ", where an earlier version"
        + " kept it; move it into sitepulse-data or give --data data to silence this notice" + System.lineSeparator());
  }

  @Test
  void onceTheDefaultFolderHasAHistoryTheFormerOneIsLeftAlone() throws Exception {
    Files.createDirectories(work.resolve("data"));
    Files.writeString(work.resolve("data/history.db"), "");
    Files.createDirectories(work.resolve("sitepulse-data"));
    Files.writeString(work.resolve("sitepulse-data/history.db"), "");

    assertThat(historyDefault()).isEqualTo(Path.of("sitepulse-data"));
    assertThat(err()).isEmpty();
  }
}
