package dev.sitepulse.pinger.history;

import dev.sitepulse.pinger.ErrorKind;
import java.time.Duration;
import java.time.Instant;

/**
 * One target's checks in equal time buckets, for charts: bucket {@code i} covers
 * {@code start + i * width} up to the next. Arrays are indexed by bucket and not copied.
 *
 * @param checks the checks that {@linkplain ErrorKind#counts count}, as a report's availability has them
 * @param failures of those, the checks whose verdict was DOWN, TIMEOUT or ERROR
 * @param notStarted checks sitepulse could not start (NOT_STARTED), not among {@code checks}: they
 *     stand for nothing the target did
 * @param latencyCount checks with a response, whose latency the sum and max cover
 */
public record TimeSeries(
    Instant start,
    Duration width,
    long[] checks,
    long[] failures,
    long[] notStarted,
    long[] latencyCount,
    long[] latencySumMicros,
    long[] latencyMaxMicros) {

  public static TimeSeries empty(Instant start, Duration width, int buckets) {
    return new TimeSeries(start, width, new long[buckets], new long[buckets], new long[buckets], new long[buckets],
        new long[buckets], new long[buckets]);
  }

  public int buckets() {
    return checks.length;
  }

  public Instant bucketStart(int i) {
    return start.plus(width.multipliedBy(i));
  }
}
