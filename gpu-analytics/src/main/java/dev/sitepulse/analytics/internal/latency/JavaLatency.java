package dev.sitepulse.analytics.internal.latency;

import dev.sitepulse.analytics.LatencyStats;
import dev.sitepulse.analytics.internal.parallel.ForkJoinRunner;
import dev.sitepulse.analytics.internal.parallel.Partition;
import dev.sitepulse.analytics.internal.timing.StepClock;

/**
 * Latency statistics on the Java threads: each chunk of the series fills its own int counters
 * (88 KiB, which stay in L2), then the chunks' counters are added up. The inner loop does nothing
 * but round, index and count: mean, min and max are read off the counters afterwards.
 */
public final class JavaLatency {

  private static final int SERIAL_BELOW = 1 << 16;

  private JavaLatency() {}

  public static LatencyStats run(float[] values, int from, int to, ForkJoinRunner runner,
      String device) {
    StepClock clock = new StepClock(device);
    int length = to - from;
    int chunks = length < SERIAL_BELOW ? 1 : runner.parallelism() * 4;
    int[] bounds = Partition.even(length, chunks);
    int[][] partial = new int[chunks][];
    runner.forEach(chunks, c -> partial[c] = count(values, from + bounds[c], from + bounds[c + 1]));
    long[] counts = new long[HistogramLayout.LENGTH];
    for (int[] chunk : partial) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] += chunk[i];
      }
    }
    return Summary.of(counts, clock::finishOnHost);
  }

  private static int[] count(float[] values, int from, int to) {
    int[] counts = new int[HistogramLayout.LENGTH];
    for (int i = from; i < to; i++) {
      counts[HistogramLayout.indexOfMillis(values[i])]++;
    }
    return counts;
  }
}
