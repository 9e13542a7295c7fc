package dev.sitepulse.analytics.testing;

import dev.sitepulse.analytics.CsrGraph;
import java.util.SplittableRandom;

/**
 * R-MAT graphs (Chakrabarti et al.; a=0.57, b=c=0.19, d=0.05): the skewed, hub-heavy degree
 * distribution of real link graphs, reproducible from a seed. Node numbers are shuffled, so hubs
 * are not clustered at low ids as the recursion would leave them.
 */
public final class RmatGraphs {

  private RmatGraphs() {}

  /** {@code m} edges over 2^scale nodes, as {@code {from, to}}. */
  public static int[][] edges(int scale, int m, long seed) {
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
    int[] from = new int[m];
    int[] to = new int[m];
    for (int e = 0; e < m; e++) {
      int u = 0;
      int v = 0;
      for (int bit = 0; bit < scale; bit++) {
        double r = random.nextDouble();
        int row = r < 0.57 + 0.19 ? 0 : 1;
        int column = r < 0.57 || (r >= 0.76 && r < 0.95) ? 0 : 1;
        u = u << 1 | row;
        v = v << 1 | column;
      }
      from[e] = permutation[u];
      to[e] = permutation[v];
    }
    return new int[][] {from, to};
  }

  /** The same edges as a graph. */
  public static CsrGraph graph(int scale, int m, long seed) {
    int[][] edges = edges(scale, m, seed);
    return CsrGraph.fromEdges(1 << scale, edges[0], edges[1]);
  }
}
