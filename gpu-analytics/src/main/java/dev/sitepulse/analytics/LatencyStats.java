package dev.sitepulse.analytics;

/**
 * Statistics of one latency series. Values are first rounded to whole microseconds (negative
 * values and NaN count as 0, values of 35.8 minutes and more as 2^31-1 µs) and counted in a
 * histogram with 3 significant digits. Everything here is read off that histogram exactly as
 * HdrHistogram reads it, so each figure equals HdrHistogram's for the same microseconds: values
 * below 2.048 ms are exact to the microsecond, larger ones to 1 part in 1024 or better.
 *
 * @param count     how many values
 * @param meanMs    the mean in milliseconds, from the middle of each bucket (0 if empty)
 * @param minMs     the smallest value, as the lowest value of its bucket (0 if empty)
 * @param maxMs     the largest value, as the highest value of its bucket (0 if empty)
 * @param histogram all the counts, from which every percentile is read
 * @param timings   where the time went and which device ran it
 */
public record LatencyStats(long count, double meanMs, double minMs, double maxMs,
    LatencyHistogram histogram, Timings timings) {

  public double p50() {
    return histogram.valueAtPercentile(50);
  }

  public double p90() {
    return histogram.valueAtPercentile(90);
  }

  public double p95() {
    return histogram.valueAtPercentile(95);
  }

  public double p99() {
    return histogram.valueAtPercentile(99);
  }

  public double p999() {
    return histogram.valueAtPercentile(99.9);
  }
}
