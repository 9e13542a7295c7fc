package dev.sitepulse.analytics.internal.duplicates;

import dev.sitepulse.analytics.internal.parallel.ForkJoinRunner;

/**
 * For every block of a {@link BlockPlan}, the documents sorted by bucket with a counting sort: the
 * documents of bucket {@code k} in block {@code b} are {@code order[b * n + starts[b * (B + 1) + k]
 * ...]} up to the next start, ascending by document number. Both backends compare within these
 * buckets; the OpenCL one uploads the arrays as they are.
 */
public record Buckets(BlockPlan plan, int documents, int[] order, int[] starts) {

  public static Buckets sort(BlockPlan plan, long[] fingerprints, ForkJoinRunner runner) {
    int n = fingerprints.length;
    int blocks = plan.blocks();
    int width = plan.bucketCount() + 1;
    int[] order = new int[blocks * n];
    int[] starts = new int[blocks * width];
    runner.forEach(blocks, b -> sortBlock(plan, fingerprints, b, order, starts));
    return new Buckets(plan, n, order, starts);
  }

  private static void sortBlock(BlockPlan plan, long[] fingerprints, int block, int[] order,
      int[] starts) {
    int n = fingerprints.length;
    int buckets = plan.bucketCount();
    int base = block * (buckets + 1);
    int[] keys = new int[n];
    for (int i = 0; i < n; i++) {
      int key = plan.bucketOf(fingerprints[i], block);
      keys[i] = key;
      starts[base + key + 1]++;
    }
    for (int k = 0; k < buckets; k++) {
      starts[base + k + 1] += starts[base + k];
    }
    int[] next = new int[buckets];
    System.arraycopy(starts, base, next, 0, buckets);
    int offset = block * n;
    for (int i = 0; i < n; i++) {
      order[offset + next[keys[i]]++] = i;
    }
  }

  /** Start of bucket {@code key} in block {@code block}, as a position within the block. */
  public int start(int block, int key) {
    return starts[block * (plan.bucketCount() + 1) + key];
  }
}
