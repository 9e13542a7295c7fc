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
    counts.incrementAndGet((int) Math.min(lag / 1_000_000, MAX_MILLIS));
    count.incrementAndGet();
    sumNanos.addAndGet(lag);
    maxNanos.accumulateAndGet(lag, Math::max);
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

  /** The upper edge of the bucket holding the quantile (0..1), in seconds; 0 when empty. */
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
        return i == MAX_MILLIS ? maxSeconds() : (i + 1) / 1000.0;
      }
    }
    return maxSeconds();
  }
}
