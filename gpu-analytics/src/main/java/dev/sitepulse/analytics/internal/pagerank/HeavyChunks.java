package dev.sitepulse.analytics.internal.pagerank;

/**
 * The heavy nodes' in-edges cut into chunks of at most a fixed number of edges, one work-group
 * each ({@code pagerank_heavy_chunks}), so that no group sums more than a chunk however big the
 * hub: with a work-group per node, an R-MAT hub of 70,011 in-edges held one group for about 12
 * times the mean work and set the length of every iteration. A node's chunks are adjacent, in edge
 * order, and the nodes' in the order given; {@code pagerank_settle_heavy} adds each node's chunk
 * sums in that order, so the result does not depend on scheduling.
 */
final class HeavyChunks {

  /** Edges {@code bounds[2c] .. bounds[2c + 1]} of the CSR are chunk c. */
  final int[] bounds;
  /** Node {@code heavy[h]}'s chunks are {@code first[h] .. first[h + 1]}. */
  final int[] first;

  private HeavyChunks(int[] bounds, int[] first) {
    this.bounds = bounds;
    this.first = first;
  }

  /** The chunks of the rows of {@code heavy} in a CSR by destination ({@code offsets}). */
  static HeavyChunks of(int[] offsets, int[] heavy, int chunkEdges) {
    int[] first = new int[heavy.length + 1];
    for (int h = 0; h < heavy.length; h++) {
      long edges = offsets[heavy[h] + 1] - (long) offsets[heavy[h]];
      first[h + 1] = first[h] + (int) ((edges + chunkEdges - 1) / chunkEdges);
    }
    // Heavy rows have 64 or more edges: at most m / 64 + m / chunkEdges chunks, 2 ints each.
    int[] bounds = new int[Math.multiplyExact(2, first[heavy.length])];
    for (int h = 0; h < heavy.length; h++) {
      int end = offsets[heavy[h] + 1];
      long from = offsets[heavy[h]];
      for (int c = first[h]; c < first[h + 1]; c++, from += chunkEdges) {
        bounds[2 * c] = (int) from;
        bounds[2 * c + 1] = (int) Math.min(from + chunkEdges, end);
      }
    }
    return new HeavyChunks(bounds, first);
  }

  int count() {
    return bounds.length / 2;
  }
}
