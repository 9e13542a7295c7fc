package dev.sitepulse.bench.analytics;

import dev.sitepulse.analytics.CsrGraph;
import java.util.SplittableRandom;

/** Seeded inputs for the analytics benchmarks. */
final class SyntheticData {

  private SyntheticData() {}

  /** Edge lists {from, to} of an R-MAT graph (a=0.57, b=c=0.19, d=0.05), node numbers shuffled. */
  static int[][] rmat(int scale, int edges, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = 1 << scale;
    int[] permutation = new int[n];
    for (int i = 0; i < n; i++) {
      permutation[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = permutation[i];
      permutation[i] = permutation[j];
      permutation[j] = t;
    }
    int[] from = new int[edges];
    int[] to = new int[edges];
    for (int e = 0; e < edges; e++) {
      int u = 0;
      int v = 0;
      for (int bit = 0; bit < scale; bit++) {
        double r = random.nextDouble();
        u = u << 1 | (r < 0.76 ? 0 : 1);
        v = v << 1 | (r < 0.57 || (r >= 0.76 && r < 0.95) ? 0 : 1);
      }
      from[e] = permutation[u];
      to[e] = permutation[v];
    }
    return new int[][] {from, to};
  }

  static CsrGraph rmatGraph(int scale, int edges, long seed) {
    int[][] list = rmat(scale, edges, seed);
    return CsrGraph.fromEdges(1 << scale, list[0], list[1]);
  }

  /**
   * SimHashes of which about a third copy an earlier one with 0..5 bits flipped, so that there
   * are near-duplicates at every distance up to 3 and misses just beyond.
   */
  static long[] fingerprints(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] fp = new long[n];
    for (int i = 0; i < n; i++) {
      if (i > 0 && random.nextInt(3) == 0) {
        long copy = fp[random.nextInt(i)];
        int flips = random.nextInt(6);
        for (int f = 0; f < flips; f++) {
          copy ^= 1L << random.nextInt(64);
        }
        fp[i] = copy;
      } else {
        fp[i] = random.nextLong();
      }
    }
    return fp;
  }

  /** Log-normal latencies in ms: median 40 ms, sigma 1.2 (most between 4 and 400 ms). */
  static float[] latencies(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
          * Math.cos(2 * Math.PI * random.nextDouble());
      values[i] = (float) Math.exp(Math.log(40) + 1.2 * gaussian);
    }
    return values;
  }
}
