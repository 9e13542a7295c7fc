package dev.sitepulse.analytics.internal.pagerank;

import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.internal.opencl.ClArgs;
import dev.sitepulse.analytics.internal.opencl.ClSession;
import dev.sitepulse.analytics.internal.pagerank.ClPageRank.DeviceGraph;
import dev.sitepulse.analytics.internal.pagerank.ClPageRank.DeviceRanks;
import dev.sitepulse.analytics.internal.timing.StepClock;
import org.jocl.Pointer;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * GPUs: {@code pagerank_step}, a few adjacent work-items per node ({@link NodeLanes}), and
 * {@code pagerank_step_heavy}, a work-group for each node with {@value ClPageRank#HEAVY_DEGREE} or
 * more in-edges, which a fixed number of groups take in turn. The heavy step's partial sums follow
 * the first step's.
 */
final class NodeSteps implements ClSteps {

  private static final int HEAVY_LOCAL_SIZE = 64;
  /** Work-groups per compute unit that take the heavy nodes in turn. */
  private static final int HEAVY_GROUPS_PER_UNIT = 16;

  private final ClSession session;
  private final StepClock clock;
  private final int nodes;
  /** Lanes per node the graph asks for; fewer if a build allows smaller groups. */
  private final int wantedLanes;
  private final int realBytes;
  private final int heavyCount;
  private final int heavyGroups;
  private final cl_mem heavyNodes;
  private cl_mem partials;
  private cl_kernel step;
  private int local;
  private int lanes;
  private int groups;
  private cl_kernel heavyStep; // null without heavy nodes
  private int heavyLocal;

  NodeSteps(ClSession session, CsrGraph graph, String options, int realBytes, StepClock clock) {
    this.session = session;
    this.clock = clock;
    this.nodes = graph.nodeCount();
    this.wantedLanes = NodeLanes.of(graph.offsets(), ClPageRank.HEAVY_DEGREE);
    this.realBytes = realBytes;
    int[] heavy = HeavyNodes.of(graph.offsets(), ClPageRank.HEAVY_DEGREE);
    this.heavyCount = heavy.length;
    this.heavyGroups = Math.min(heavyCount,
        session.device().info().computeUnits() * HEAVY_GROUPS_PER_UNIT);
    this.heavyNodes = session.buffer("pagerank.heavy", 4L * Math.max(1, heavyCount));
    if (heavyCount > 0) {
      session.write(heavyNodes, Pointer.to(heavy), 4L * heavyCount, clock);
    }
    rebuild(options);
  }

  /**
   * Group sizes, and so the number of partial sums, too: a build with wider values may need more
   * registers, and a GPU then allows fewer work-items per group (CL_INVALID_WORK_GROUP_SIZE
   * otherwise).
   */
  @Override
  public void rebuild(String options) {
    step = session.kernel(ClPageRank.PROGRAM, options, "pagerank_step", clock);
    local = session.groupSize(step, ClPageRank.LOCAL_SIZE);
    lanes = Math.min(wantedLanes, local);
    groups = (int) (ClSession.globalSize((long) nodes * lanes, local) / local);
    if (heavyGroups > 0) {
      heavyStep = session.kernel(ClPageRank.PROGRAM, options, "pagerank_step_heavy", clock);
      heavyLocal = session.groupSize(heavyStep, HEAVY_LOCAL_SIZE);
    }
    partials = session.buffer("pagerank.partials", 2L * realBytes * partialPairs());
  }

  @Override
  public void launch(DeviceRanks from, DeviceRanks to, DeviceGraph graph, Object base,
      Object damping) {
    ClArgs.set(step, graph.offsets(), graph.sources(), from.contrib(), from.rank(),
        graph.invOut(), graph.slot(), to.rank(), to.contrib(), partials, nodes,
        ClPageRank.HEAVY_DEGREE, lanes, base, damping, new ClArgs.Local(2L * realBytes * local));
    session.run(step, (long) groups * local, local);
    if (heavyStep != null) {
      ClArgs.set(heavyStep, graph.offsets(), graph.sources(), from.contrib(), from.rank(),
          graph.invOut(), graph.slot(), to.rank(), to.contrib(), partials, heavyNodes,
          heavyCount, groups, base, damping, new ClArgs.Local(2L * realBytes * heavyLocal));
      session.run(heavyStep, (long) heavyGroups * heavyLocal, heavyLocal);
    }
  }

  @Override
  public int partialPairs() {
    return groups + heavyGroups;
  }

  @Override
  public cl_mem partials() {
    return partials;
  }
}
