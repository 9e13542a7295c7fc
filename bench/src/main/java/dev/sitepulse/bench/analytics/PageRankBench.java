package dev.sitepulse.bench.analytics;

import dev.sitepulse.analytics.AnalyticsBackend;
import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.PageRankConfig;
import dev.sitepulse.analytics.PageRankResult;
import dev.sitepulse.analytics.testing.RmatGraphs;
import java.util.concurrent.TimeUnit;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PageRank throughput in edges per second per iteration: every call runs exactly
 * {@value #ITERATIONS} iterations (tolerance 0) and counts edges x iterations as its operations,
 * so JMH's ops/s is edges/s per iteration. A call includes everything a caller pays: on OpenCL
 * the upload of the graph and the read-back of the ranks, on both the per-call set-up.
 *
 * <p>The big graph is the R-MAT with 2^20 nodes and 2^24 edges; the small one has 2^16
 * nodes and 2^20 edges (the same mean degree). JGraphT runs on both, from its own object graph
 * (an edge object plus entries in two edge sets per edge: about 4 GB for the big graph).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
// Pre-touched: each call allocates ~110 MB, and until every heap page had been touched once the
// page faults made Java's figure climb from 0.4G to 0.77G edges/s over a minute.
@Fork(value = 1, jvmArgsAppend = {"-Xms12g", "-Xmx12g", "-XX:+AlwaysPreTouch"})
public class PageRankBench {

  static final int ITERATIONS = 10;
  static final int BIG_SCALE = 20;
  static final int BIG_EDGES = 1 << 24;
  static final int SMALL_SCALE = 16;
  static final int SMALL_EDGES = 1 << 20;
  static final PageRankConfig FIXED = PageRankConfig.DEFAULTS.withTolerance(0)
      .withMaxIterations(ITERATIONS);

  /** The 2^20-node graph and a backend. */
  @State(Scope.Benchmark)
  public static class Big {
    @Param({"java", "opencl"})
    public String backend;
    CsrGraph graph;
    AnalyticsBackend analytics;
    PageRankResult last;

    @Setup(Level.Trial)
    public void setUp() {
      graph = RmatGraphs.graph(BIG_SCALE, BIG_EDGES, 20);
      analytics = Backends.open(backend);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      report(last, graph);
      analytics.close();
    }
  }

  /** The 2^16-node graph, for our backends and for JGraphT. */
  @State(Scope.Benchmark)
  public static class Small {
    @Param({"java", "opencl"})
    public String backend;
    CsrGraph graph;
    AnalyticsBackend analytics;
    PageRankResult last;

    @Setup(Level.Trial)
    public void setUp() {
      graph = RmatGraphs.graph(SMALL_SCALE, SMALL_EDGES, 16);
      analytics = Backends.open(backend);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      report(last, graph);
      analytics.close();
    }
  }

  /** The 2^16-node graph as a JGraphT pseudograph (parallel edges and self-loops kept). */
  @State(Scope.Benchmark)
  public static class SmallJGraphT {
    Graph<Integer, DefaultEdge> graph;

    @Setup(Level.Trial)
    public void setUp() {
      graph = jgrapht(SMALL_SCALE, SMALL_EDGES, 16);
    }
  }

  /** The 2^20-node graph as a JGraphT pseudograph: about 4 GB of heap, two minutes to build. */
  @State(Scope.Benchmark)
  public static class BigJGraphT {
    Graph<Integer, DefaultEdge> graph;

    @Setup(Level.Trial)
    public void setUp() {
      graph = jgrapht(BIG_SCALE, BIG_EDGES, 20);
    }
  }

  static Graph<Integer, DefaultEdge> jgrapht(int scale, int edgeCount, long seed) {
    int[][] edges = RmatGraphs.edges(scale, edgeCount, seed);
    Graph<Integer, DefaultEdge> graph = new DirectedPseudograph<>(DefaultEdge.class);
    for (int v = 0; v < 1 << scale; v++) {
      graph.addVertex(v);
    }
    for (int e = 0; e < edgeCount; e++) {
      graph.addEdge(edges[0][e], edges[1][e]);
    }
    return graph;
  }

  @Benchmark
  @OperationsPerInvocation(BIG_EDGES * ITERATIONS)
  public PageRankResult rmat20(Big state) {
    return state.last = state.analytics.pageRank(state.graph, FIXED);
  }

  @Benchmark
  @OperationsPerInvocation(SMALL_EDGES * ITERATIONS)
  public PageRankResult rmat16(Small state) {
    return state.last = state.analytics.pageRank(state.graph, FIXED);
  }

  /**
   * JGraphT, {@value #ITERATIONS} iterations per call like ours. It needs a positive tolerance;
   * Double.MIN_VALUE lets it run all iterations too. Each call first builds JGraphT's own index
   * of the graph (a vertex map and int[] in-neighbour lists), which is most of its time.
   */
  @Benchmark
  @OperationsPerInvocation(SMALL_EDGES * ITERATIONS)
  public Object rmat16JGraphT(SmallJGraphT state) {
    return new PageRank<>(state.graph, 0.85, ITERATIONS, Double.MIN_VALUE).getScores();
  }

  /** JGraphT with 10x the iterations: with the 10-iteration run, gives its cost per iteration. */
  @Benchmark
  @OperationsPerInvocation(SMALL_EDGES * ITERATIONS * 10)
  public Object rmat16JGraphT100(SmallJGraphT state) {
    return new PageRank<>(state.graph, 0.85, ITERATIONS * 10, Double.MIN_VALUE).getScores();
  }

  /** JGraphT on the big graph: about 10 s per call, so fewer and longer iterations. */
  @Benchmark
  @OperationsPerInvocation(BIG_EDGES * ITERATIONS)
  @Warmup(iterations = 1, time = 20)
  @Measurement(iterations = 2, time = 20)
  public Object rmat20JGraphT(BigJGraphT state) {
    return new PageRank<>(state.graph, 0.85, ITERATIONS, Double.MIN_VALUE).getScores();
  }

  /**
   * Prints where the time of the last call went, and for a device the kernel time per iteration
   * (on Java the "kernel" is the whole call, set-up included: no figure of its own).
   */
  static void report(PageRankResult result, CsrGraph graph) {
    if (result == null) {
      return;
    }
    if (result.timings().transferNanos() == 0) {
      System.out.printf("%n[last call] %s%n", result.timings());
      return;
    }
    double kernelPerIteration = result.timings().kernelNanos() / 1e9 / result.iterations();
    System.out.printf("%n[last call] %s; kernel only: %.1f ms per iteration = %.0f M edges/s%n",
        result.timings(), kernelPerIteration * 1e3, graph.edgeCount() / kernelPerIteration / 1e6);
  }
}
