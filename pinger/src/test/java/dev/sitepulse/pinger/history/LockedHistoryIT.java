package dev.sitepulse.pinger.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.Verdict;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A history.db someone else holds locked: slow, as it waits out SQLite's 10 s busy timeout. */
class LockedHistoryIT {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path dir;

  @Test
  void recordsTheFileRefusesAtCloseAreCountedAsLostAndNotAsWritten() throws Exception {
    SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC));
    h.flush().join();
    // Someone holds the write lock (a sqlite3 shell in a transaction) past the writer's busy timeout.
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"))) {
      other.createStatement().execute("BEGIN EXCLUSIVE");
      h.append(CheckRecord.of("a", NOW, Verdict.UP, 200, 10));
      h.append(CheckRecord.of("a", NOW.plusSeconds(1), Verdict.UP, 200, 10));

      h.close();

      assertThat(h.written()).isZero();
      assertThat(h.lost()).as("every record appended, none silently dropped").isEqualTo(2);
      h.append(CheckRecord.of("a", NOW.plusSeconds(2), Verdict.UP, 200, 10));
      assertThat(h.lost()).as("one appended after close is lost too").isEqualTo(3);
    }
  }
}
