package dev.sitepulse.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sitepulse.pinger.history.HistoryReader;
import dev.sitepulse.pinger.history.HistoryRecord;
import dev.sitepulse.pinger.history.HistoryStore;
import dev.sitepulse.pinger.history.SqliteHistory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live page over a history that stops answering: a stalled disk, or the stop that closed it. */
class LivePageTest {

  @TempDir Path dir;

  private final Instant start = Instant.parse("2026-12-01T00:00:00Z");
  private Instant now = start;
  private final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  private SqliteHistory sqlite;
  /** The future flushes return while the disk stalls; null while they go through. */
  private volatile CompletableFuture<Void> stalled;

  @AfterEach
  void closeHistory() {
    if (stalled != null) {
      stalled.complete(null);
    }
    if (sqlite != null) {
      sqlite.close();
    }
  }

  private HistoryStore history() {
    sqlite = SqliteHistory.open(dir, Duration.ofDays(1), clock);
    return new HistoryStore() {
      @Override
      public void append(HistoryRecord record) {
        sqlite.append(record);
      }

      @Override
      public int backlog() {
        return sqlite.backlog();
      }

      @Override
      public long written() {
        return sqlite.written();
      }

      @Override
      public long checksWritten() {
        return sqlite.checksWritten();
      }

      @Override
      public long lost() {
        return sqlite.lost();
      }

      @Override
      public CompletableFuture<Void> flush() {
        CompletableFuture<Void> s = stalled;
        return s != null ? s : sqlite.flush();
      }

      @Override
      public HistoryReader reader() {
        return sqlite.reader();
      }

      @Override
      public long enforceRetention() {
        return sqlite.enforceRetention();
      }

      @Override
      public void close() {
        sqlite.close();
      }
    };
  }

  /** Renders on a thread of its own, as the server's worker does; fails rather than hang the test. */
  private static String render(LivePage page) throws Exception {
    try {
      return CompletableFuture.supplyAsync(page::render).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  @Test
  void aHistoryThatDoesNotWriteInTimeGetsTheLastPageServedAgainRatherThanAWorkerHeldUntilItDoes()
      throws Exception {
    LivePage page = new LivePage(history(), clock, Duration.ofMillis(50));
    String first = render(page);
    now = start.plus(LivePage.REUSE).plusSeconds(1);
    stalled = new CompletableFuture<>();

    assertThat(render(page)).isSameAs(first);
    assertThat(render(page)).as("and again, while that flush is still under way").isSameAs(first);
  }

  @Test
  void aHistoryThatDoesNotWriteInTimeBeforeAnyPageWasRenderedIsSaidSo() throws Exception {
    LivePage page = new LivePage(history(), clock, Duration.ofMillis(50));
    stalled = new CompletableFuture<>();

    Throwable e = catchThrowable(() -> render(page));

    assertThat(e).isInstanceOf(LivePage.Unavailable.class)
        .hasMessage("the history is slow to write: try again in a moment");
  }

  @Test
  void aHistoryTheStopClosedGetsTheLastPageServedAgain() throws Exception {
    HistoryStore history = history();
    LivePage page = new LivePage(history, clock, Duration.ofSeconds(30));
    String first = render(page);
    now = start.plus(LivePage.REUSE).plusSeconds(1);
    history.close();

    assertThat(render(page)).isSameAs(first);
  }

  @Test
  void aHistoryTheStopClosedBeforeAnyPageWasRenderedIsSaidSo() {
    HistoryStore history = history();
    LivePage page = new LivePage(history, clock, Duration.ofSeconds(30));
    history.close();

    Throwable e = catchThrowable(() -> render(page));

    assertThat(e).isInstanceOf(LivePage.Unavailable.class).hasMessage("the watch is stopping");
  }
}
