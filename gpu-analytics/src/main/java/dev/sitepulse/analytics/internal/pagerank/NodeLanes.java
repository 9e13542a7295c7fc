package dev.sitepulse.analytics.internal.pagerank;

/**
 * How many adjacent work-items share a node in {@code pagerank_step} on a GPU. One work-item per
 * node makes a warp read 32 rows of sources at once, a cache line each; with L lanes a node, a warp
 * reads 32 / L rows, L neighbouring entries of each (Bell and Garland's CSR-vector SpMV). Lanes
 * beyond a row's length idle, so
 * the count follows the mean in-degree of the nodes the kernel handles: the largest power of two
 * at or below it, from 1 to {@value #MAX_LANES}.
 */
final class NodeLanes {

  /** A warp: wider would only add lanes that a light node (fewer in-edges than heavy) leaves idle. */
  static final int MAX_LANES = 32;

  private NodeLanes() {}

  /**
   * Lanes per node for the nodes with fewer than {@code heavyDegree} in-edges of a CSR by
   * destination ({@code offsets}: nodes + 1 entries). With more than one lane, nodes x lanes stays
   * within the edge count (a light node's lanes are at most the light ones' mean, a heavy node has
   * more edges than that), so a launch fits whenever the edges do.
   */
  static int of(int[] offsets, int heavyDegree) {
    long edges = 0;
    long nodes = 0;
    for (int v = 0; v + 1 < offsets.length; v++) {
      int inDegree = offsets[v + 1] - offsets[v];
      if (inDegree < heavyDegree) {
        edges += inDegree;
        nodes++;
      }
    }
    long mean = nodes == 0 ? 1 : Math.max(1, edges / nodes);
    return (int) Long.highestOneBit(Math.min(mean, MAX_LANES));
  }
}
