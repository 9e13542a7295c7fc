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
 * max is of the same window, so that it tops the quantiles beside it. The count and the sum are of
 * the whole run, as a summary's {@code _count} and {@code _sum} must be for {@code rate()}.
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

  /** The latest any tick fired in the {@link #WINDOW}; NaN when none fired there, as for a quantile. */
  public synchronized double maxSeconds() {
    int inWindow = bucketsInWindow();
    return inWindow == 0 ? Double.NaN : maxOf(inWindow) / 1e9;
  }

  /** The age buckets that hold a period of the window, as bits; 0 when none does. */
  private int bucketsInWindow() {
    long now = Math.floorDiv(clock.millis(), PERIOD_MILLIS);
    int in = 0;
    for (int b = 0; b < AGE_BUCKETS; b++) {
      if (periods[b] > now - AGE_BUCKETS && periods[b] <= now) {
        in |= 1 << b;
      }
    }
    return in;
  }

  private long maxOf(int buckets) {
    long max = 0;
    for (int b = 0; b < AGE_BUCKETS; b++) {
      if ((buckets & 1 << b) != 0) {
        max = Math.max(max, maxes[b]);
      }
    }
    return max;
  }

  /** The lags of {@code buckets} in the 1 ms bucket {@code millis}. */
  private long countAt(int buckets, int millis) {
    long n = 0;
    for (int b = 0; b < AGE_BUCKETS; b++) {
      if ((buckets & 1 << b) != 0) {
        n += counts[b][millis];
      }
    }
    return n;
  }

  /**
   * The upper edge of the bucket holding the quantile (0..1) of the lags in the {@link #WINDOW}, in
   * seconds, or the window's max where that is lower: a 2.2 ms lag sits in the 2–3 ms bucket, and
   * a p99 of 3 ms above a max of 2.2 ms would be nonsense on a dashboard. NaN when no tick fired
   * in the window, as Prometheus client summaries say of an empty one: 0 would read as ticks on time.
   */
  public synchronized double quantileSeconds(double q) {
    // Read in place, bucket by bucket, rather than summed into a copy: a scrape asks for several.
    int window = bucketsInWindow();
    long n = 0;
    for (int i = 0; i <= MAX_MILLIS; i++) {
      n += countAt(window, i);
    }
    if (n == 0) {
      return Double.NaN;
    }
    double maxSeconds = maxOf(window) / 1e9;
    long rank = Math.max(1, (long) Math.ceil(q * n));
    long seen = 0;
    for (int i = 0; i < MAX_MILLIS; i++) {
      seen += countAt(window, i);
      if (seen >= rank) {
        return Math.min((i + 1) / 1000.0, maxSeconds);
      }
    }
    return maxSeconds; // in the last bucket, of 10 s and over
  }
}
