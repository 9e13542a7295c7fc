package dev.sitepulse.bench.analytics;

import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.testing.RmatGraphs;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How fast plain Java can run PageRank's inner loop, {@code sum += contrib[sources[e]]}, on the
 * benchmark's R-MAT graph, with nothing else of an iteration around it: with the graph's own
 * sources, with them renumbered hubs first (as JavaPageRank does), and with every source 0, where
 * each gather hits one cache line and only the loop itself is left. The last is a ceiling for any
 * pull-based Java PageRank on this machine. Usage: GatherCeiling [repeats]
 */
public final class GatherCeiling {

  private static final int SCALE = 20;
  private static final int EDGES = 1 << 24;

  private GatherCeiling() {}

  public static void main(String[] args) throws Exception {
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    CsrGraph graph = RmatGraphs.graph(SCALE, EDGES, 20);
    int n = graph.nodeCount();
    float[] contrib = new float[n];
    Arrays.fill(contrib, 1f / n);
    int[] hubsFirst = renumberHubsFirst(graph);
    ExecutorService second = Executors.newSingleThreadExecutor();
    try {
      for (String layout : new String[] {"graph", "hubs-first", "all-zero"}) {
        int[] sources = switch (layout) {
          case "graph" -> graph.sources();
          case "hubs-first" -> hubsFirst;
          default -> new int[EDGES];
        };
        Gather gather = new Gather(graph.offsets(), sources, contrib, new double[n]);
        for (int threads = 1; threads <= 2; threads++) {
          long best = Long.MAX_VALUE;
          for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            gather.run(threads, second);
            best = Math.min(best, System.nanoTime() - start);
          }
          System.out.printf("layout=%s threads=%d edges_per_s=%.0fM%n", layout, threads,
              EDGES / (best / 1e9) / 1e6);
        }
      }
    } finally {
      second.shutdown();
    }
  }

  /** Sources renumbered by falling out-degree, ties in node order, as JavaPageRank stores them. */
  private static int[] renumberHubsFirst(CsrGraph graph) {
    int[] outDegree = graph.outDegree();
    Integer[] byDegree = new Integer[outDegree.length];
    Arrays.setAll(byDegree, i -> i);
    Arrays.sort(byDegree, (a, b) -> Integer.compare(outDegree[b], outDegree[a]));
    int[] slot = new int[outDegree.length];
    for (int i = 0; i < byDegree.length; i++) {
      slot[byDegree[i]] = i;
    }
    return Arrays.stream(graph.sources()).map(s -> slot[s]).toArray();
  }

  private record Gather(int[] offsets, int[] sources, float[] contrib, double[] sums) {

    void run(int threads, ExecutorService second) throws Exception {
      int nodes = sums.length;
      if (threads == 1) {
        rows(0, nodes);
        return;
      }
      int middle = Arrays.binarySearch(offsets, sources.length / 2);
      int split = middle >= 0 ? middle : -middle - 1; // half the edges on each thread
      Future<?> half = second.submit(() -> rows(0, split));
      rows(split, nodes);
      half.get();
    }

    private void rows(int from, int to) {
      for (int v = from; v < to; v++) {
        double sum = 0;
        for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
          sum += contrib[sources[e]];
        }
        sums[v] = sum;
      }
    }
  }
}
