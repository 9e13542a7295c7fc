package dev.sitepulse.analytics.internal.pagerank;

import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.DeviceInfo;
import dev.sitepulse.analytics.PageRankConfig;
import dev.sitepulse.analytics.PageRankResult;
import dev.sitepulse.analytics.internal.opencl.ClArgs;
import dev.sitepulse.analytics.internal.opencl.ClSession;
import dev.sitepulse.analytics.internal.parallel.Partition;
import dev.sitepulse.analytics.internal.timing.StepClock;
import java.util.List;
import org.jocl.Pointer;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * PageRank with {@code pagerank.cl}: the graph, the out-degrees and the hub slots go to the
 * device once (the sources are renumbered and the start values made there), then each iteration
 * is one kernel launch over ping-pong rank and contribution buffers plus a read of the per-group
 * partial sums (a few KiB), from which the host takes the L1 change and the dangling mass for the
 * next iteration. How an iteration is cut into work-items depends on the device ({@link Variant}).
 * Ranks are double on devices with cl_khr_fp64, float otherwise; contributions are float until
 * {@link ContribPrecision} widens them, as in {@link JavaPageRank}.
 */
public final class ClPageRank {

  /** How an iteration is cut into work-items; chosen per device by {@link #variantFor}. */
  public enum Variant {
    /**
     * GPUs: one work-item per node ({@code pagerank_step}), and a work-group for each node with
     * {@value ClPageRank#HEAVY_DEGREE} or more in-edges ({@code pagerank_step_heavy}).
     */
    NODES,
    /**
     * CPU devices: a few work-items per core, each looping over a range of nodes cut to hold about
     * as many edges as the others ({@code pagerank_step_ranges}), which is how a CPU likes the loop.
     */
    RANGES
  }

  private static final int LOCAL_SIZE = 256;
  /** In-edges from which a node gets a work-group of its own on a GPU: about two warps' worth. */
  public static final int HEAVY_DEGREE = 64;
  private static final int HEAVY_LOCAL_SIZE = 64;
  /** Work-groups per compute unit that take the heavy nodes in turn. */
  private static final int HEAVY_GROUPS_PER_UNIT = 16;
  /** On CPU devices: node ranges per compute unit, enough to even out the R-MAT hubs. */
  private static final int RANGES_PER_UNIT = 8;

  private ClPageRank() {}

  public static Variant variantFor(DeviceInfo device) {
    return device.kind() == DeviceInfo.Kind.OPENCL_CPU ? Variant.RANGES : Variant.NODES;
  }

  public static PageRankResult run(ClSession session, CsrGraph graph, PageRankConfig config) {
    DeviceInfo device = session.device().info();
    return run(session, graph, config, device.fp64(), variantFor(device));
  }

