package dev.sitepulse.pinger.watch;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How late the scheduler's ticks fire, in histograms of 1 ms buckets up to 10 s: percentiles good
 * to the millisecond, in constant memory, written by the timer thread and read by any.
 *
 * <p>The quantiles cover the last {@link #WINDOW}, as Prometheus client summaries do (their
 * {@code maxAgeSeconds} and {@code ageBuckets}): over a whole run a busy start-up kept p99 high for
 * hours, and a stall after weeks barely moved it. The window is {@link #AGE_BUCKETS} histograms of
 * one period each, so it moves in steps: it holds between 4/5 and all of the last 10 minutes. The
 * count, the sum and the max are of the whole run, as a summary's {@code _count} and {@code _sum}
 * must be for {@code rate()}.
 */
public final class LagRecorder {

  /** How far back the quantiles look. */
  public static final Duration WINDOW = Duration.ofMinutes(10);
  /** How many histograms the window is made of: the oldest goes once a fifth of it has passed. */
  public static final int AGE_BUCKETS = 5;
  private static final int MAX_MILLIS = 10_000;
  private static final long PERIOD_MILLIS = WINDOW.toMillis() / AGE_BUCKETS;

  private final Clock clock;
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong sumNanos = new AtomicLong();
  private final AtomicLong maxNanos = new AtomicLong();
  /** Per age bucket: the period it holds (clock millis / PERIOD_MILLIS), its counts, its max. */
  private final long[] periods = new long[AGE_BUCKETS];
  private final long[][] counts = new long[AGE_BUCKETS][MAX_MILLIS + 1];
  private final long[] maxes = new long[AGE_BUCKETS];

  public LagRecorder(Clock clock) {
    this.clock = clock;
    Arrays.fill(periods, Long.MIN_VALUE);
  }

  public void record(long lagNanos) {
    long lag = Math.max(0, lagNanos);
    // The max first: a reader that sees this lag counted then sees a max at least as large.
    maxNanos.accumulateAndGet(lag, Math::max);
    sumNanos.addAndGet(lag);
    count.incrementAndGet();
    long period = Math.floorDiv(clock.millis(), PERIOD_MILLIS);
    int b = (int) Math.floorMod(period, AGE_BUCKETS);
    synchronized (this) { // a tick a few times a second at most per target; a scrape reads now and then
      if (periods[b] != period) { // a period ago AGE_BUCKETS ago, or a clock set back: forgotten
        periods[b] = period;
        Arrays.fill(counts[b], 0);
        maxes[b] = 0;
      }
      counts[b][(int) Math.min(lag / 1_000_000, MAX_MILLIS)]++;
      maxes[b] = Math.max(maxes[b], lag);
    }
  }

  /** Ticks since the watch started. */
  public long count() {
    return count.get();
  }

  /** Their lags summed, since the watch started. */
  public double sumSeconds() {
    return sumNanos.get() / 1e9;
  }

  /** The latest any tick fired since the watch started. */
  public double maxSeconds() {
    return maxNanos.get() / 1e9;
  }

  /**
   * The upper edge of the bucket holding the quantile (0..1) of the lags in the {@link #WINDOW}, in
   * seconds, or the window's max where that is lower: a 2.2 ms lag sits in the 2–3 ms bucket, and
   * a p99 of 3 ms above a max of 2.2 ms would be nonsense on a dashboard. NaN when no tick fired
   * in the window, as Prometheus client summaries say of an empty one: 0 would read as ticks on time.
   */
  public synchronized double quantileSeconds(double q) {
    long now = Math.floorDiv(clock.millis(), PERIOD_MILLIS);
    long[] window = new long[MAX_MILLIS + 1];
    long n = 0;
    long max = 0;
    for (int b = 0; b < AGE_BUCKETS; b++) {
      if (periods[b] > now - AGE_BUCKETS && periods[b] <= now) {
        for (int i = 0; i <= MAX_MILLIS; i++) {
          window[i] += counts[b][i];
          n += counts[b][i];
        }
        max = Math.max(max, maxes[b]);
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    double maxSeconds = max / 1e9;
    long rank = Math.max(1, (long) Math.ceil(q * n));
    long seen = 0;
    for (int i = 0; i < MAX_MILLIS; i++) {
      seen += window[i];
      if (seen >= rank) {
        return Math.min((i + 1) / 1000.0, maxSeconds);
      }
    }
    return maxSeconds; // in the last bucket, of 10 s and over
  }
}
