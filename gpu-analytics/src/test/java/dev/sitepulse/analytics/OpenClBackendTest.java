package dev.sitepulse.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sitepulse.analytics.internal.latency.ClLatency;
import dev.sitepulse.analytics.internal.opencl.ClDevice;
import dev.sitepulse.analytics.internal.opencl.ClDevices;
import dev.sitepulse.analytics.internal.opencl.ClSession;
import dev.sitepulse.analytics.internal.pagerank.ClPageRank;
import dev.sitepulse.analytics.testing.RmatGraphs;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The OpenCL backend gives the Java backend's answers (run on PoCL in CI). */
class OpenClBackendTest {

  private static final JavaBackend JAVA = new JavaBackend();
  private static OpenClBackend openCl;

  @BeforeEach
  void open() {
    openCl = OpenClSupport.backendOrSkip();
  }

  @AfterAll
  static void close() {
    JAVA.close();
  }

  @ParameterizedTest(name = "R-MAT scale {0}, {1} edges")
  @CsvSource({"4, 30", "10, 8000", "14, 200000"})
  void pageRankAgreesWithJavaWithin1e6(int scale, int m) {
    int[][] edges = RmatGraphs.edges(scale, m, scale);
    CsrGraph graph = CsrGraph.fromEdges(1 << scale, edges[0], edges[1]);

    PageRankResult java = JAVA.pageRank(graph, PageRankConfig.DEFAULTS);
    PageRankResult device = openCl.pageRank(graph, PageRankConfig.DEFAULTS);

    assertThat(Fixtures.l1(device.ranks(), java.ranks())).isLessThan(1e-6);
    assertThat(device.top()).extracting(RankedNode::node)
        .containsExactlyElementsOf(java.top().stream().map(RankedNode::node).toList());
    assertThat(device.converged()).isTrue();
  }

  @ParameterizedTest(name = "{0} kernels, fp64 {1}")
  @CsvSource({"NODES, true", "NODES, false", "RANGES, true", "RANGES, false"})
  void everyPageRankKernelVariantAgreesWithJavaWhicheverDeviceItWasMadeFor(
      ClPageRank.Variant variant, boolean fp64) {
    // Hubs with hundreds of in-edges beside nodes with a few: the GPU variant splits them.
    int[][] edges = RmatGraphs.edges(14, 200_000, 14);
    CsrGraph rmat = CsrGraph.fromEdges(1 << 14, edges[0], edges[1]);
    assertThat(maxInDegree(rmat)).isGreaterThan(10 * ClPageRank.HEAVY_DEGREE);
    // A hub of more than two chunks of in-edges (the last one part full) beside R-MAT's own.
    CsrGraph hub = withHub(RmatGraphs.edges(13, 60_000, 13), 1 << 13);
    assertThat(maxInDegree(hub)).isGreaterThan(2 * ClPageRank.HEAVY_CHUNK_EDGES)
        .isNotEqualTo(3 * ClPageRank.HEAVY_CHUNK_EDGES);
    // Every node heavy: the light-node kernel has nothing to do.
    CsrGraph dense = denseGraph(100);
    assertThat(minInDegree(dense)).isGreaterThanOrEqualTo(ClPageRank.HEAVY_DEGREE);
    // Light nodes of mean in-degree 1, 6 and 40: 1, 4 and 32 lanes a node on a GPU, over node
    // counts that leave the last work-group part empty.
    List<CsrGraph> light = List.of(regularGraph(1001, 1), regularGraph(999, 6), regularGraph(777, 40));

    // Float ranks put a noise floor under the L1 change far above 1e-9 (docs/analytics.md); at
    // 1e-5 the float build stops where Java does.
    PageRankConfig config =
        fp64 ? PageRankConfig.DEFAULTS : PageRankConfig.DEFAULTS.withTolerance(1e-5);
    for (CsrGraph graph : concat(List.of(rmat, hub, dense), light)) {
      PageRankResult java = JAVA.pageRank(graph, config);
      PageRankResult device;
      try (ClSession session = ClSession.open(sharedDevice())) {
        device = ClPageRank.run(session, graph, config, fp64, variant);
      }

      // Float ranks carry float's rounding through every iteration (docs/analytics.md).
      assertThat(Fixtures.l1(device.ranks(), java.ranks())).isLessThan(fp64 ? 1e-6 : 1e-5);
      assertThat(device.top()).extracting(RankedNode::node)
          .containsExactlyElementsOf(java.top().stream().map(RankedNode::node).toList());
      // The stopping rule sees what Java's sees: a partial sum of |change| lost or counted twice
      // would end the run early or late even where the ranks still agree.
      assertThat(device.iterations()).as("iterations").isEqualTo(java.iterations());
      assertThat(device.converged()).as("converged").isTrue();
      // The change is the sum of |rank' - rank|: rounding moves it by at most the ranks' distance
      // from Java's in this iteration and the one before (measured: 1.2 times this one's). A
      // missing partial sum moves it by a third or more.
      double ranksApart = Fixtures.l1(device.ranks(), java.ranks());
      assertThat(device.lastChange()).as("last L1 change")
          .isCloseTo(java.lastChange(), within(3 * ranksApart + 1e-6 * java.lastChange()));
    }
  }

