package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
  void aSecondCloseDoesNothing() throws Exception {
    WarcSink warc = WarcSink.open(data.resolve("warc"), CLOCK);
    warc.close();

    warc.close(); // Before: RejectedExecutionException, its writer's thread shut down by the first

    assertThat(WarcSinkTest.names(data.resolve("warc"))).containsExactly("crawl-2030-01-02T12-00-00Z.warc.gz");
  }
}
