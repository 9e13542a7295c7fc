package dev.sitepulse.cli.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Readable steps of time (1s, 2s, 5s, 10s, 15s, 30s, 1m, 2m, 5m, …), for a chart's buckets and
 * the ticks of its axis: "per 10s" reads where "per 709ms" did not, and ticks at 23:30, 23:32
 * where they fell at 23:29:06 and 23:29:21.
 */
final class TimeSteps {

  private static final List<Duration> STEPS = List.of(
      Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
      Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30),
      Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12),
      Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14));

  private TimeSteps() {}

  /** The shortest readable step at least {@code d}; past two weeks, whole weeks. */
  static Duration atLeast(Duration d) {
    for (Duration step : STEPS) {
      if (step.compareTo(d) >= 0) {
        return step;
      }
    }
    long week = Duration.ofDays(7).toMillis();
    return Duration.ofDays(7 * ((d.toMillis() + week - 1) / week));
  }

  /**
   * The first round time at or after {@code t}: a whole multiple of {@code step} since the epoch,
   * which is midnight UTC, so days start at midnight and hours on the hour (the report's times are
   * all UTC).
   */
  static Instant roundUp(Instant t, Duration step) {
    long ms = step.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli() + ms - 1, ms) * ms);
  }

  /** The last round time at or before {@code t}, as {@link #roundUp} counts them. */
  static Instant roundDown(Instant t, Duration step) {
    long ms = step.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), ms) * ms);
  }
}
