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
 * GPUs: {@code pagerank_step}, a few adjacent work-items per node ({@link NodeLanes}); for the
 * nodes with {@value ClPageRank#HEAVY_DEGREE} or more in-edges, {@code pagerank_heavy_chunks}, a
 * work-group per chunk of {@value ClPageRank#HEAVY_CHUNK_EDGES} in-edges at most
 * ({@link HeavyChunks}), then {@code pagerank_settle_heavy}, a work-item per heavy node adding its
 * chunks' sums. The heavy nodes' partial sums follow the first step's, and {@link DeviceTotals}
 * adds them all up on the device: the host reads one pair.
 */
final class NodeSteps implements ClSteps {

  private static final int HEAVY_LOCAL_SIZE = 64;

  private final ClSession session;
  private final StepClock clock;
  private final int nodes;
  /** Lanes per node the graph asks for; fewer if a build allows smaller groups. */
  private final int wantedLanes;
  private final int realBytes;
  private final int heavyCount;
  private final int chunkCount;
  private final cl_mem heavyNodes;
  private final cl_mem heavyFirst;
  private final cl_mem chunks;
  private final cl_mem chunkSums;
  private final DeviceTotals totals;
  private cl_mem partials; // a pair per work-group of the light and the settle step
  private cl_kernel step;
  private int local;
  private int lanes;
  private int groups;
  private cl_kernel chunkStep; // null without heavy nodes
  private int chunkLocal;
  private int chunkGroups;
  private cl_kernel settleStep; // null without heavy nodes
  private int settleLocal;
  private int settleGroups;

  NodeSteps(ClSession session, CsrGraph graph, String options, int realBytes, StepClock clock) {
    this.session = session;
    this.clock = clock;
    this.nodes = graph.nodeCount();
    this.wantedLanes = NodeLanes.of(graph.offsets(), ClPageRank.HEAVY_DEGREE);
    this.realBytes = realBytes;
    int[] heavy = HeavyNodes.of(graph.offsets(), ClPageRank.HEAVY_DEGREE);
    HeavyChunks cut = HeavyChunks.of(graph.offsets(), heavy, ClPageRank.HEAVY_CHUNK_EDGES);
    this.heavyCount = heavy.length;
    this.chunkCount = cut.count();
    this.heavyNodes = session.buffer("pagerank.heavy", 4L * Math.max(1, heavyCount));
    this.heavyFirst = session.buffer("pagerank.heavyFirst", 4L * (heavyCount + 1));
    this.chunks = session.buffer("pagerank.chunks", 8L * Math.max(1, chunkCount));
    this.chunkSums = session.buffer("pagerank.chunkSums",
        (long) realBytes * Math.max(1, chunkCount));
    if (heavyCount > 0) {
      session.write(heavyNodes, Pointer.to(heavy), 4L * heavyCount, clock);
      session.write(heavyFirst, Pointer.to(cut.first), 4L * (heavyCount + 1), clock);
      session.write(chunks, Pointer.to(cut.bounds), 8L * chunkCount, clock);
    }
    this.totals = new DeviceTotals(session, realBytes, clock);
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
    if (heavyCount > 0) {
      chunkStep = session.kernel(ClPageRank.PROGRAM, options, "pagerank_heavy_chunks", clock);
      chunkLocal = session.groupSize(chunkStep, HEAVY_LOCAL_SIZE);
      // A group per chunk, the device balancing them, unless that launch would not fit an int.
      chunkGroups = Math.min(chunkCount, Integer.MAX_VALUE / chunkLocal);
      settleStep = session.kernel(ClPageRank.PROGRAM, options, "pagerank_settle_heavy", clock);
      settleLocal = session.groupSize(settleStep, ClPageRank.LOCAL_SIZE);
      settleGroups = (int) (ClSession.globalSize(heavyCount, settleLocal) / settleLocal);
    }
    partials = session.buffer("pagerank.partials", 2L * realBytes * (groups + settleGroups));
    totals.rebuild(options);
  }

  @Override
  public void launch(DeviceRanks from, DeviceRanks to, DeviceGraph graph, Object base,
      Object damping) {
    ClArgs.set(step, graph.offsets(), graph.sources(), from.contrib(), from.rank(),
        graph.invOut(), graph.slot(), to.rank(), to.contrib(), partials, nodes,
        ClPageRank.HEAVY_DEGREE, lanes, base, damping, new ClArgs.Local(2L * realBytes * local));
    session.run(step, (long) groups * local, local);
    if (chunkStep != null) {
      ClArgs.set(chunkStep, graph.sources(), from.contrib(), chunks, chunkSums, chunkCount,
          new ClArgs.Local(2L * realBytes * chunkLocal));
      session.run(chunkStep, (long) chunkGroups * chunkLocal, chunkLocal);
      ClArgs.set(settleStep, heavyNodes, heavyFirst, chunkSums, from.rank(), graph.invOut(),
          graph.slot(), to.rank(), to.contrib(), partials, heavyCount, groups, base, damping,
          new ClArgs.Local(2L * realBytes * settleLocal));
      session.run(settleStep, (long) settleGroups * settleLocal, settleLocal);
    }
    totals.launch(partials, groups + settleGroups);
  }

  /** One: the work-groups' pairs are added on the device. */
  @Override
  public int partialPairs() {
    return 1;
  }

  @Override
  public cl_mem partials() {
    return totals.totals();
  }
}