  /**
   * With the precision and the kernel variant chosen by the caller, for tests and comparisons.
   *
   * @param fp64 double precision on the device; false runs the float kernel
   */
  public static PageRankResult run(ClSession session, CsrGraph graph, PageRankConfig config,
      boolean fp64, Variant variant) {
    StepClock clock = new StepClock(session.device().info().id());
    int n = graph.nodeCount();
    if (n == 0) {
      return new PageRankResult(new double[0], 0, 0, true, List.of(), clock.finish());
    }
    int realBytes = fp64 ? 8 : 4;
    String options = fp64 ? "-DUSE_FP64" : "";
    boolean ranges = variant == Variant.RANGES;
    String stepName = ranges ? "pagerank_step_ranges" : "pagerank_step";
    cl_kernel kernel = session.kernel("pagerank.cl", options, stepName, clock);
    int local = ranges ? 1 : session.groupSize(kernel, LOCAL_SIZE);
    int units = session.device().info().computeUnits();
    int groups = ranges ? units * RANGES_PER_UNIT : (int) (ClSession.globalSize(n, local) / local);
    int[] heavy = ranges ? new int[0] : HeavyNodes.of(graph.offsets(), HEAVY_DEGREE);
    int heavyGroups = Math.min(heavy.length, units * HEAVY_GROUPS_PER_UNIT);
    cl_kernel heavyKernel = heavyGroups == 0 ? null
        : session.kernel("pagerank.cl", options, "pagerank_step_heavy", clock);
    int heavyLocal = heavyGroups == 0 ? 0 : session.groupSize(heavyKernel, HEAVY_LOCAL_SIZE);

    cl_mem offsets = session.buffer("pagerank.offsets", 4L * (n + 1));
    cl_mem sources = session.buffer("pagerank.sources", 4L * graph.edgeCount()); // renumbered
    cl_mem invOut = session.buffer("pagerank.invOut", (long) realBytes * n);
    cl_mem[] rank = {session.buffer("pagerank.rankA", (long) realBytes * n),
        session.buffer("pagerank.rankB", (long) realBytes * n)};
    cl_mem[] contrib = {session.buffer("pagerank.contribA", 4L * n),
        session.buffer("pagerank.contribB", 4L * n)}; // float until widened, as in Java
    // The step's partial sums, then the heavy step's.
    cl_mem partials = session.buffer("pagerank.partials", 2L * realBytes * (groups + heavyGroups));
    cl_mem bounds = session.buffer("pagerank.bounds", 4L * (groups + 1));
    cl_mem heavyNodes = session.buffer("pagerank.heavy", 4L * Math.max(1, heavy.length));

    cl_mem outDegree = session.buffer("pagerank.outDegree", 4L * n);
    cl_mem slot = session.buffer("pagerank.slot", 4L * n);
    int m = graph.edgeCount();
    session.write(offsets, Pointer.to(graph.offsets()), 4L * (n + 1), clock);
    session.write(sources, Pointer.to(graph.sources()), 4L * m, clock);
    session.write(outDegree, Pointer.to(graph.outDegree()), 4L * n, clock);
    session.write(slot, Pointer.to(HubOrder.slots(graph.outDegree())), 4L * n, clock);
    if (m > 0) {
      cl_kernel renumber = session.kernel("pagerank.cl", options, "pagerank_renumber", clock);
      ClArgs.set(renumber, sources, slot, m);
      int renumberLocal = session.groupSize(renumber, LOCAL_SIZE);
      session.run(renumber, ClSession.globalSize(m, renumberLocal), renumberLocal);
    }
    cl_kernel init = session.kernel("pagerank.cl", options, "pagerank_init", clock);
    ClArgs.set(init, outDegree, slot, rank[0], invOut, contrib[0], n);
    int initLocal = session.groupSize(init, LOCAL_SIZE);
    session.run(init, ClSession.globalSize(n, initLocal), initLocal);
    int danglingNodes = 0;
    for (int out : graph.outDegree()) {
      danglingNodes += out == 0 ? 1 : 0;
    }
    double dangling = danglingNodes * (1.0 / n);
    if (ranges) {
      session.write(bounds, Pointer.to(Partition.byEdges(graph.offsets(), groups)),
          4L * (groups + 1), clock);
    }
    if (heavyGroups > 0) {
      session.write(heavyNodes, Pointer.to(heavy), 4L * heavy.length, clock);
    }

    double[] sums = new double[2 * (groups + heavyGroups)];
    float[] floatSums = fp64 ? null : new float[sums.length];
    int iterations = 0;
    double change = Double.POSITIVE_INFINITY;
    int current = 0;
    // Without fp64 the ranks are float too, and wider contributions would gain nothing.
    boolean wide = !fp64;
    ContribPrecision precision = new ContribPrecision();
    while (iterations < config.maxIterations() && !(change < config.tolerance())) {
      if (!wide && precision.needsDouble(change)) {
        String wideOptions = options + " -DWIDE_CONTRIB";
        contrib = new cl_mem[] {session.buffer("pagerank.wideContribA", (long) realBytes * n),
            session.buffer("pagerank.wideContribB", (long) realBytes * n)};
        cl_kernel widen = session.kernel("pagerank.cl", wideOptions, "pagerank_widen", clock);
        ClArgs.set(widen, rank[current], invOut, slot, contrib[current], n);
        int widenLocal = session.groupSize(widen, LOCAL_SIZE);
        session.run(widen, ClSession.globalSize(n, widenLocal), widenLocal);
        kernel = session.kernel("pagerank.cl", wideOptions, stepName, clock);
        if (heavyGroups > 0) {
          heavyKernel = session.kernel("pagerank.cl", wideOptions, "pagerank_step_heavy", clock);
        }
        wide = true;
      }
      Object base = real((1 - config.damping()) / n + config.damping() * dangling / n, fp64);
      Object damping = real(config.damping(), fp64);
      if (ranges) {
        ClArgs.set(kernel, offsets, sources, contrib[current], rank[current], invOut, slot,
            rank[1 - current], contrib[1 - current], partials, bounds, base, damping);
      } else {
        ClArgs.set(kernel, offsets, sources, contrib[current], rank[current], invOut, slot,
            rank[1 - current], contrib[1 - current], partials, n, HEAVY_DEGREE, base, damping,
            new ClArgs.Local(2L * realBytes * local));
      }
      session.run(kernel, (long) groups * local, local);
      if (heavyGroups > 0) {
        ClArgs.set(heavyKernel, offsets, sources, contrib[current], rank[current], invOut, slot,
            rank[1 - current], contrib[1 - current], partials, heavyNodes, heavy.length, groups,
            base, damping, new ClArgs.Local(2L * realBytes * heavyLocal));
        session.run(heavyKernel, (long) heavyGroups * heavyLocal, heavyLocal);
      }
      if (fp64) {
        session.read(partials, Pointer.to(sums), 8L * sums.length, clock);
      } else {
        session.read(partials, Pointer.to(floatSums), 4L * floatSums.length, clock);
        for (int i = 0; i < sums.length; i++) {
          sums[i] = floatSums[i];
        }
      }
      change = 0;
      dangling = 0;
      for (int g = 0; g < groups + heavyGroups; g++) {
        change += sums[2 * g];
        dangling += sums[2 * g + 1];
      }
      current = 1 - current;
      iterations++;
    }
    double[] ranks = readReals(session, rank[current], n, fp64, clock);
    return new PageRankResult(ranks, iterations, change, change < config.tolerance(),
        TopRanks.select(ranks, graph, config.topN()), clock.finish());
  }

  private static Object real(double value, boolean fp64) {
    return fp64 ? (Object) value : (Object) (float) value;
  }

  private static double[] readReals(ClSession session, cl_mem mem, int n, boolean fp64,
      StepClock clock) {
    double[] values = new double[n];
    if (fp64) {
      session.read(mem, Pointer.to(values), 8L * n, clock);
      return values;
    }
    float[] narrow = new float[n];
    session.read(mem, Pointer.to(narrow), 4L * n, clock);
    for (int i = 0; i < n; i++) {
      values[i] = narrow[i];
    }
    return values;
  }
}
