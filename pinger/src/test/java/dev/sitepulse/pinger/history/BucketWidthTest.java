package dev.sitepulse.pinger.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BucketWidthTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path dir;

  /** Checks of {@code api} at T0, T0 + 5 s, ..., T0 + 95 s. */
  private void aCheckEveryFiveSeconds() {
    Clock clock = Clock.fixed(T0.plusSeconds(100), ZoneOffset.UTC);
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), clock)) {
      for (int s = 0; s < 100; s += 5) {
        h.append(CheckRecord.of("api", T0.plusSeconds(s), Verdict.UP, 200, 10));
      }
    }
  }

  @Test
  void bucketsOfAGivenWidthCoverTheWindowTheLastReachingPastItsEnd() {
    aCheckEveryFiveSeconds();

    List<TargetHistory> all = SqliteHistory.openForReading(dir)
        .aggregate(new HistoryQuery(T0, T0.plusSeconds(85), null), T0, Duration.ofSeconds(10));

    TimeSeries s = all.get(0).series();
    assertThat(s.width()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.buckets()).isEqualTo(9);
    assertThat(s.checks()).containsExactly(2, 2, 2, 2, 2, 2, 2, 2, 1);
    assertThat(all.get(0).checks()).as("only the window's checks count").isEqualTo(17);
  }

  @Test
  void bucketsFromAnOriginBeforeTheWindowCountOnlyTheWindowsChecksInTheFirst() {
    aCheckEveryFiveSeconds();

    // 12:00:07 to 12:00:33 in buckets at 12:00:00, :10, :20 and :30.
    List<TargetHistory> all = SqliteHistory.openForReading(dir)
        .aggregate(new HistoryQuery(T0.plusSeconds(7), T0.plusSeconds(33), null), T0, Duration.ofSeconds(10));

    TimeSeries s = all.get(0).series();
    assertThat(s.start()).isEqualTo(T0);
    assertThat(s.checks()).containsExactly(0, 2, 2, 1);
    assertThat(all.get(0).checks()).isEqualTo(5);
  }
}
