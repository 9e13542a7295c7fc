package dev.sitepulse.analytics.internal.pagerank;

import dev.sitepulse.analytics.internal.opencl.ClArgs;
import dev.sitepulse.analytics.internal.opencl.ClSession;
import dev.sitepulse.analytics.internal.timing.StepClock;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * Adds an iteration's partial sums on the device ({@code pagerank_sum_partials}, one work-group,
 * fixed order), so that the host reads one (|change|, dangling) pair, 16 bytes, instead of one per
 * work-group: on a GPU the benchmark graph leaves about 8,400 pairs, 134 KB in double to copy
 * back over PCIe and add on the host every iteration, behind a blocking read. CPU devices leave a
 * few dozen, and a read there is a memcpy: adding them on the device measured slower on PoCL.
 */
final class DeviceTotals {

  private static final int LOCAL_SIZE = 256;

  private final ClSession session;
  private final StepClock clock;
  private final int realBytes;
  private final cl_mem totals;
  private cl_kernel kernel;
  private int local;

  DeviceTotals(ClSession session, int realBytes, StepClock clock) {
    this.session = session;
    this.clock = clock;
    this.realBytes = realBytes;
    this.totals = session.buffer("pagerank.totals", 2L * realBytes);
  }

  void rebuild(String options) {
    kernel = session.kernel(ClPageRank.PROGRAM, options, "pagerank_sum_partials", clock);
    local = session.groupSize(kernel, LOCAL_SIZE);
  }

  /** Enqueues adding {@code pairs} pairs of {@code partials} into {@link #totals()}. */
  void launch(cl_mem partials, int pairs) {
    ClArgs.set(kernel, partials, pairs, totals, new ClArgs.Local(2L * realBytes * local));
    session.run(kernel, local, local);
  }

  cl_mem totals() {
    return totals;
  }
}
