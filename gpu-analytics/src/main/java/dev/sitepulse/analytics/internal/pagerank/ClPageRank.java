package dev.sitepulse.analytics.internal.pagerank;

import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.DeviceInfo;
import dev.sitepulse.analytics.PageRankConfig;
import dev.sitepulse.analytics.PageRankResult;
import dev.sitepulse.analytics.internal.opencl.ClArgs;
import dev.sitepulse.analytics.internal.opencl.ClSession;
import dev.sitepulse.analytics.internal.timing.StepClock;
import java.util.List;
import org.jocl.Pointer;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * PageRank with {@code pagerank.cl}: the graph, the out-degrees and the hub slots go to the
 * device once (the sources are renumbered and the start values made there), then each iteration
 * is one kernel launch over ping-pong rank and contribution buffers (on GPUs four: the nodes of
 * many in-edges are summed in chunks, and the work-groups' partial sums added on the device) plus
 * a read of the partial sums (256 bytes on a 2-core CPU device, 16 on a GPU), from which the host
 * takes the L1 change and the dangling mass for the next iteration. How an iteration is cut into
 * work-items depends on the device ({@link Variant}).
 * Ranks are double on devices with cl_khr_fp64, float otherwise; contributions are float until
 * {@link ContribPrecision} widens them, as in {@link JavaPageRank}.
 */
public final class ClPageRank {

  /** How an iteration is cut into work-items; chosen per device by {@link #variantFor}. */
  public enum Variant {
    /**
     * GPUs: a few work-items per node ({@code pagerank_step}), and for the nodes with
     * {@value ClPageRank#HEAVY_DEGREE} or more in-edges a work-group per chunk of
     * {@value ClPageRank#HEAVY_CHUNK_EDGES} in-edges ({@code pagerank_heavy_chunks}), then a
     * work-item per node adding its chunks ({@code pagerank_settle_heavy}).
     */
    NODES,
    /**
     * CPU devices: a few work-items per core, each looping over a range of nodes cut to hold about
     * as many edges as the others ({@code pagerank_step_ranges}), which is how a CPU likes the loop.
     */
    RANGES
  }

  /** In-edges from which a GPU sums a node's apart, in chunks: about two warps' worth. */
  public static final int HEAVY_DEGREE = 64;
  /**
   * The most in-edges of a heavy node that one work-group sums on a GPU (32 per work-item of 64):
   * a hub's are cut into chunks of this many, so that no group waits for one long row.
   */
  public static final int HEAVY_CHUNK_EDGES = 2048;
  static final String PROGRAM = "pagerank.cl";
  static final int LOCAL_SIZE = 256;

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
    // Every large buffer of the run is made before anything is copied, the double contributions
    // too: a device without room for them refuses the call (ClSession.buffer) before any work,
    // not after the graph's copy or the float iterations.
    DeviceGraph onDevice = graphBuffers(session, graph, realBytes);
    DeviceRanks[] sides = {
        new DeviceRanks(session.buffer("pagerank.rankA", (long) realBytes * n),
            session.buffer("pagerank.contribA", 4L * n)), // float until widened, as in Java
        new DeviceRanks(session.buffer("pagerank.rankB", (long) realBytes * n),
            session.buffer("pagerank.contribB", 4L * n))};
    // Without fp64 the ranks are float too, and wider contributions would gain nothing.
    cl_mem[] wideContribs = !fp64 ? null : new cl_mem[] {
        session.buffer("pagerank.wideContribA", (long) realBytes * n),
        session.buffer("pagerank.wideContribB", (long) realBytes * n)};
    ClSteps steps = ClSteps.of(variant, session, graph, options, realBytes, clock);
    upload(session, graph, onDevice, options, clock);
    runKernel(session, "pagerank_init", options, n, clock, onDevice.outDegree(), onDevice.slot(),
        sides[0].rank(), onDevice.invOut(), sides[0].contrib(), n);

    int danglingNodes = 0;
    for (int out : graph.outDegree()) {
      danglingNodes += out == 0 ? 1 : 0;
    }
    double dangling = danglingNodes * (1.0 / n);
    int iterations = 0;
    double change = Double.POSITIVE_INFINITY;
    int current = 0;
    boolean wide = wideContribs == null;
    ContribPrecision precision = new ContribPrecision();
    while (iterations < config.maxIterations() && !(change < config.tolerance())) {
      if (!wide && precision.needsDouble(change)) {
        String wideOptions = options + " -DWIDE_CONTRIB";
        sides = new DeviceRanks[] {
            new DeviceRanks(sides[0].rank(), wideContribs[0]),
            new DeviceRanks(sides[1].rank(), wideContribs[1])};
        runKernel(session, "pagerank_widen", wideOptions, n, clock, sides[current].rank(),
            onDevice.invOut(), onDevice.slot(), sides[current].contrib(), n);
        steps.rebuild(wideOptions);
        wide = true;
      }
      double base = (1 - config.damping()) / n + config.damping() * dangling / n;
      steps.launch(sides[current], sides[1 - current], onDevice, real(base, fp64),
          real(config.damping(), fp64));
      double[] sums = readReals(session, steps.partials(), 2 * steps.partialPairs(), fp64, clock);
      change = 0;
      dangling = 0;
      for (int pair = 0; pair < steps.partialPairs(); pair++) {
        change += sums[2 * pair];
        dangling += sums[2 * pair + 1];
      }
      current = 1 - current;
      iterations++;
    }
    double[] ranks = readReals(session, sides[current].rank(), n, fp64, clock);
    return new PageRankResult(ranks, iterations, change, change < config.tolerance(),
        TopRanks.select(ranks, graph, config.topN()), clock.finish());
  }

  /** Room for the CSR, the out-degrees and the hub slots. */
  private static DeviceGraph graphBuffers(ClSession session, CsrGraph graph, int realBytes) {
    int n = graph.nodeCount();
    return new DeviceGraph(session.buffer("pagerank.offsets", 4L * (n + 1)),
        session.buffer("pagerank.sources", 4L * graph.edgeCount()),
        session.buffer("pagerank.outDegree", 4L * n),
        session.buffer("pagerank.invOut", (long) realBytes * n),
        session.buffer("pagerank.slot", 4L * n));
  }

  /** The CSR, the out-degrees and the hub slots, copied once; the sources renumbered there. */
  private static void upload(ClSession session, CsrGraph graph, DeviceGraph onDevice, String options,
      StepClock clock) {
    int n = graph.nodeCount();
    int m = graph.edgeCount();
    session.write(onDevice.offsets(), Pointer.to(graph.offsets()), 4L * (n + 1), clock);
    session.write(onDevice.sources(), Pointer.to(graph.sources()), 4L * m, clock);
    session.write(onDevice.outDegree(), Pointer.to(graph.outDegree()), 4L * n, clock);
    session.write(onDevice.slot(), Pointer.to(HubOrder.slots(graph.outDegree())), 4L * n, clock);
    if (m > 0) {
      runKernel(session, "pagerank_renumber", options, m, clock, onDevice.sources(), onDevice.slot(),
          m);
    }
  }

  /** Enqueues a kernel with one work-item per item. */
  private static void runKernel(ClSession session, String name, String options, int items,
      StepClock clock, Object... args) {
    cl_kernel kernel = session.kernel(PROGRAM, options, name, clock);
    ClArgs.set(kernel, args);
    int local = session.groupSize(kernel, LOCAL_SIZE);
    session.run(kernel, ClSession.globalSize(items, local), local);
  }

  /** The graph as the device holds it; ranks are indexed by node, contributions by hub slot. */
  record DeviceGraph(cl_mem offsets, cl_mem sources, cl_mem outDegree, cl_mem invOut,
      cl_mem slot) {}

  /** One side of the ping-pong: ranks and the contributions made from them. */
  record DeviceRanks(cl_mem rank, cl_mem contrib) {}

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
