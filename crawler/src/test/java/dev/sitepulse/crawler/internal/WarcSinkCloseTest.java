package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.crawler.LoggedLines;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a WARC file's close ends: its failure reaches the caller, and a second close does nothing. */
class WarcSinkCloseTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-02T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path data;

  @Test
  void aCloseThatFailsJustAfterTheEndsWaitGaveUpIsThrownNotLost() throws Exception {
    WarcSink warc = WarcSink.open(data.resolve("warc"), CLOCK, UnaryOperator.identity(), FullDisk::failingAtClose);

    // The wait gives up, and the close fails before the end looks again: no one else says so.
    assertThatThrownBy(() -> warc.close(closed -> {
      closed.exceptionally(e -> null).join();
      throw new TimeoutException();
    })).isInstanceOf(IOException.class).hasMessage(FullDisk.NO_SPACE);
  }

  @Test
  void aWriteThatFailsLateKeepsTheOpenNameForTheNextRunToCutBack() throws Exception {
    WarcSink warc = WarcSink.open(data.resolve("warc"), CLOCK, UnaryOperator.identity(), FullDisk::failingAtFlush);

    // Before: renamed first, then closed; a write that failed late left a closed name no run cuts back.
    assertThatThrownBy(warc::close).isInstanceOf(IOException.class).hasMessage(FullDisk.NO_SPACE);

    assertThat(WarcSinkTest.names(data.resolve("warc"))).containsExactly("crawl-2030-01-02T12-00-00Z.warc.gz.open");
  }

  @Test
  void aLateCloseThatFailsAfterTheRenameNamesTheClosedFileAndItsCutRecord() throws Exception {
    List<Runnable> held = new ArrayList<>(); // the writer's tasks, run on this thread once the end gave up
    Executor holding = held::add;
    WarcSink warc = WarcSink.open(data.resolve("warc"), CLOCK, thread -> holding, FullDisk::failingAtClose);
    warc.close(closed -> {
      throw new TimeoutException();
    });

    List<String> warnings = warnings(() -> held.forEach(Runnable::run));

    // Before: "….warc.gz.open could not be closed; the next run with --warc cuts it back": no run reads it.
    assertThat(warnings).singleElement().isEqualTo("warc: " + data.resolve("warc/crawl-2030-01-02T12-00-00Z.warc.gz.open")
        + " could not be closed (" + FullDisk.NO_SPACE + ") after it was renamed crawl-2030-01-02T12-00-00Z.warc.gz;"
        + " it may end in a cut record");
    assertThat(WarcSinkTest.names(data.resolve("warc"))).containsExactly("crawl-2030-01-02T12-00-00Z.warc.gz");
  }

  @Test
  void aSecondCloseDoesNothing() throws Exception {
    WarcSink warc = WarcSink.open(data.resolve("warc"), CLOCK);
    warc.close();

    warc.close(); // Before: RejectedExecutionException, its writer's thread shut down by the first

    assertThat(WarcSinkTest.names(data.resolve("warc"))).containsExactly("crawl-2030-01-02T12-00-00Z.warc.gz");
  }

  private static List<String> warnings(Runnable during) {
    try (LoggedLines log = LoggedLines.of(WarcSink.class)) {
      during.run();
      return log.warnings();
    }
  }
}
