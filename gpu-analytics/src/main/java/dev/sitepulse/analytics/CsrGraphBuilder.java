package dev.sitepulse.analytics;

import java.util.Arrays;

/**
 * Collects edges one at a time into primitive arrays and sorts them into a {@link CsrGraph} by
 * destination with a counting sort (linear time, stable, so each node's sources keep the order in
 * which their edges were added). Counts out-degrees on the way.
 */
public final class CsrGraphBuilder {

  /** The most edges a builder takes: the longest int[] every JVM allocates. */
  public static final int MAX_EDGES = Integer.MAX_VALUE - 8;

  private final int nodeCount;
  private int[] from;
  private int[] to;
  private int size;

  public CsrGraphBuilder(int nodeCount) {
    this(nodeCount, 16);
  }

  /** @param expectedEdges a capacity hint; the builder grows past it. */
  public CsrGraphBuilder(int nodeCount, int expectedEdges) {
    if (nodeCount < 0) {
      throw new IllegalArgumentException("nodeCount must be >= 0, was " + nodeCount);
    }
    if (expectedEdges < 0) {
      throw new IllegalArgumentException("expectedEdges must be >= 0, was " + expectedEdges);
    }
    this.nodeCount = nodeCount;
    this.from = new int[expectedEdges];
    this.to = new int[expectedEdges];
  }

  /**
   * A builder that takes over the first {@code edgeCount} entries of {@code sources} and
   * {@code destinations} as its edges, without copying them: for millions of edges read into arrays
   * already. The caller must not change the arrays afterwards.
   *
   * @throws IllegalArgumentException if an edge names a node outside 0..nodeCount-1, or the arrays
   *     hold fewer than {@code edgeCount} entries
   */
  public static CsrGraphBuilder adopting(int nodeCount, int[] sources, int[] destinations, int edgeCount) {
    if (edgeCount < 0 || sources.length < edgeCount || destinations.length < edgeCount) {
      throw new IllegalArgumentException(edgeCount + " edges in arrays of " + sources.length + " sources and "
          + destinations.length + " destinations");
    }
    CsrGraphBuilder builder = new CsrGraphBuilder(nodeCount, 0);
    for (int i = 0; i < edgeCount; i++) {
      builder.checkNodes(sources[i], destinations[i]);
    }
    builder.from = sources;
    builder.to = destinations;
    builder.size = edgeCount;
    return builder;
  }

  /** @throws IllegalArgumentException if either end is outside 0..nodeCount-1 */
  public CsrGraphBuilder addEdge(int source, int destination) {
    checkNodes(source, destination);
    if (size == from.length) {
      int grown = grownCapacity(size);
      from = Arrays.copyOf(from, grown);
      to = Arrays.copyOf(to, grown);
    }
    from[size] = source;
    to[size] = destination;
    size++;
    return this;
  }

  private void checkNodes(int source, int destination) {
    if (source < 0 || source >= nodeCount || destination < 0 || destination >= nodeCount) {
      throw new IllegalArgumentException("edge " + source + " -> " + destination
          + " names a node outside 0.." + (nodeCount - 1));
    }
  }

  /**
   * Half as much again, saturating at {@link #MAX_EDGES}: {@code size + (size >> 1)} in int turns
   * negative from 1,431,655,766 edges on.
   *
   * @throws IllegalStateException when {@code size} is already the most a graph holds
   */
  static int grownCapacity(int size) {
    if (size >= MAX_EDGES) {
      throw new IllegalStateException("more than " + MAX_EDGES + " edges: a graph holds at most"
          + " that many (a Java array's limit)");
    }
    return (int) Math.min(MAX_EDGES, Math.max(16, size + (long) (size >> 1)));
  }

  public int edgeCount() {
    return size;
  }

  public CsrGraph build() {
    int[] offsets = new int[nodeCount + 1];
    int[] outDegree = new int[nodeCount];
    for (int i = 0; i < size; i++) {
      outDegree[from[i]]++;
    }
    return new CsrGraph(offsets, sourcesByDestination(offsets), outDegree);
  }

  /**
   * As {@link #build()}, with each (source, destination) pair once however often it was added:
   * for a link graph in which a page that links to another twice still casts one vote. A row's
   * sources come out in ascending order.
   */
  public CsrGraph buildWithoutParallelEdges() {
    int[] offsets = new int[nodeCount + 1];
    int[] sources = sourcesByDestination(offsets);
    int[] outDegree = new int[nodeCount];
    int kept = 0;
    for (int v = 0; v < nodeCount; v++) {
      int start = offsets[v];
      int end = offsets[v + 1];
      Arrays.sort(sources, start, end);
      offsets[v] = kept;
      for (int e = start; e < end; e++) {
        if (e == start || sources[e] != sources[e - 1]) {
          sources[kept++] = sources[e];
          outDegree[sources[e]]++;
        }
      }
    }
    offsets[nodeCount] = kept;
    return new CsrGraph(offsets, Arrays.copyOf(sources, kept), outDegree);
  }

  /** A stable counting sort of the sources by destination; fills in {@code offsets}. */
  private int[] sourcesByDestination(int[] offsets) {
    for (int i = 0; i < size; i++) {
      offsets[to[i] + 1]++;
    }
    for (int v = 0; v < nodeCount; v++) {
      offsets[v + 1] += offsets[v];
    }
    int[] next = Arrays.copyOf(offsets, nodeCount);
    int[] sources = new int[size];
    for (int i = 0; i < size; i++) {
      sources[next[to[i]]++] = from[i];
    }
    return sources;
  }
}
