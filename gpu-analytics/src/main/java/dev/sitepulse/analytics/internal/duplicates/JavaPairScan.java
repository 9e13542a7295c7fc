package dev.sitepulse.analytics.internal.duplicates;

import dev.sitepulse.analytics.NearDuplicates;
import dev.sitepulse.analytics.internal.parallel.ForkJoinRunner;
import dev.sitepulse.analytics.internal.timing.StepClock;

/**
 * Near-duplicates on the Java threads: one fingerprint per group of copies, bucketed by every
 * block (see {@link BlockPlan}), then all pairs compared within each bucket. The work is split
 * into tasks of whole buckets, each handing its pairs to the {@link PairSink} a batch at a time.
 */
public final class JavaPairScan {

  private static final int BATCH = 4096;

  private JavaPairScan() {}

  public static NearDuplicates run(long[] fingerprints, int maxDistance, ForkJoinRunner runner,
      String device) {
    StepClock clock = new StepClock(device);
    FingerprintGroups groups = FingerprintGroups.of(fingerprints);
    long[] distinct = groups.distinct();
    BlockPlan plan = BlockPlan.of(maxDistance, distinct.length);
    PairSink sink = new PairSink(groups, fingerprints.length);
    if (distinct.length >= 2) {
      Buckets buckets = Buckets.sort(plan, distinct, runner);
      int slices = Math.min(runner.parallelism() * 16, plan.bucketCount());
      runner.forEach(plan.blocks() * slices,
          t -> scan(buckets, distinct, t / slices, t % slices, slices, sink));
    }
    return sink.finish(maxDistance, fingerprints, clock::finishOnHost);
  }

  private static void scan(Buckets buckets, long[] fingerprints, int block, int slice,
      int slices, PairSink sink) {
    BlockPlan plan = buckets.plan();
    int[] order = buckets.order();
    int base = block * buckets.documents();
    int firstKey = (int) ((long) plan.bucketCount() * slice / slices);
    int endKey = (int) ((long) plan.bucketCount() * (slice + 1) / slices);
    long[] batch = new long[BATCH];
    int found = 0;
    for (int key = firstKey; key < endKey; key++) {
      int end = base + buckets.start(block, key + 1);
      for (int p = base + buckets.start(block, key); p < end - 1; p++) {
        int a = order[p];
        long fa = fingerprints[a];
        for (int q = p + 1; q < end; q++) {
          int c = order[q];
          if (plan.reports(fa ^ fingerprints[c], block)) {
            batch[found++] = (long) a << 32 | c; // a < c: buckets hold documents in ascending order
            if (found == BATCH) {
              sink.accept(batch, found);
              found = 0;
            }
          }
        }
      }
    }
    sink.accept(batch, found);
  }
}
