package dev.sitepulse.analytics.internal.latency;

import dev.sitepulse.analytics.LatencyStats;
import dev.sitepulse.analytics.internal.parallel.ForkJoinRunner;
import dev.sitepulse.analytics.internal.parallel.Partition;
import dev.sitepulse.analytics.internal.timing.StepClock;

/**
 * Latency statistics on the Java threads: each chunk of the series fills its own int counters
 * (one or four sets of 88 KiB, which stay in L2), then the chunks' counters are added up. The inner
 * loop does nothing but round, index and count: mean, min and max are read off the counters
 * afterwards.
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

  /**
   * Four sets of counters, filled in turn and added up at the end. On the Intel host one set ran
   * 0.93-0.99G values/s on two threads and four 1.52-1.56G (two: 1.40-1.44G): with a single array,
   * the CPU holds each counter's load back behind the store of the increment before it, though
   * they rarely meet. On the AMD host of November two sets had made no difference. Below
   * {@link HistogramLayout#FOUR_SETS_FROM} values, making and adding up the other three costs more
   * than it saves.
   */
  private static int[] count(float[] values, int from, int to) {
    if (to - from < HistogramLayout.FOUR_SETS_FROM) {
      return countInOneSet(values, from, to);
    }
    int[] c0 = new int[HistogramLayout.LENGTH];
    int[] c1 = new int[HistogramLayout.LENGTH];
    int[] c2 = new int[HistogramLayout.LENGTH];
    int[] c3 = new int[HistogramLayout.LENGTH];
    int i = from;
    for (; i + 3 < to; i += 4) {
      c0[HistogramLayout.indexOfMillis(values[i])]++;
      c1[HistogramLayout.indexOfMillis(values[i + 1])]++;
      c2[HistogramLayout.indexOfMillis(values[i + 2])]++;
      c3[HistogramLayout.indexOfMillis(values[i + 3])]++;
    }
    for (; i < to; i++) {
      c0[HistogramLayout.indexOfMillis(values[i])]++;
    }
    for (int k = 0; k < c0.length; k++) {
      c0[k] += c1[k] + c2[k] + c3[k];
    }
    return c0;
  }

  private static int[] countInOneSet(float[] values, int from, int to) {
    int[] counts = new int[HistogramLayout.LENGTH];
    for (int i = from; i < to; i++) {
      counts[HistogramLayout.indexOfMillis(values[i])]++;
    }
    return counts;
  }
}
