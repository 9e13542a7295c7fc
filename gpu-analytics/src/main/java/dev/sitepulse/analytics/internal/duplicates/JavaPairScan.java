package dev.sitepulse.analytics.internal.duplicates;

import dev.sitepulse.analytics.NearDuplicates;
import dev.sitepulse.analytics.internal.parallel.ForkJoinRunner;
import dev.sitepulse.analytics.internal.timing.StepClock;

/**
 * Near-duplicates on the Java threads: bucket every block (see {@link BlockPlan}), then compare
 * all pairs within each bucket. The work is split into tasks of whole buckets, each collecting its
 * pairs in its own list.
 */
public final class JavaPairScan {

  private JavaPairScan() {}

  public static NearDuplicates run(long[] fingerprints, int maxDistance, ForkJoinRunner runner,
      String device) {
    StepClock clock = new StepClock(device);
    BlockPlan plan = BlockPlan.of(maxDistance, fingerprints.length);
    if (fingerprints.length < 2) {
      return PairAssembly.assemble(maxDistance, fingerprints, new long[0], clock::finishOnHost);
    }
    Buckets buckets = Buckets.sort(plan, fingerprints, runner);
    int slices = Math.min(runner.parallelism() * 16, plan.bucketCount());
    int tasks = plan.blocks() * slices;
    LongList[] found = new LongList[tasks];
    runner.forEach(tasks, t -> found[t] = scan(buckets, fingerprints, t / slices, t % slices, slices));
    int total = 0;
    for (LongList list : found) {
      total += list.size();
    }
    long[] pairs = new long[total];
    int at = 0;
    for (LongList list : found) {
      list.copyTo(pairs, at);
      at += list.size();
    }
    return PairAssembly.assemble(maxDistance, fingerprints, pairs, clock::finishOnHost);
  }

  private static LongList scan(Buckets buckets, long[] fingerprints, int block, int slice,
      int slices) {
    BlockPlan plan = buckets.plan();
    int[] order = buckets.order();
    int base = block * buckets.documents();
    int firstKey = (int) ((long) plan.bucketCount() * slice / slices);
    int endKey = (int) ((long) plan.bucketCount() * (slice + 1) / slices);
    LongList pairs = new LongList();
    for (int key = firstKey; key < endKey; key++) {
      int end = base + buckets.start(block, key + 1);
      for (int p = base + buckets.start(block, key); p < end - 1; p++) {
        int a = order[p];
        long fa = fingerprints[a];
        for (int q = p + 1; q < end; q++) {
          int c = order[q];
          if (plan.reports(fa ^ fingerprints[c], block)) {
            pairs.add((long) a << 32 | c); // a < c: buckets hold documents in ascending order
          }
        }
      }
    }
    return pairs;
  }
}
