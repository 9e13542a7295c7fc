package dev.sitepulse.analytics.internal.pagerank;

import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.internal.opencl.ClArgs;
import dev.sitepulse.analytics.internal.opencl.ClSession;
import dev.sitepulse.analytics.internal.pagerank.ClPageRank.DeviceGraph;
import dev.sitepulse.analytics.internal.pagerank.ClPageRank.DeviceRanks;
import dev.sitepulse.analytics.internal.parallel.Partition;
import dev.sitepulse.analytics.internal.timing.StepClock;
import org.jocl.Pointer;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * CPU devices: {@code pagerank_step_ranges}, a few work-items per compute unit, each looping over a
 * range of nodes cut to hold about as many edges as the others, as a core likes the loop.
 */
final class RangeSteps implements ClSteps {

  /** Node ranges per compute unit, enough to even out the R-MAT hubs. */
  private static final int RANGES_PER_UNIT = 8;

  private final ClSession session;
  private final StepClock clock;
  private final int ranges;
  private final cl_mem bounds;
  private final cl_mem partials;
  private cl_kernel step;

  RangeSteps(ClSession session, CsrGraph graph, String options, int realBytes, StepClock clock) {
    this.session = session;
    this.clock = clock;
    this.ranges = session.device().info().computeUnits() * RANGES_PER_UNIT;
    this.bounds = session.buffer("pagerank.bounds", 4L * (ranges + 1));
    session.write(bounds, Pointer.to(Partition.byEdges(graph.offsets(), ranges)),
        4L * (ranges + 1), clock);
    this.partials = session.buffer("pagerank.partials", 2L * realBytes * ranges);
    rebuild(options);
  }

  @Override
  public void rebuild(String options) {
    step = session.kernel(ClPageRank.PROGRAM, options, "pagerank_step_ranges", clock);
  }

  @Override
  public void launch(DeviceRanks from, DeviceRanks to, DeviceGraph graph, Object base,
      Object damping) {
    ClArgs.set(step, graph.offsets(), graph.sources(), from.contrib(), from.rank(),
        graph.invOut(), graph.slot(), to.rank(), to.contrib(), partials, bounds, base, damping);
    session.run(step, ranges, 1);
  }

  @Override
  public int partialPairs() {
    return ranges;
  }

  @Override
  public cl_mem partials() {
    return partials;
  }
}
