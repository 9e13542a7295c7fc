package dev.sitepulse.cli.report;

import dev.sitepulse.pinger.Phases;
import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.history.CheckRecord;
import dev.sitepulse.pinger.history.SqliteHistory;
import dev.sitepulse.pinger.history.StateChangeRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A history written by hand, a check a minute for 100 minutes, whose report is known exactly.
 *
 * <p>Target {@code a}: check i takes i+1 ms. Checks 30-39 are DOWN (500), 90-94 DOWN (500) and
 * 95-99 ERROR (connection refused, no response): 80 of 100 UP, and 95 latencies of 1..95 ms.
 * Incidents: 30m-40m, and from 90m on, still DOWN at the last check: as no watch writes the
 * history once it is written, that one ends a minute (the interval) past it, at {@link #UNTIL}.
 *
 * <p>Target {@code b}: went DOWN 15 minutes before the window (decided 10 minutes before), back UP
 * from minute 4: its first 4 checks are DOWN (503), the other 96 UP at 20 ms. One incident,
 * 4 minutes of it inside the window. Its certificate expires at {@link #B_CERT}.
 */
final class HandMadeHistory {

  static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
  static final Instant UNTIL = T0.plus(Duration.ofMinutes(100));
  static final Instant B_CERT = Instant.parse("2026-06-01T00:00:00Z");

  private HandMadeHistory() {}

  static Instant minute(long m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  static void write(Path dir) {
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(3650), Clock.fixed(UNTIL, ZoneOffset.UTC))) {
      for (int i = 0; i < 100; i++) {
        Verdict v = i >= 30 && i < 40 || i >= 90 && i < 95 ? Verdict.DOWN : i >= 95 ? Verdict.ERROR : Verdict.UP;
        int status = v == Verdict.UP ? 200 : v == Verdict.DOWN ? 500 : 0;
        h.append(CheckRecord.of("a", minute(i), v, status, i + 1));
      }
      h.append(new StateChangeRecord("a", "UNKNOWN", "UP", minute(0), minute(0)));
      h.append(new StateChangeRecord("a", "UP", "DOWN", minute(32), minute(30)));
      h.append(new StateChangeRecord("a", "DOWN", "UP", minute(41), minute(40)));
      h.append(new StateChangeRecord("a", "UP", "DOWN", minute(92), minute(90)));

      h.append(new StateChangeRecord("b", "UP", "DOWN", minute(-10), minute(-15)));
      for (int i = 0; i < 100; i++) {
        boolean down = i < 4;
        h.append(new CheckRecord("b", "https://b.example/", "shop", minute(i), down ? Verdict.DOWN : Verdict.UP,
            null, down ? 503 : 200, new Phases(0, 0, 0, 0, 0, 20_000_000), 10, 1, null, B_CERT));
      }
      h.append(new StateChangeRecord("b", "DOWN", "UP", minute(5), minute(4)));
    }
  }
}
