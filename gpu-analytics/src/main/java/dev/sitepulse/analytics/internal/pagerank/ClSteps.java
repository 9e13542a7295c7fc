package dev.sitepulse.analytics.internal.pagerank;

import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.internal.opencl.ClSession;
import dev.sitepulse.analytics.internal.pagerank.ClPageRank.DeviceGraph;
import dev.sitepulse.analytics.internal.pagerank.ClPageRank.DeviceRanks;
import dev.sitepulse.analytics.internal.timing.StepClock;
import org.jocl.cl_mem;

/**
 * The kernel launches of one PageRank iteration, one implementation per {@link ClPageRank.Variant},
 * each with what it needs besides the graph. An iteration leaves pairs of partial sums, |change|
 * and dangling rank, in {@link #partials()}, which the host reads and adds in order: one per range
 * on CPU devices (a few dozen), one in all on GPUs, whose thousands of work-groups' pairs are
 * added on the device.
 */
interface ClSteps {

  static ClSteps of(ClPageRank.Variant variant, ClSession session, CsrGraph graph, String options,
      int realBytes, StepClock clock) {
    return switch (variant) {
      case RANGES -> new RangeSteps(session, graph, options, realBytes, clock);
      case NODES -> new NodeSteps(session, graph, options, realBytes, clock);
    };
  }

  /** The same kernels built with other options (wider contributions); may change the partials. */
  void rebuild(String options);

  /** Enqueues one iteration from {@code from} to {@code to}; base and damping are device reals. */
  void launch(DeviceRanks from, DeviceRanks to, DeviceGraph graph, Object base, Object damping);

  /** How many (|change|, dangling) pairs an iteration leaves in {@link #partials()}. */
  int partialPairs();

  cl_mem partials();
}
