package dev.sitepulse.cli.report;

/**
 * A target's latency over the checks that got a response, in milliseconds. Percentiles have
 * HdrHistogram's precision (3 significant digits); the minimum, mean and maximum are exact.
 *
 * @param p999 the 99.9th percentile
 */
public record Latency(long count, double min, double mean, double p50, double p90, double p95, double p99,
    double p999, double max) {

  public static final Latency NONE = new Latency(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
