package dev.sitepulse.analytics;

import java.util.Locale;

/**
 * Where the time of one analytics step went, and which device ran it. On OpenCL, transfer and
 * kernel times come from the queue's event profiling (device clock, start to end of each command),
 * build is the program compilation (0 once the program is cached) and total is the wall time of
 * the whole call, including host-side preparation. On the Java backend transfer and build are 0
 * and kernel is the compute time.
 */
public record Timings(String device, long buildNanos, long transferNanos, long kernelNanos,
    long totalNanos) {

  public Timings {
    if (device == null || device.isBlank()) {
      throw new IllegalArgumentException("device must be named, was '" + device + "'");
    }
  }

  public double buildMillis() {
    return buildNanos / 1e6;
  }

  public double transferMillis() {
    return transferNanos / 1e6;
  }

  public double kernelMillis() {
    return kernelNanos / 1e6;
  }

  public double totalMillis() {
    return totalNanos / 1e6;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: build %.1f ms, transfer %.1f ms, kernel %.1f ms, total %.1f ms",
        device, buildMillis(), transferMillis(), kernelMillis(), totalMillis());
  }
}
