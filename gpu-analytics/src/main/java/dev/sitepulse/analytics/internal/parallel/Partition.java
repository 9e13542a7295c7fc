package dev.sitepulse.analytics.internal.parallel;

/** Splits index ranges into chunks of about equal work. */
public final class Partition {

  private Partition() {}

  /** {@code chunks + 1} bounds splitting 0..length into chunks of about equal size. */
  public static int[] even(int length, int chunks) {
    int[] bounds = new int[chunks + 1];
    for (int c = 0; c <= chunks; c++) {
      bounds[c] = (int) ((long) length * c / chunks);
    }
    return bounds;
  }

  /**
   * Bounds splitting the nodes of a CSR into {@code chunks} ranges of about equal cost, counting
   * one unit per node and one per edge ({@code offsets} has nodes + 1 entries). A node with a
   * huge in-degree still lands in a single chunk.
   */
  public static int[] byEdges(int[] offsets, int chunks) {
    int nodes = offsets.length - 1;
    long total = (long) nodes + offsets[nodes];
    int[] bounds = new int[chunks + 1];
    bounds[chunks] = nodes;
    for (int c = 1; c < chunks; c++) {
      long target = total * c / chunks;
      int lo = bounds[c - 1];
      int hi = nodes;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if ((long) mid + offsets[mid] < target) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      bounds[c] = lo;
    }
    return bounds;
  }
}
