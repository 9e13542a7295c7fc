package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.CrawlSpec;
import dev.sitepulse.crawler.CrawlStart;
import dev.sitepulse.pinger.config.WatchSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `sitepulse crawl URL` then `sitepulse report` must find the crawl: one folder when none is given. */
class DataFolderDefaultsTest {

  @Test
  void everyCommandThatReadsAFolderDefaultsToTheOneCrawlAndWatchWriteTo() {
    CrawlSpec seedOnly = new CrawlSpec(List.of("http://127.0.0.1/"), null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null);
    Path crawl = seedOnly.toConfig(CrawlStart.RESUME).dataDir();
    Path watch = Path.of(WatchSpec.NONE.dataOrDefault());

    assertThat(watch).isEqualTo(crawl);
    for (String command : List.of("search", "analyze", "report")) {
      CommandLine line = new CommandLine(SitepulseCommand.COMMANDS.get(command).get());
      assertThat(Path.of(line.getCommandSpec().findOption("--data").defaultValue()))
          .as(command).isEqualTo(crawl);
    }
  }
}
