package dev.sitepulse.analytics;

import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;

/** Random inputs and reference answers shared by the tests. */
final class Fixtures {

  private Fixtures() {}

  /** A random graph with m edges; nodes below {@code danglingEvery}-th are never sources. */
  static int[][] randomEdges(int n, int m, long seed, int danglingEvery) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] from = new int[m];
    int[] to = new int[m];
    for (int i = 0; i < m; i++) {
      int source = random.nextInt(n);
      while (danglingEvery > 0 && source % danglingEvery == 0 && n > 1) {
        source = random.nextInt(n);
      }
      from[i] = source;
      to[i] = random.nextInt(n);
    }
    return new int[][] {from, to};
  }

  static double[] jgraphtRanks(int n, int[][] edges) {
    Graph<Integer, DefaultEdge> graph = new DirectedPseudograph<>(DefaultEdge.class);
    for (int v = 0; v < n; v++) {
      graph.addVertex(v);
    }
    for (int i = 0; i < edges[0].length; i++) {
      graph.addEdge(edges[0][i], edges[1][i]);
    }
    PageRank<Integer, DefaultEdge> pageRank = new PageRank<>(graph, 0.85, 10_000, 1e-14);
    double[] ranks = new double[n];
    for (int v = 0; v < n; v++) {
      ranks[v] = pageRank.getVertexScore(v);
    }
    return ranks;
  }

  static double l1(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(a[i] - b[i]);
    }
    return sum;
  }

  /** Random fingerprints where about a third are copies of an earlier one with 0..k+2 bits flipped. */
  static long[] fingerprints(int n, int k, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] fp = new long[n];
    for (int i = 0; i < n; i++) {
      if (i > 0 && random.nextInt(3) == 0) {
        long copy = fp[random.nextInt(i)];
        int flips = random.nextInt(k + 3);
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

  static long[] bruteForcePairs(long[] fp, int k) {
    java.util.List<Long> pairs = new java.util.ArrayList<>();
    for (int i = 0; i < fp.length; i++) {
      for (int j = i + 1; j < fp.length; j++) {
        if (Long.bitCount(fp[i] ^ fp[j]) <= k) {
          pairs.add((long) i << 32 | j);
        }
      }
    }
    return pairs.stream().mapToLong(Long::longValue).toArray();
  }

  /** Log-normal latencies around 40 ms, with a few NaN, negative and huge values mixed in. */
  static float[] latencies(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
          * Math.cos(2 * Math.PI * random.nextDouble());
      values[i] = (float) Math.exp(Math.log(40) + 1.2 * gaussian);
    }
    if (n > 100) {
      values[3] = Float.NaN;
      values[5] = -2.5f;
      values[7] = 5e9f;
      values[11] = 0f;
      values[13] = 0.0004f;
    }
    return values;
  }
}