  private static ClDevice sharedDevice() {
    return ClDevices.probe().devices().stream()
        .filter(d -> d.info().equals(openCl.device())).findFirst().orElseThrow();
  }

  private static int minInDegree(CsrGraph graph) {
    int[] offsets = graph.offsets();
    int min = Integer.MAX_VALUE;
    for (int v = 0; v < graph.nodeCount(); v++) {
      min = Math.min(min, offsets[v + 1] - offsets[v]);
    }
    return min;
  }

  private static int maxInDegree(CsrGraph graph) {
    int[] offsets = graph.offsets();
    int max = 0;
    for (int v = 0; v < graph.nodeCount(); v++) {
      max = Math.max(max, offsets[v + 1] - offsets[v]);
    }
    return max;
  }

  private static List<CsrGraph> concat(List<CsrGraph> a, List<CsrGraph> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }

  /** The edges {@code {from, to}} over n nodes, and one more from every node but 0 to node 0. */
  private static CsrGraph withHub(int[][] edges, int n) {
    int m = edges[0].length;
    int[] from = Arrays.copyOf(edges[0], m + n - 1);
    int[] to = Arrays.copyOf(edges[1], m + n - 1);
    for (int u = 1; u < n; u++) {
      from[m + u - 1] = u;
      to[m + u - 1] = 0;
    }
    return CsrGraph.fromEdges(n, from, to);
  }

  /** Each node has {@code inDegree} in-edges from pseudo-random sources, of mixed out-degrees. */
  private static CsrGraph regularGraph(int n, int inDegree) {
    int[] from = new int[n * inDegree];
    int[] to = new int[from.length];
    Random random = new Random(n);
    for (int v = 0, e = 0; v < n; v++) {
      for (int k = 0; k < inDegree; k++, e++) {
        from[e] = random.nextInt(n);
        to[e] = v;
      }
    }
    return CsrGraph.fromEdges(n, from, to);
  }

  /**
   * Every node links to about 85% of the others (pseudo-random), so that in-degrees and ranks
   * differ and the L1 change falls over real iterations: with every rank equal it would start at
   * rounding noise, and ties would order the top list by that noise.
   */
  private static CsrGraph denseGraph(int n) {
    Random random = new Random(n);
    int[] from = new int[n * (n - 1)];
    int[] to = new int[from.length];
    int e = 0;
    for (int u = 0; u < n; u++) {
      for (int v = 0; v < n; v++) {
        if (u != v && random.nextInt(100) < 85) {
          from[e] = u;
          to[e++] = v;
        }
      }
    }
    return CsrGraph.fromEdges(n, Arrays.copyOf(from, e), Arrays.copyOf(to, e));
  }

  @ParameterizedTest(name = "{0} kernels")
  @EnumSource(ClPageRank.Variant.class)
  void pageRankHandlesTheEdgeCasesAsJavaDoesWhicheverDeviceTheKernelsWereMadeFor(ClPageRank.Variant variant) {
    CsrGraph empty = CsrGraph.fromEdges(0, new int[0], new int[0]);
    CsrGraph single = CsrGraph.fromEdges(1, new int[0], new int[0]);
    CsrGraph allDangling = CsrGraph.fromEdges(300, new int[0], new int[0]);

    try (ClSession session = ClSession.open(sharedDevice())) {
      assertThat(ClPageRank.run(session, empty, PageRankConfig.DEFAULTS, true, variant).ranks()).isEmpty();
      assertThat(ClPageRank.run(session, single, PageRankConfig.DEFAULTS, true, variant).ranks())
          .containsExactly(1.0);
      PageRankResult uniform = ClPageRank.run(session, allDangling, PageRankConfig.DEFAULTS, true, variant);
      for (double rank : uniform.ranks()) {
        assertThat(rank).isCloseTo(1.0 / 300, within(1e-15));
      }
      assertThat(uniform.iterations()).isLessThanOrEqualTo(2);
    }
  }

