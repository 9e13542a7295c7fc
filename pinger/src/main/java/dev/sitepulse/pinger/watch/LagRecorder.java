package dev.sitepulse.pinger.watch;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How late the scheduler's ticks fire, in a histogram of 1 ms buckets up to 10 s: percentiles
 * good to the millisecond, in constant memory, written by the timer thread and read by any.
 */
public final class LagRecorder {

  private static final int MAX_MILLIS = 10_000;

  private final AtomicLongArray counts = new AtomicLongArray(MAX_MILLIS + 1);
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong sumNanos = new AtomicLong();
  private final AtomicLong maxNanos = new AtomicLong();

  public void record(long lagNanos) {
    long lag = Math.max(0, lagNanos);
    // The max first: a reader that sees this lag counted then sees a max at least as large.
    maxNanos.accumulateAndGet(lag, Math::max);
    sumNanos.addAndGet(lag);
    counts.incrementAndGet((int) Math.min(lag / 1_000_000, MAX_MILLIS));
    count.incrementAndGet();
  }

  public long count() {
    return count.get();
  }

  public double sumSeconds() {
    return sumNanos.get() / 1e9;
  }

  public double maxSeconds() {
    return maxNanos.get() / 1e9;
  }

  /**
   * The upper edge of the bucket holding the quantile (0..1), in seconds, or the max where that
   * is lower: a 2.2 ms lag sits in the 2–3 ms bucket, and a p99 of 3 ms above a max of 2.2 ms
   * would be nonsense on a dashboard. 0 when empty.
   */
  public double quantileSeconds(double q) {
    long n = count.get();
    if (n == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(q * n));
    long seen = 0;
    for (int i = 0; i <= MAX_MILLIS; i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return i == MAX_MILLIS ? maxSeconds() : Math.min((i + 1) / 1000.0, maxSeconds());
      }
    }
    return maxSeconds();
  }
}
