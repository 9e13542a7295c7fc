package dev.sitepulse.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sitepulse.analytics.testing.RmatGraphs;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageRankTest {

  private static final JavaBackend JAVA = new JavaBackend();
  private static final PageRankConfig TIGHT = PageRankConfig.DEFAULTS.withTolerance(1e-13)
      .withMaxIterations(1000);

  @AfterAll
  static void close() {
    JAVA.close();
  }

  @ParameterizedTest(name = "{0} nodes, {1} edges, every {2}th node dangling")
  @CsvSource({"2, 1, 0", "10, 30, 3", "200, 1000, 0", "500, 1500, 4", "3000, 40000, 7"})
  void ranksMatchJGraphTOnRandomGraphs(int n, int m, int danglingEvery) {
    int[][] edges = Fixtures.randomEdges(n, m, 31L * n + m, danglingEvery);

    PageRankResult result = JAVA.pageRank(CsrGraph.fromEdges(n, edges[0], edges[1]), TIGHT);

    assertThat(Fixtures.l1(result.ranks(), Fixtures.jgraphtRanks(n, edges))).isLessThan(1e-9);
    assertThat(result.converged()).isTrue();
  }

  @Test
  void ranksSumToOneAndTheTopListIsOrderedWithInDegrees() {
    int[][] edges = RmatGraphs.edges(12, 40_000, 5);
    CsrGraph graph = CsrGraph.fromEdges(1 << 12, edges[0], edges[1]);

    PageRankResult result = JAVA.pageRank(graph, PageRankConfig.DEFAULTS.withTopN(10));

    assertThat(Arrays.stream(result.ranks()).sum()).isCloseTo(1.0, within(1e-9));
    assertThat(result.top()).hasSize(10);
    double best = Arrays.stream(result.ranks()).max().orElseThrow();
    assertThat(result.top().get(0).rank()).isEqualTo(best);
    for (int i = 1; i < 10; i++) {
      assertThat(result.top().get(i).rank()).isLessThanOrEqualTo(result.top().get(i - 1).rank());
    }
    RankedNode first = result.top().get(0);
    assertThat(first.inDegree()).isEqualTo(graph.inDegree(first.node()));
  }

  @Test
  void anEmptyGraphHasNoRanks() {
    PageRankResult result = JAVA.pageRank(CsrGraph.fromEdges(0, new int[0], new int[0]),
        PageRankConfig.DEFAULTS);

    assertThat(result.ranks()).isEmpty();
    assertThat(result.top()).isEmpty();
    assertThat(result.iterations()).isZero();
    assertThat(result.timings().device()).isEqualTo("cpu");
  }

  @Test
  void anEmptyGraphsRunReportsNoMoreTimeThanTheCallTook() {
    long before = System.nanoTime();
    PageRankResult result = JAVA.pageRank(CsrGraph.fromEdges(0, new int[0], new int[0]),
        PageRankConfig.DEFAULTS);
    long took = System.nanoTime() - before;

    assertThat(result.timings().totalNanos()).isBetween(0L, took);
  }

  @Test
  void aSingleNodeHoldsAllTheRankWithOrWithoutASelfLoop() {
    PageRankResult alone = JAVA.pageRank(CsrGraph.fromEdges(1, new int[0], new int[0]),
        PageRankConfig.DEFAULTS);
    PageRankResult loop = JAVA.pageRank(CsrGraph.fromEdges(1, new int[] {0}, new int[] {0}),
        PageRankConfig.DEFAULTS);

    assertThat(alone.ranks()).containsExactly(1.0);
    assertThat(loop.ranks()).containsExactly(1.0);
    assertThat(loop.top()).containsExactly(new RankedNode(0, 1.0, 1));
  }

  @Test
  void whenEveryNodeIsDanglingTheRankStaysUniform() {
    PageRankResult result = JAVA.pageRank(CsrGraph.fromEdges(5, new int[0], new int[0]),
        PageRankConfig.DEFAULTS);

    for (double rank : result.ranks()) {
      assertThat(rank).isCloseTo(0.2, within(1e-15));
    }
    assertThat(result.iterations()).isLessThanOrEqualTo(2);
    assertThat(result.converged()).isTrue();
  }

  @Test
  void equalRanksAreListedLowerNodeFirst() {
    PageRankResult result = JAVA.pageRank(CsrGraph.fromEdges(4, new int[0], new int[0]),
        PageRankConfig.DEFAULTS.withTopN(3));

    assertThat(result.top()).extracting(RankedNode::node).containsExactly(0, 1, 2);
  }

  @Test
  void theRunStopsAtMaxIterationsWhenTheToleranceIsZero() {
    int[][] edges = Fixtures.randomEdges(100, 500, 3, 0);

    PageRankResult result = JAVA.pageRank(CsrGraph.fromEdges(100, edges[0], edges[1]),
        PageRankConfig.DEFAULTS.withTolerance(0).withMaxIterations(7));

    assertThat(result.iterations()).isEqualTo(7);
    assertThat(result.converged()).isFalse();
    assertThat(result.lastChange()).isPositive();
  }
}
