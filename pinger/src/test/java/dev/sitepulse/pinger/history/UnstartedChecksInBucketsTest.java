package dev.sitepulse.pinger.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Phases;
import dev.sitepulse.pinger.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check sitepulse could not start stands for nothing the target did: the time buckets count it
 * apart from their checks and failures, as a report's availability does.
 */
class UnstartedChecksInBucketsTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path dir;

  private static CheckRecord error(Instant at, ErrorKind kind) {
    return new CheckRecord("api", "http://api", "", at, Verdict.ERROR, kind, 0, Phases.NONE, 0, 1, "not sent", null);
  }

  @Test
  void checksNotStartedAreCountedApartFromABucketsChecksAndFailures() {
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC))) {
      h.append(CheckRecord.of("api", T0, Verdict.UP, 200, 10));
      h.append(error(T0.plusSeconds(5), ErrorKind.NOT_STARTED));
      h.append(error(T0.plusSeconds(10), ErrorKind.CONNECT_REFUSED));
      h.append(error(T0.plusSeconds(15), ErrorKind.NOT_STARTED));
      h.append(error(T0.plusSeconds(20), ErrorKind.CIRCUIT_OPEN));
    }

    List<TargetHistory> all = SqliteHistory.openForReading(dir)
        .aggregate(new HistoryQuery(T0, T0.plusSeconds(30), null), T0, Duration.ofSeconds(10));

    TimeSeries s = all.get(0).series();
    assertThat(s.checks()).containsExactly(1, 1, 1);
    assertThat(s.failures()).as("a held-back check fails as those that opened its circuit").containsExactly(0, 1, 1);
    assertThat(s.notStarted()).containsExactly(1, 1, 0);
  }
}
