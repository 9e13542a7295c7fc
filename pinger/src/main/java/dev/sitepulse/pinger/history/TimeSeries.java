package dev.sitepulse.pinger.history;

import java.time.Duration;
import java.time.Instant;

/**
 * One target's checks in equal time buckets, for charts: bucket {@code i} covers
 * {@code start + i * width} up to the next. Arrays are indexed by bucket and not copied.
 *
 * @param failures checks whose verdict was DOWN, TIMEOUT or ERROR
 * @param latencyCount checks with a response, whose latency the sum and max cover
 */
public record TimeSeries(
    Instant start,
    Duration width,
    long[] checks,
    long[] failures,
    long[] latencyCount,
    long[] latencySumMicros,
    long[] latencyMaxMicros) {

  public static TimeSeries empty(Instant start, Duration width, int buckets) {
    return new TimeSeries(start, width, new long[buckets], new long[buckets], new long[buckets],
        new long[buckets], new long[buckets]);
  }

  public int buckets() {
    return checks.length;
  }

  public Instant bucketStart(int i) {
    return start.plus(width.multipliedBy(i));
  }
}
