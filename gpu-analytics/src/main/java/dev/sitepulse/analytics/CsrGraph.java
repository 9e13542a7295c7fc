package dev.sitepulse.analytics;

/**
 * A directed graph of {@code nodeCount} nodes numbered 0..n-1, stored as compressed sparse rows by
 * destination: the sources of the edges into node {@code v} are {@code sources[offsets[v] ..
 * offsets[v + 1])}. This is the layout a pull-based PageRank reads: each node gathers from its
 * in-neighbours and writes only its own rank, so no atomics are needed.
 *
 * <p>Parallel edges and self-loops are kept; each counts once towards the out-degree of its
 * source, as in JGraphT's pseudographs. The arrays are owned by the graph: do not change them.
 *
 * @param offsets   {@code nodeCount + 1} entries, non-decreasing, from 0 to {@code edgeCount}
 * @param sources   the source of every edge, grouped by destination, each in 0..n-1
 * @param outDegree the number of edges leaving each node
 */
public record CsrGraph(int[] offsets, int[] sources, int[] outDegree) {

  public CsrGraph {
    if (offsets == null || sources == null || outDegree == null) {
      throw new IllegalArgumentException("offsets, sources and outDegree must not be null");
    }
    if (offsets.length != outDegree.length + 1) {
      throw new IllegalArgumentException("offsets.length must be outDegree.length + 1, was "
          + offsets.length + " for " + outDegree.length + " nodes");
    }
    if (offsets[0] != 0 || offsets[offsets.length - 1] != sources.length) {
      throw new IllegalArgumentException("offsets must run from 0 to sources.length ("
          + sources.length + "), was " + offsets[0] + ".." + offsets[offsets.length - 1]);
    }
    checkContents(offsets, sources, outDegree);
  }

  /**
   * Every number a kernel will index with must be in range: the OpenCL backend does not check
   * them on the device, where a bad one reads past a buffer's end (or ends the JVM) instead of
   * throwing. And each out-degree must be the node's count of out-edges, or the ranks no longer
   * sum to one. One pass over the edges, about one PageRank iteration's gather.
   */
  private static void checkContents(int[] offsets, int[] sources, int[] outDegree) {
    int n = outDegree.length;
    for (int v = 0; v < n; v++) {
      if (offsets[v + 1] < offsets[v]) {
        throw new IllegalArgumentException("offsets must not decrease, but offsets[" + (v + 1)
            + "] = " + offsets[v + 1] + " < offsets[" + v + "] = " + offsets[v]);
      }
      if (outDegree[v] < 0) {
        throw new IllegalArgumentException("outDegree[" + v + "] = " + outDegree[v] + " is negative");
      }
    }
    int[] edgesOut = new int[n];
    for (int e = 0; e < sources.length; e++) {
      if (sources[e] < 0 || sources[e] >= n) {
        throw new IllegalArgumentException("sources[" + e + "] = " + sources[e]
            + " names a node outside 0.." + (n - 1));
      }
      edgesOut[sources[e]]++;
    }
    for (int v = 0; v < n; v++) {
      if (edgesOut[v] != outDegree[v]) {
        throw new IllegalArgumentException("outDegree[" + v + "] = " + outDegree[v]
            + ", but " + edgesOut[v] + " of the edges leave node " + v);
      }
    }
  }

  /**
   * Builds the graph from an edge list: edge {@code i} goes from {@code from[i]} to {@code to[i]}.
   *
   * @throws IllegalArgumentException if the arrays differ in length or name a node outside 0..n-1
   */
  public static CsrGraph fromEdges(int nodeCount, int[] from, int[] to) {
    if (from.length != to.length) {
      throw new IllegalArgumentException(
          "from and to must have the same length, were " + from.length + " and " + to.length);
    }
    CsrGraphBuilder builder = new CsrGraphBuilder(nodeCount, from.length);
    for (int i = 0; i < from.length; i++) {
      builder.addEdge(from[i], to[i]);
    }
    return builder.build();
  }

  public int nodeCount() {
    return outDegree.length;
  }

  public int edgeCount() {
    return sources.length;
  }

  public int inDegree(int node) {
    return offsets[node + 1] - offsets[node];
  }
}
