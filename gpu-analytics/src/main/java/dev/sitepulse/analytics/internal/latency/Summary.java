package dev.sitepulse.analytics.internal.latency;

import dev.sitepulse.analytics.LatencyHistogram;
import dev.sitepulse.analytics.LatencyStats;
import dev.sitepulse.analytics.Timings;
import java.util.function.Supplier;

/** Reads count, mean, min and max off the counters, as HdrHistogram does, into the result. */
public final class Summary {

  private Summary() {}

  public static LatencyStats of(long[] counts, Supplier<Timings> timings) {
    LatencyHistogram histogram = new LatencyHistogram(counts);
    long total = histogram.totalCount();
    return new LatencyStats(total, HistogramLayout.mean(counts, total) / 1000.0,
        HistogramLayout.min(counts) / 1000.0, HistogramLayout.max(counts) / 1000.0, histogram,
        timings.get());
  }
}
