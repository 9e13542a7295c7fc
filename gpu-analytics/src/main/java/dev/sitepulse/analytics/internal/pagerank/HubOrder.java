package dev.sitepulse.analytics.internal.pagerank;

import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.internal.parallel.ForkJoinRunner;
import dev.sitepulse.analytics.internal.parallel.Partition;

/**
 * Where each node's contribution is stored: by falling out-degree, so the contributions gathered
 * most (a hub's, once per out-edge) share cache lines instead of being spread over the array.
 * Ranks keep the caller's node order; only the contribution array and the edge sources that index
 * it are renumbered, so every node still sums the same values in the same order and the ranks are
 * bit for bit those of the plain layout. On a 2^20-node R-MAT graph it made an iteration about a
 * third faster; renumbering the sources costs about one iteration.
 */
final class HubOrder {

  /** Degrees at or above this share the first slot group; bounds the counting array. */
  private static final int DEGREE_CAP = 1 << 16;

  /** slot[v]: where node v's contribution lives. */
  final int[] slot;
  /** The graph's sources, each replaced by its slot. */
  final int[] sources;

  private HubOrder(int[] slot, int[] sources) {
    this.slot = slot;
    this.sources = sources;
  }

  static HubOrder of(CsrGraph graph, ForkJoinRunner runner) {
    int[] slot = slots(graph.outDegree());
    int[] from = graph.sources();
    int[] sources = new int[from.length];
    int chunks = from.length < (1 << 16) ? 1 : runner.parallelism() * 4;
    int[] bounds = Partition.even(from.length, chunks);
    runner.forEach(chunks, c -> {
      for (int e = bounds[c], end = bounds[c + 1]; e < end; e++) {
        sources[e] = slot[from[e]];
      }
    });
    return new HubOrder(slot, sources);
  }

  /** The slots alone, for a device that renumbers the sources itself. */
  static int[] slots(int[] outDegree) {
    int n = outDegree.length;
    // A counting sort by capped degree, highest first; ties keep node order (deterministic).
    int[] start = new int[DEGREE_CAP + 1];
    for (int d : outDegree) {
      start[DEGREE_CAP - Math.min(d, DEGREE_CAP)]++;
    }
    for (int i = 0, sum = 0; i <= DEGREE_CAP; i++) {
      int count = start[i];
      start[i] = sum;
      sum += count;
    }
    int[] slot = new int[n];
    for (int v = 0; v < n; v++) {
      slot[v] = start[DEGREE_CAP - Math.min(outDegree[v], DEGREE_CAP)]++;
    }
    return slot;
  }
}