  @ParameterizedTest(name = "{0} kernels")
  @EnumSource(ClPageRank.Variant.class)
  void pagesOfEqualRankAreListedInJavasOrderWhicheverDeviceTheKernelsWereMadeFor(
      ClPageRank.Variant variant) {
    // Pages 0 and 21 are linked from every page and link to the same pages, as a site's index and
    // licence in its navigation: equal ranks, which the GPU kernels' sums in a tree of lanes left
    // an ulp apart, listing the licence first (seed 15 did; the Python docs' crawl too).
    CsrGraph navigation = navigation(526, 0, 21, 15);
    PageRankResult java = JAVA.pageRank(navigation, PageRankConfig.DEFAULTS);
    PageRankResult device;
    try (ClSession session = ClSession.open(sharedDevice())) {
      device = ClPageRank.run(session, navigation, PageRankConfig.DEFAULTS, true, variant);
    }

    assertThat(java.top().subList(0, 2)).extracting(RankedNode::node).containsExactly(0, 21);
    assertThat(device.top()).extracting(RankedNode::node)
        .containsExactlyElementsOf(java.top().stream().map(RankedNode::node).toList());
  }

  /**
   * {@code n} pages that all link to {@code a} and {@code b} and to up to 30 others picked by
   * {@code seed}; a and b link to the same 20 pages.
   */
  private static CsrGraph navigation(int n, int a, int b, long seed) {
    Random random = new Random(seed);
    CsrGraphBuilder links = new CsrGraphBuilder(n);
    for (int u = 0; u < n; u++) {
      if (u != a) {
        links.addEdge(u, a);
      }
      if (u != b) {
        links.addEdge(u, b);
      }
      if (u != a && u != b) {
        for (int j = random.nextInt(30); j >= 0; j--) {
          int v = random.nextInt(n);
          if (v != u && v != a && v != b) {
            links.addEdge(u, v);
          }
        }
      }
    }
    for (int j = 0; j < 20; j++) {
      int v = 1 + j * 7 % (n - 1);
      if (v != a && v != b) {
        links.addEdge(a, v);
        links.addEdge(b, v);
      }
    }
    return links.buildWithoutParallelEdges();
  }

  @ParameterizedTest(name = "{0} documents within {1} bits")
  @CsvSource({"0, 3", "1, 3", "2, 3", "5000, 0", "20000, 3", "3000, 7", "300, 63"})
  void nearDuplicatePairsAreIdenticalToJavas(int n, int k) {
    long[] fp = Fixtures.fingerprints(n, k, 7L * n + k);

    NearDuplicates java = JAVA.nearDuplicates(fp, k);
    NearDuplicates device = openCl.nearDuplicates(fp, k);

    assertThat(device.pairs()).isEqualTo(java.pairs());
    assertThat(device.distances()).isEqualTo(java.distances());
    assertThat(device.clusters()).usingRecursiveComparison().isEqualTo(java.clusters());
  }

  @Test
  void aStepGivesBackTheDeviceMemoryOfTheStepBeforeIt() {
    CsrGraph graph = CsrGraph.fromEdges(50_000, new int[] {0, 1, 2}, new int[] {1, 2, 0});
    long[] fp = Fixtures.fingerprints(100, 3, 5);
    try (OpenClBackend backend = OpenClBackend.open(ClDevices.probe().devices().get(0)).orElseThrow()) {
      backend.nearDuplicates(fp, 3);
      long duplicates = backend.bufferBytes();
      backend.pageRank(graph, PageRankConfig.DEFAULTS);
      assertThat(backend.bufferBytes()).isGreaterThan(50_000L * 8);

      backend.nearDuplicates(fp, 3);

      assertThat(backend.bufferBytes()).as("PageRank's released, the pair scan's own again")
          .isEqualTo(duplicates);
    }
  }

  @Test
  void nearDocumentsOverflowTheFirstPairBufferAndAreAllFound() {
    long[] fp = new long[1_500]; // 0..1499 differ in the low 11 bits: about 170,000 pairs, one bucket
    for (int i = 0; i < fp.length; i++) {
      fp[i] = i;
    }

    NearDuplicates device = openCl.nearDuplicates(fp, 3);

    assertThat(device.pairCount()).isGreaterThan(1 << 16);
    assertThat(device.pairs()).isEqualTo(Fixtures.bruteForcePairs(fp, 3));
    assertThat(device.clusters().count()).isEqualTo(1);
  }

