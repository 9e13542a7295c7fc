package dev.sitepulse.analytics.internal.pagerank;

import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.internal.opencl.ClArgs;
import dev.sitepulse.analytics.internal.opencl.ClSession;
import dev.sitepulse.analytics.internal.parallel.Partition;
import dev.sitepulse.analytics.internal.timing.StepClock;
import org.jocl.Pointer;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * The kernel launches of one PageRank iteration for a {@link ClPageRank.Variant}, with what they
 * need besides the graph: the node ranges of a CPU device, or a GPU's heavy nodes. Each work-group
 * (or range) leaves two partial sums, |change| and dangling rank, in {@link #partials()}.
 */
final class ClSteps {

  private static final String PROGRAM = "pagerank.cl";
  private static final int LOCAL_SIZE = 256;
  private static final int HEAVY_LOCAL_SIZE = 64;
  /** Work-groups per compute unit that take the heavy nodes in turn. */
  private static final int HEAVY_GROUPS_PER_UNIT = 16;
  /** On CPU devices: node ranges per compute unit, enough to even out the R-MAT hubs. */
  private static final int RANGES_PER_UNIT = 8;

  private final ClSession session;
  private final boolean ranges;
  private final int nodes;
  private final int realBytes;
  private final StepClock clock;
  private cl_kernel step;
  private final int local;
  private final int groups;
  private final cl_mem bounds;
  private cl_kernel heavyStep; // null without heavy nodes
  private final int heavyCount;
  private final int heavyLocal;
  private final int heavyGroups;
  private final cl_mem heavyNodes;
  private final cl_mem partials;

  ClSteps(ClSession session, CsrGraph graph, ClPageRank.Variant variant, String options,
      int realBytes, StepClock clock) {
    this.session = session;
    this.ranges = variant == ClPageRank.Variant.RANGES;
    this.nodes = graph.nodeCount();
    this.realBytes = realBytes;
    this.clock = clock;
    this.step = session.kernel(PROGRAM, options, stepName(), clock);
    int units = session.device().info().computeUnits();
    this.local = ranges ? 1 : session.groupSize(step, LOCAL_SIZE);
    this.groups = ranges ? units * RANGES_PER_UNIT
        : (int) (ClSession.globalSize(nodes, local) / local);
    this.bounds = session.buffer("pagerank.bounds", 4L * (groups + 1));
    if (ranges) {
      session.write(bounds, Pointer.to(Partition.byEdges(graph.offsets(), groups)),
          4L * (groups + 1), clock);
    }
    int[] heavy = ranges ? new int[0] : HeavyNodes.of(graph.offsets(), ClPageRank.HEAVY_DEGREE);
    this.heavyCount = heavy.length;
    this.heavyGroups = Math.min(heavyCount, units * HEAVY_GROUPS_PER_UNIT);
    this.heavyStep = heavyGroups == 0 ? null
        : session.kernel(PROGRAM, options, "pagerank_step_heavy", clock);
    this.heavyLocal = heavyGroups == 0 ? 0 : session.groupSize(heavyStep, HEAVY_LOCAL_SIZE);
    this.heavyNodes = session.buffer("pagerank.heavy", 4L * Math.max(1, heavyCount));
    if (heavyCount > 0) {
      session.write(heavyNodes, Pointer.to(heavy), 4L * heavyCount, clock);
    }
    // The step's partial sums, then the heavy step's.
    this.partials = session.buffer("pagerank.partials", 2L * realBytes * partialPairs());
  }

  private String stepName() {
    return ranges ? "pagerank_step_ranges" : "pagerank_step";
  }

  /** The same kernels built with other options (wider contributions). */
  void rebuild(String options) {
    step = session.kernel(PROGRAM, options, stepName(), clock);
    if (heavyStep != null) {
      heavyStep = session.kernel(PROGRAM, options, "pagerank_step_heavy", clock);
    }
  }

  /** How many (|change|, dangling) pairs an iteration leaves in {@link #partials()}. */
  int partialPairs() {
    return groups + heavyGroups;
  }

  cl_mem partials() {
    return partials;
  }

  /** Enqueues one iteration from {@code from} to {@code to}; base and damping are device reals. */
  void launch(ClPageRank.DeviceRanks from, ClPageRank.DeviceRanks to,
      ClPageRank.DeviceGraph graph, Object base, Object damping) {
    if (ranges) {
      ClArgs.set(step, graph.offsets(), graph.sources(), from.contrib(), from.rank(),
          graph.invOut(), graph.slot(), to.rank(), to.contrib(), partials, bounds, base, damping);
    } else {
      ClArgs.set(step, graph.offsets(), graph.sources(), from.contrib(), from.rank(),
          graph.invOut(), graph.slot(), to.rank(), to.contrib(), partials, nodes,
          ClPageRank.HEAVY_DEGREE, base, damping, new ClArgs.Local(2L * realBytes * local));
    }
    session.run(step, (long) groups * local, local);
    if (heavyStep != null) {
      ClArgs.set(heavyStep, graph.offsets(), graph.sources(), from.contrib(), from.rank(),
          graph.invOut(), graph.slot(), to.rank(), to.contrib(), partials, heavyNodes,
          heavyCount, groups, base, damping, new ClArgs.Local(2L * realBytes * heavyLocal));
      session.run(heavyStep, (long) heavyGroups * heavyLocal, heavyLocal);
    }
  }
}
