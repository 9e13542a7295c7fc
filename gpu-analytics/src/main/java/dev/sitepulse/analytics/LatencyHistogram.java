package dev.sitepulse.analytics;

import dev.sitepulse.analytics.internal.latency.HistogramLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The full histogram of a latency series in microseconds, in HdrHistogram's layout with 3
 * significant digits: every percentile read from it equals what HdrHistogram reports for the same
 * microsecond values. {@link #buckets()} folds it into power-of-two buckets for display.
 */
public final class LatencyHistogram {

  private final long[] counts;
  private final long total;

  /**
   * @param counts {@value HistogramLayout#LENGTH} counters, owned by the histogram from now on (not
   *     copied: 180 KB per series): do not change them, or its total and percentiles disagree
   */
  public LatencyHistogram(long[] counts) {
    if (counts.length != HistogramLayout.LENGTH) {
      throw new IllegalArgumentException(
          "counts must have " + HistogramLayout.LENGTH + " entries, had " + counts.length);
    }
    this.counts = counts;
    long sum = 0;
    for (long c : counts) {
      sum += c;
    }
    this.total = sum;
  }

  public long totalCount() {
    return total;
  }

  /** The value at a percentile (0..100) in milliseconds, as HdrHistogram reports it; 0 if empty. */
  public double valueAtPercentile(double percentile) {
    return HistogramLayout.valueAtPercentile(counts, total, percentile) / 1000.0;
  }

  /** A copy of the counters in HdrHistogram's order. */
  public long[] counts() {
    return counts.clone();
  }

  /**
   * The counts in power-of-two buckets of microseconds ([0, 1 µs), [1, 2), [2, 4), ...), from the
   * first non-empty bucket to the last; empty if there are no values.
   */
  public List<HistogramBucket> buckets() {
    long[] octaves = new long[33];
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        octaves[64 - Long.numberOfLeadingZeros(HistogramLayout.lowestValueAt(i))] += counts[i];
      }
    }
    int first = 0;
    while (first < octaves.length && octaves[first] == 0) {
      first++;
    }
    int last = octaves.length - 1;
    while (last >= first && octaves[last] == 0) {
      last--;
    }
    List<HistogramBucket> buckets = new ArrayList<>();
    for (int j = first; j <= last; j++) {
      double from = j == 0 ? 0 : (1L << (j - 1)) / 1000.0;
      buckets.add(new HistogramBucket(from, (1L << j) / 1000.0, octaves[j]));
    }
    return buckets;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LatencyHistogram h && Arrays.equals(counts, h.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "LatencyHistogram[" + total + " values]";
  }
}