  @Test
  void copiesOfOnePageAreCountedAsJavaCountsThem() {
    long[] fp = new long[30_002]; // 449,985,000 pairs of copies, and one pair near them
    java.util.Arrays.fill(fp, 0, 30_000, 12345L);
    fp[30_000] = 12345L ^ 0b111;
    fp[30_001] = -1L;

    NearDuplicates java = JAVA.nearDuplicates(fp, 3);
    NearDuplicates device = openCl.nearDuplicates(fp, 3);

    assertThat(device.pairCount()).isEqualTo(java.pairCount()).isEqualTo(30_000L * 29_999 / 2 + 30_000);
    assertThat(device.pairs()).isEqualTo(java.pairs()).isEmpty();
    assertThat(device.clusters()).usingRecursiveComparison().isEqualTo(java.clusters());
    assertThat(device.clusters().size(0)).isEqualTo(30_001);
  }

  @ParameterizedTest(name = "{0} histograms")
  @EnumSource(ClLatency.Variant.class)
  void latencyHistogramsAreIdenticalToJavasInEveryKernelVariant(ClLatency.Variant variant) {
    float[] values = Fixtures.latencies(400_003, 9); // runs of 50,001: the 4-wide loop has a tail
    try (OpenClBackend forced = OpenClBackend.open(ClDevices.probe().devices().get(0), variant)
        .orElseThrow()) {
      LatencyStats java = JAVA.latencyStats(values, 1, values.length);
      LatencyStats device = forced.latencyStats(values, 1, values.length);

      assertThat(device.histogram()).isEqualTo(java.histogram());
      assertThat(device.count()).isEqualTo(java.count());
      assertThat(device.meanMs()).isEqualTo(java.meanMs());
      assertThat(device.minMs()).isEqualTo(java.minMs());
      assertThat(device.maxMs()).isEqualTo(java.maxMs());
    }
  }

  @Test
  void sixteenBitLocalCountersAreFlushedBeforeAnyPasses65535() {
    ClDevice device = ClDevices.probe().devices().get(0);
    int groups = 4 * device.info().computeUnits();
    int perGroup = 140_000; // more than 65,535 for each of two counters
    assertThat(ClLatency.slices(device, groups * perGroup)).isEqualTo(groups);
    float[] oneCounter = new float[groups * perGroup]; // counter 1000: the low half of its word
    java.util.Arrays.fill(oneCounter, 1.0f);
    float[] sharedWord = new float[groups * perGroup]; // counters 1000 and 1001: both halves
    for (int i = 0; i < sharedWord.length; i++) {
      sharedWord[i] = i % 2 == 0 ? 1.0f : 1.001f;
    }
    try (OpenClBackend forced = OpenClBackend.open(device, ClLatency.Variant.LOCAL).orElseThrow()) {
      for (float[] values : List.of(oneCounter, sharedWord)) {
        LatencyStats device16 = forced.latencyStats(values);

        assertThat(device16.histogram()).isEqualTo(JAVA.latencyStats(values).histogram());
        assertThat(device16.count()).isEqualTo(values.length);
      }
    }
  }

  @Test
  void anEmptyLatencySeriesGivesZeros() {
    LatencyStats stats = openCl.latencyStats(new float[0]);

    assertThat(stats.count()).isZero();
    assertThat(stats.p99()).isZero();
  }

  @Test
  void timingsNameTheDeviceAndProgramsAreBuiltOnlyOnce() {
    float[] values = Fixtures.latencies(100_000, 5);
    openCl.latencyStats(values);

    Timings again = openCl.latencyStats(values).timings();

    assertThat(again.device()).isEqualTo(openCl.device().id()).startsWith("opencl:");
    assertThat(again.buildNanos()).isZero();
    assertThat(again.transferNanos()).isPositive();
    assertThat(again.kernelNanos()).isPositive();
    assertThat(again.totalNanos()).isGreaterThanOrEqualTo(again.kernelNanos());
  }

  @Test
  void buffersAreReusedWhenASmallerBatchFollowsALargerOne() {
    int[][] big = RmatGraphs.edges(12, 50_000, 1);
    int[][] small = RmatGraphs.edges(6, 300, 2);
    openCl.pageRank(CsrGraph.fromEdges(1 << 12, big[0], big[1]), PageRankConfig.DEFAULTS);

    CsrGraph graph = CsrGraph.fromEdges(1 << 6, small[0], small[1]);
    PageRankResult result = openCl.pageRank(graph, PageRankConfig.DEFAULTS);

    assertThat(Fixtures.l1(result.ranks(), JAVA.pageRank(graph, PageRankConfig.DEFAULTS).ranks()))
        .isLessThan(1e-6);
  }
}
