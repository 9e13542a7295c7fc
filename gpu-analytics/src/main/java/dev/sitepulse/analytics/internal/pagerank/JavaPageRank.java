package dev.sitepulse.analytics.internal.pagerank;

import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.PageRankConfig;
import dev.sitepulse.analytics.PageRankResult;
import dev.sitepulse.analytics.internal.parallel.ForkJoinRunner;
import dev.sitepulse.analytics.internal.parallel.Partition;
import dev.sitepulse.analytics.internal.timing.StepClock;

/**
 * Pull-based PageRank on the Java threads. Each iteration is one parallel pass over the nodes: a
 * node sums {@code rank[u] / outDegree[u]} over its in-neighbours (kept ready in {@code contrib}),
 * writes its new rank and its own contribution for the next iteration, and adds its |change| and,
 * if dangling, its rank to its chunk's partial sums. The partials are added in chunk order, so the
 * result does not depend on thread timing.
 *
 * <p>Ranks and sums are always double. Contributions start as float: their gather is the loop's
 * only random access, and halving it made an iteration 2.3x faster on a 2^20-node R-MAT graph.
 * Float contributions carry a noise floor of about 1e-8 in L1, so once the change falls below
 * {@link ContribPrecision#FLOAT_UNTIL} (or stops falling) they turn double for the remaining
 * iterations, and the result converges exactly as an all-double run would (docs/analytics.md).
 * Contributions are stored in {@link HubOrder}, hubs first.
 */
public final class JavaPageRank {

  /** Below this many nodes + edges one chunk is faster than forking. */
  private static final int SERIAL_BELOW = 1 << 15;

  private final CsrGraph graph;
  private final HubOrder order;
  private final double damping;
  private final int[] bounds;
  private final double[] invOut;
  private double[] rank;
  private double[] next;
  private float[] contrib;
  private float[] contribNext;
  private double[] wideContrib; // null until the precision upgrade
  private double[] wideContribNext;
  private final double[] deltas;
  private final double[] danglings;

  private JavaPageRank(CsrGraph graph, HubOrder order, double damping, int chunks) {
    this.graph = graph;
    this.order = order;
    this.damping = damping;
    int n = graph.nodeCount();
    this.bounds = Partition.byEdges(graph.offsets(), chunks);
    this.invOut = new double[n];
    this.rank = new double[n];
    this.next = new double[n];
    this.contrib = new float[n];
    this.contribNext = new float[n];
    this.deltas = new double[chunks];
    this.danglings = new double[chunks];
  }

  public static PageRankResult run(CsrGraph graph, PageRankConfig config, ForkJoinRunner runner,
      String device) {
    StepClock clock = new StepClock(device);
    int n = graph.nodeCount();
    if (n == 0) {
      return new PageRankResult(new double[0], 0, 0, true, java.util.List.of(), clock.finishOnHost());
    }
    long work = (long) n + graph.edgeCount();
    int chunks = work < SERIAL_BELOW ? 1 : runner.parallelism() * 8;
    HubOrder order = HubOrder.of(graph, runner);
    JavaPageRank pr = new JavaPageRank(graph, order, config.damping(), chunks);
    double dangling = pr.initialise();
    int iterations = 0;
    double change = Double.POSITIVE_INFINITY;
    ContribPrecision precision = new ContribPrecision();
    while (iterations < config.maxIterations() && !(change < config.tolerance())) {
      if (pr.wideContrib == null && precision.needsDouble(change)) {
        pr.widen();
      }
      double base = (1 - config.damping()) / n + config.damping() * dangling / n;
      runner.forEach(chunks, c -> pr.step(c, base));
      change = 0;
      dangling = 0;
      for (int c = 0; c < chunks; c++) {
        change += pr.deltas[c];
        dangling += pr.danglings[c];
      }
      pr.swap();
      iterations++;
    }
    return new PageRankResult(pr.rank, iterations, change, change < config.tolerance(),
        TopRanks.select(pr.rank, graph, config.topN()), clock.finishOnHost());
  }

  /** Sets every rank to 1/n and returns the rank mass on dangling nodes. */
  private double initialise() {
    int n = graph.nodeCount();
    int[] outDegree = graph.outDegree();
    double initial = 1.0 / n;
    int danglingNodes = 0;
    for (int v = 0; v < n; v++) {
      rank[v] = initial;
      if (outDegree[v] == 0) {
        danglingNodes++;
      } else {
        invOut[v] = 1.0 / outDegree[v];
        contrib[order.slot[v]] = (float) (initial * invOut[v]);
      }
    }
    return danglingNodes * initial;
  }

  private static double gather(float[] contrib, int[] sources, int from, int to) {
    double sum = 0;
    for (int e = from; e < to; e++) {
      sum += contrib[sources[e]];
    }
    return sum;
  }

  private static double gather(double[] contrib, int[] sources, int from, int to) {
    double sum = 0;
    for (int e = from; e < to; e++) {
      sum += contrib[sources[e]];
    }
    return sum;
  }

  /** From now on contributions are double, starting from the current ranks. */
  private void widen() {
    int n = graph.nodeCount();
    wideContrib = new double[n];
    wideContribNext = new double[n];
    for (int v = 0; v < n; v++) {
      wideContrib[order.slot[v]] = rank[v] * invOut[v];
    }
  }

  private void step(int chunk, double base) {
    int[] offsets = graph.offsets();
    int[] sources = order.sources;
    int[] slot = order.slot;
    double d = damping;
    double delta = 0;
    double dangling = 0;
    float[] narrow = contrib;
    float[] narrowNext = contribNext;
    double[] wide = wideContrib; // null before the switch, for every node: a predictable branch
    double[] wideNext = wideContribNext;
    for (int v = bounds[chunk], end = bounds[chunk + 1]; v < end; v++) {
      int from = offsets[v];
      int to = offsets[v + 1];
      double sum = wide != null
          ? gather(wide, sources, from, to)
          : gather(narrow, sources, from, to);
      double updated = base + d * sum;
      delta += Math.abs(updated - rank[v]);
      next[v] = updated;
      double inv = invOut[v];
      if (wide != null) {
        wideNext[slot[v]] = updated * inv;
      } else {
        narrowNext[slot[v]] = (float) (updated * inv);
      }
      dangling += inv == 0 ? updated : 0;
    }
    deltas[chunk] = delta;
    danglings[chunk] = dangling;
  }

  private void swap() {
    double[] t = rank;
    rank = next;
    next = t;
    float[] c = contrib;
    contrib = contribNext;
    contribNext = c;
    double[] w = wideContrib;
    wideContrib = wideContribNext;
    wideContribNext = w;
  }
}
