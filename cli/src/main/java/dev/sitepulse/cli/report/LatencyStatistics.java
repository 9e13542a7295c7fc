package dev.sitepulse.cli.report;

/**
 * Where a report's percentiles come from: the one seam between the report and the analytics,
 * so the backend can change without the report noticing.
 */
public interface LatencyStatistics extends AutoCloseable {

  /** Statistics of {@code millis[from, to)}; {@link Latency#NONE} when the range is empty. */
  Latency of(float[] millis, int from, int to);

  @Override
  void close();
}
