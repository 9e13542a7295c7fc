package dev.sitepulse.analytics.internal.pagerank;

import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.PageRankConfig;
import dev.sitepulse.analytics.PageRankResult;
import dev.sitepulse.analytics.Timings;
import dev.sitepulse.analytics.internal.parallel.ForkJoinRunner;
import dev.sitepulse.analytics.internal.parallel.Partition;

/**
 * Pull-based PageRank in double precision on the Java threads. Each iteration is one parallel pass
 * over the nodes: a node sums {@code rank[u] / outDegree[u]} over its in-neighbours (kept ready in
 * {@code contrib}), writes its new rank and its own contribution for the next iteration, and adds
 * its |change| and, if dangling, its rank to its chunk's partial sums. The partials are added in
 * chunk order, so the result does not depend on thread timing.
 */
public final class JavaPageRank {

  /** Below this many nodes + edges one chunk is faster than forking. */
  private static final int SERIAL_BELOW = 1 << 15;

  private final CsrGraph graph;
  private final double damping;
  private final int[] bounds;
  private final double[] invOut;
  private double[] rank;
  private double[] next;
  private double[] contrib;
  private double[] contribNext;
  private final double[] deltas;
  private final double[] danglings;

  private JavaPageRank(CsrGraph graph, double damping, int chunks) {
    this.graph = graph;
    this.damping = damping;
    int n = graph.nodeCount();
    this.bounds = Partition.byEdges(graph.offsets(), chunks);
    this.invOut = new double[n];
    this.rank = new double[n];
    this.next = new double[n];
    this.contrib = new double[n];
    this.contribNext = new double[n];
    this.deltas = new double[chunks];
    this.danglings = new double[chunks];
  }

  public static PageRankResult run(CsrGraph graph, PageRankConfig config, ForkJoinRunner runner,
      String device) {
    long start = System.nanoTime();
    int n = graph.nodeCount();
    if (n == 0) {
      return new PageRankResult(new double[0], 0, 0, true, java.util.List.of(),
          new Timings(device, 0, 0, 0, System.nanoTime() - start));
    }
    long work = (long) n + graph.edgeCount();
    int chunks = work < SERIAL_BELOW ? 1 : runner.parallelism() * 8;
    JavaPageRank pr = new JavaPageRank(graph, config.damping(), chunks);
    double dangling = pr.initialise();
    int iterations = 0;
    double change = Double.POSITIVE_INFINITY;
    while (iterations < config.maxIterations() && !(change < config.tolerance())) {
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
    long elapsed = System.nanoTime() - start;
    return new PageRankResult(pr.rank, iterations, change, change < config.tolerance(),
        TopRanks.select(pr.rank, graph, config.topN()),
        new Timings(device, 0, 0, elapsed, elapsed));
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
        contrib[v] = initial * invOut[v];
      }
    }
    return danglingNodes * initial;
  }

  private void step(int chunk, double base) {
    int[] offsets = graph.offsets();
    int[] sources = graph.sources();
    double[] contrib = this.contrib;
    double d = damping;
    double delta = 0;
    double dangling = 0;
    for (int v = bounds[chunk], end = bounds[chunk + 1]; v < end; v++) {
      double sum = 0;
      for (int e = offsets[v], stop = offsets[v + 1]; e < stop; e++) {
        sum += contrib[sources[e]];
      }
      double updated = base + d * sum;
      delta += Math.abs(updated - rank[v]);
      next[v] = updated;
      double inv = invOut[v];
      contribNext[v] = updated * inv;
      if (inv == 0) {
        dangling += updated;
      }
    }
    deltas[chunk] = delta;
    danglings[chunk] = dangling;
  }

  private void swap() {
    double[] t = rank;
    rank = next;
    next = t;
    t = contrib;
    contrib = contribNext;
    contribNext = t;
  }
}
