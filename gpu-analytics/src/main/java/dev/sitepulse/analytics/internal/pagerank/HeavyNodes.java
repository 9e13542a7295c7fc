package dev.sitepulse.analytics.internal.pagerank;

import java.util.Arrays;

/**
 * The nodes whose in-edges a GPU iteration sums apart, a work-group per chunk of them
 * ({@link HeavyChunks}): those with at least a given number of in-edges, most first, so that the
 * full chunks are handed out first and the short ones fill in at the end. Ties keep node order.
 */
final class HeavyNodes {

  private HeavyNodes() {}

  /** The nodes of a CSR by destination ({@code offsets}: nodes + 1 entries) with {@code minInDegree} or more in-edges. */
  static int[] of(int[] offsets, int minInDegree) {
    int nodes = offsets.length - 1;
    int count = 0;
    for (int v = 0; v < nodes; v++) {
      count += offsets[v + 1] - offsets[v] >= minInDegree ? 1 : 0;
    }
    // In-degree (negated, so the sort is falling) in the high half, the node in the low half.
    long[] keys = new long[count];
    for (int v = 0, k = 0; v < nodes; v++) {
      int inDegree = offsets[v + 1] - offsets[v];
      if (inDegree >= minInDegree) {
        keys[k++] = ((long) -inDegree << 32) | v;
      }
    }
    Arrays.sort(keys);
    int[] heavy = new int[count];
    for (int k = 0; k < count; k++) {
      heavy[k] = (int) keys[k];
    }
    return heavy;
  }
}
