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
 * Near-duplicates with {@code duplicates.cl}: the buckets are sorted on the host (the same
 * {@link Buckets} the Java backend uses, a linear counting sort), the all-pairs comparisons within
 * buckets run on the device. So both backends look at exactly the same candidate pairs.
 */
public final class ClPairScan {

  private static final int LOCAL_SIZE = 64;

  private ClPairScan() {}

  public static NearDuplicates run(ClSession session, long[] fingerprints, int maxDistance,
      ForkJoinRunner hostThreads) {
    StepClock clock = new StepClock(session.device().info().id());
    BlockPlan plan = BlockPlan.of(maxDistance, fingerprints.length);
    int n = fingerprints.length;
    if (n < 2) {
      return PairAssembly.assemble(maxDistance, fingerprints, new long[0], clock::finish);
    }
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

    int capacity = Math.max(1 << 16, n);
    int[] found = new int[1];
    while (true) {
      cl_mem out = session.buffer("duplicates.out", 8L * capacity);
      session.zero(counter, 4);
      ClArgs.set(kernel, fp, order, starts, shiftBuffer, maskBuffer, blocks, n,
          plan.bucketCount(), plan.hashed() ? 1 : 0, plan.bucketBits(), maxDistance, out, counter,
          capacity);
      int local = session.groupSize(kernel, LOCAL_SIZE);
      session.run(kernel, ClSession.globalSize((long) blocks * n, local), local);
      session.read(counter, Pointer.to(found), 4, clock);
      if (found[0] >= 0 && found[0] <= capacity) {
        long[] pairs = new long[found[0]];
        session.read(out, Pointer.to(pairs), 8L * pairs.length, clock);
        return PairAssembly.assemble(maxDistance, fingerprints, pairs, clock::finish);
      }
      if (found[0] < 0 || capacity == Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("more than " + capacity + " near-duplicate pairs among "
            + n + " documents at distance " + maxDistance + ": too many to hold");
      }
      capacity = (int) Math.min(Integer.MAX_VALUE - 8, (long) found[0] + (found[0] >> 3));
    }
  }
}
