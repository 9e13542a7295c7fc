package dev.sitepulse.analytics.internal.duplicates;

import dev.sitepulse.analytics.NearDuplicates;
import dev.sitepulse.analytics.internal.opencl.ClArgs;
import dev.sitepulse.analytics.internal.opencl.ClSession;
import dev.sitepulse.analytics.internal.parallel.ForkJoinRunner;
import dev.sitepulse.analytics.internal.timing.StepClock;
import org.jocl.Pointer;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * Near-duplicates with {@code duplicates.cl}: one fingerprint per group of copies, the buckets
 * sorted on the host (the same {@link Buckets} the Java backend uses, a linear counting sort), the
 * all-pairs comparisons within buckets on the device. So both backends look at exactly the same
 * candidate pairs. The pairs come back a launch at a time into a buffer of fixed size, and go
 * straight to the {@link PairSink}: a launch that finds more than the buffer holds is run again
 * in smaller ones. The host numbers the work-items {@code block * n + position} to split them,
 * and launches each run as 2-D rectangles of positions by blocks ({@link ScanRows}).
 */
public final class ClPairScan {

  private static final int LOCAL_SIZE = 64;
  private static final int MIN_CAPACITY = 1 << 16;
  private static final int MAX_CAPACITY = 1 << 22;

  private ClPairScan() {}

  public static NearDuplicates run(ClSession session, long[] fingerprints, int maxDistance,
      ForkJoinRunner hostThreads) {
    StepClock clock = new StepClock(session.device().info().id());
    FingerprintGroups groups = FingerprintGroups.of(fingerprints);
    long[] distinct = groups.distinct();
    BlockPlan plan = BlockPlan.of(maxDistance, distinct.length);
    PairSink sink = new PairSink(groups, fingerprints.length);
    if (distinct.length >= 2) {
      scan(session, plan, distinct, hostThreads, sink, clock);
    }
    return sink.finish(maxDistance, fingerprints, clock::finish);
  }

  private static void scan(ClSession session, BlockPlan plan, long[] fingerprints,
      ForkJoinRunner hostThreads, PairSink sink, StepClock clock) {
    int n = fingerprints.length;
    Buckets buckets = Buckets.sort(plan, fingerprints, hostThreads);
    cl_kernel kernel = session.kernel("duplicates.cl", "", "scan_buckets", clock);
    int blocks = plan.blocks();
    int[] shifts = new int[blocks];
    long[] masks = new long[blocks];
    for (int b = 0; b < blocks; b++) {
      shifts[b] = plan.shift(b);
      masks[b] = plan.mask(b);
    }
    cl_mem fp = session.buffer("duplicates.fingerprints", 8L * n);
    cl_mem order = session.buffer("duplicates.order", 4L * buckets.order().length);
    cl_mem starts = session.buffer("duplicates.starts", 4L * buckets.starts().length);
    cl_mem shiftBuffer = session.buffer("duplicates.shifts", 4L * blocks);
    cl_mem maskBuffer = session.buffer("duplicates.masks", 8L * blocks);
    cl_mem counter = session.buffer("duplicates.counter", 4);
    session.write(fp, Pointer.to(fingerprints), 8L * n, clock);
    session.write(order, Pointer.to(buckets.order()), 4L * buckets.order().length, clock);
    session.write(starts, Pointer.to(buckets.starts()), 4L * buckets.starts().length, clock);
    session.write(shiftBuffer, Pointer.to(shifts), 4L * blocks, clock);
    session.write(maskBuffer, Pointer.to(masks), 8L * blocks, clock);

    int local = session.groupSize(kernel, LOCAL_SIZE);
    long items = (long) blocks * n;
    // One pair per fingerprint is room enough for most sets in one launch (1M random ones with a
    // third near copies: 328,073 pairs), at 8 bytes a pair and at most 32 MiB.
    int capacity = Math.max(MIN_CAPACITY, Math.min(n, MAX_CAPACITY));
    long[] pairs = new long[capacity];
    int[] found = new int[1];
    long first = 0;
    long span = items;
    while (first < items) {
      long count = Math.min(span, items - first);
      cl_mem out = session.buffer("duplicates.out", 8L * capacity);
      session.zero(counter, 4);
      for (ScanRows rows : ScanRows.cover(first, count, n)) { // one counter for the whole run
        ClArgs.set(kernel, fp, order, starts, shiftBuffer, maskBuffer, n,
            plan.bucketCount(), plan.hashed() ? 1 : 0, plan.bucketBits(), plan.maxDistance(), out,
            counter, capacity, rows.toPosition());
        session.run2d(kernel, rows.fromPosition(),
            ClSession.globalSize(rows.toPosition() - rows.fromPosition(), local), rows.firstBlock(),
            rows.blocks(), local);
      }
      session.read(counter, Pointer.to(found), 4, clock);
      if (found[0] >= 0 && found[0] <= capacity) {
        session.read(out, Pointer.to(pairs), 8L * found[0], clock);
        sink.accept(pairs, found[0]);
        first += count;
        span = 2 * count;
      } else if (count > local) { // a negative count passed 2^31 pairs: too many as well
        // Pairs are spread unevenly over the work-items: aim at 3/4 of the room, in a launch at
        // least half as small, and of one work-group at least.
        span = Math.max(local, found[0] < 0 ? count / 2
            : Math.min(count / 2, count * capacity / found[0] * 3 / 4));
      } else if (found[0] > 0 && found[0] <= Integer.MAX_VALUE - 8) {
        capacity = found[0]; // one work-group finds more than the buffer holds: at most n - 1 each
        pairs = new long[capacity];
      } else {
        throw new IllegalArgumentException("more than 2^31 near-duplicate pairs in one work-group"
            + " of " + local + " among " + n + " distinct fingerprints at distance "
            + plan.maxDistance());
      }
    }
  }
}
