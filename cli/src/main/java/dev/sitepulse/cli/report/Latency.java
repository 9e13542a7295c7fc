package dev.sitepulse.cli.report;

/**
 * A target's latency over the checks that got a response, in milliseconds. Percentiles have
 * HdrHistogram's precision (3 significant digits); the maximum is exact.
 */
public record Latency(long count, double p50, double p95, double p99, double max) {

  public static final Latency NONE = new Latency(0, 0, 0, 0, 0);
}
