package dev.sitepulse.cli.report;

import dev.sitepulse.analytics.AnalyticsBackend;
import dev.sitepulse.analytics.DeviceChoice;
import dev.sitepulse.analytics.Devices;
import dev.sitepulse.analytics.LatencyStats;

/**
 * Percentiles from the gpu-analytics latency path on its Java backend: a report's series are a
 * target each, far below the size where a GPU pays for the copy, and OpenCL is not probed. The
 * percentiles are HdrHistogram's (3 significant digits, nearest rank), never above the maximum,
 * which is exact.
 */
public final class AnalyticsLatencies implements LatencyStatistics {

  private final AnalyticsBackend backend = Devices.open(DeviceChoice.CPU, 0);

  @Override
  public Latency of(float[] millis, int from, int to) {
    if (to <= from) {
      return Latency.NONE;
    }
    LatencyStats s = backend.latencyStats(millis, from, to);
    // LatencyStats' min, mean and max are read off the histogram, to 3 significant digits; the
    // report's are exact, in the same pass.
    float max = 0;
    float min = Float.MAX_VALUE;
    double sum = 0;
    for (int i = from; i < to; i++) {
      max = Math.max(max, millis[i]);
      min = Math.min(min, millis[i]);
      sum += millis[i];
    }
    double exactMax = micros(max);
    // A percentile is the top of its histogram bucket, which may lie above the largest value.
    return new Latency(s.count(), micros(min), micros(sum / (to - from)), Math.min(s.p50(), exactMax),
        Math.min(s.p90(), exactMax), Math.min(s.p95(), exactMax), Math.min(s.p99(), exactMax),
        Math.min(s.p999(), exactMax), exactMax);
  }

  /** To the microsecond, as the history records a check's time. */
  private static double micros(double ms) {
    return Math.round(ms * 1000.0) / 1000.0;
  }

  @Override
  public void close() {
    backend.close();
  }
}
