package dev.sitepulse.analytics.internal.latency;

/**
 * The bucket layout of HdrHistogram with 3 significant digits and a unit of 1 µs, over values
 * 0..2^31-1: 2048 sub-buckets per power of two, the upper half of each new power of two in its own
 * run of 1024 counters. Any value maps to a counter in a few integer operations, the same ones the
 * OpenCL kernel does (see {@code histogram.cl}), and reading a percentile follows
 * {@code AbstractHistogram.getValueAtPercentile} step by step, so both give HdrHistogram's answer.
 */
public final class HistogramLayout {

  /** Number of counters: (21 power-of-two buckets + 1) * 1024. */
  public static final int LENGTH = 22528;

  /**
   * From this many values on, one run of a CPU fills four sets of counters in turn rather than one
   * (JavaLatency and the OpenCL kernel {@code hist_owned}): a 50M-value series a third faster.
   */
  public static final int FOUR_SETS_FROM = 1 << 18;

  private static final int SUB_BUCKET_MASK = 2047;
  private static final int HALF_COUNT = 1024;
  private static final int HALF_COUNT_MAGNITUDE = 10;
  /** 32 - unit magnitude (0) - sub-bucket count magnitude (11). */
  private static final int LEADING_ZERO_BASE = 21;
  /** (float exponent bias 127 + 9) << 10: see {@link #indexOfMillis}. */
  private static final int BITS_OFFSET = (127 + 9) << 10;

  private HistogramLayout() {}

  /**
   * Rounds milliseconds to whole microseconds: NaN and values at or below 0 give 0, values beyond
   * the int range give {@link Integer#MAX_VALUE}. Float arithmetic, as in the kernel.
   */
  public static int quantize(float millis) {
    return Math.max((int) (millis * 1000f + 0.5f), 0);
  }

  /**
   * The counter of a latency in milliseconds: {@code indexOf(quantize(millis))}, computed from the
   * float's bits. For {@code y = millis * 1000 + 0.5 >= 2048} the power of two of {@code
   * floor(y)} is y's exponent and its top 11 significant bits are y's implicit bit and top 10
   * mantissa bits, which is exactly HdrHistogram's (bucket, sub-bucket) pair; shifting the raw bits
   * right by 13 and subtracting (127 + 9) << 10 turns them into the counter's index. Below 2048 the
   * index is the value itself. This takes about a third less time than the integer route, and the
   * OpenCL kernel does the same.
   */
  public static int indexOfMillis(float millis) {
    float y = millis * 1000f + 0.5f;
    int large = Math.min((Float.floatToRawIntBits(y) >> 13) - BITS_OFFSET, LENGTH - 1);
    return y >= 2048f ? large : y >= 1f ? (int) y : 0;
  }

  /** The counter of a value of {@code micros >= 0}. */
  public static int indexOf(int micros) {
    int bucket = LEADING_ZERO_BASE - Integer.numberOfLeadingZeros(micros | SUB_BUCKET_MASK);
    return (bucket << HALF_COUNT_MAGNITUDE) + (micros >>> bucket);
  }

  /** The smallest value that maps to {@code index}. */
  public static long lowestValueAt(int index) {
    int bucket = (index >> HALF_COUNT_MAGNITUDE) - 1;
    int subBucket = (index & (HALF_COUNT - 1)) + HALF_COUNT;
    if (bucket < 0) {
      subBucket -= HALF_COUNT;
      bucket = 0;
    }
    return (long) subBucket << bucket;
  }

  /** The largest value that maps to {@code index}. */
  public static long highestValueAt(int index) {
    int bucket = Math.max((index >> HALF_COUNT_MAGNITUDE) - 1, 0);
    return lowestValueAt(index) + (1L << bucket) - 1;
  }

  /** The middle of the values that map to {@code index}, as HdrHistogram's mean uses it. */
  public static long medianValueAt(int index) {
    int bucket = Math.max((index >> HALF_COUNT_MAGNITUDE) - 1, 0);
    return lowestValueAt(index) + ((1L << bucket) >> 1);
  }

  /** The mean as HdrHistogram computes it: median equivalent values weighted by count. */
  public static double mean(long[] counts, long total) {
    if (total == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        sum += (double) medianValueAt(i) * (double) counts[i];
      }
    }
    return sum / total;
  }

  /** The smallest recorded value at histogram precision (HdrHistogram's getMinValue). */
  public static long min(long[] counts) {
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        return lowestValueAt(i);
      }
    }
    return 0;
  }

  /** The largest recorded value at histogram precision (HdrHistogram's getMaxValue). */
  public static long max(long[] counts) {
    for (int i = counts.length - 1; i >= 0; i--) {
      if (counts[i] != 0) {
        return highestValueAt(i);
      }
    }
    return 0;
  }

  /**
   * The value at a percentile as HdrHistogram reports it: the highest value equivalent to the
   * counter where the running count reaches the percentile (the lowest one for percentile 0).
   */
  public static long valueAtPercentile(long[] counts, long total, double percentile) {
    if (total == 0) {
      return 0;
    }
    double requested = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0), 100.0);
    long countAtPercentile = Math.max((long) Math.ceil(requested * total / 100.0), 1);
    long running = 0;
    for (int i = 0; i < counts.length; i++) {
      running += counts[i];
      if (running >= countAtPercentile) {
        return percentile == 0.0 ? lowestValueAt(i) : highestValueAt(i);
      }
    }
    return 0;
  }
}
