package dev.sitepulse.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.analytics.testing.RmatGraphs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The oracles again, on inputs big enough to exercise every chunk, bucket and work-group path. */
class LargeInputsIT {

  private static final JavaBackend JAVA = new JavaBackend();

  @AfterAll
  static void close() {
    JAVA.close();
  }

  @Test
  void pageRankMatchesJGraphTOnAnRmatGraphWithAQuarterMillionEdges() {
    int[][] edges = RmatGraphs.edges(15, 250_000, 42);
    int n = 1 << 15;

    PageRankResult result = JAVA.pageRank(CsrGraph.fromEdges(n, edges[0], edges[1]),
        PageRankConfig.DEFAULTS.withTolerance(1e-13).withMaxIterations(1000));

    assertThat(Fixtures.l1(result.ranks(), Fixtures.jgraphtRanks(n, edges))).isLessThan(1e-9);
  }

  @Test
  void nearDuplicatesMatchBruteForceOnTwentyThousandDocuments() {
    long[] fp = Fixtures.fingerprints(20_000, 3, 99);

    assertThat(JAVA.nearDuplicates(fp, 3).pairs()).isEqualTo(Fixtures.bruteForcePairs(fp, 3));
  }

  @Test
  void openClMatchesJavaOnAMillionEdgesAHundredThousandDocumentsAndTenMillionLatencies() {
    OpenClBackend openCl = OpenClSupport.backendOrSkip();
    int[][] edges = RmatGraphs.edges(17, 2_000_000, 7);
    CsrGraph graph = CsrGraph.fromEdges(1 << 17, edges[0], edges[1]);
    long[] fp = Fixtures.fingerprints(100_000, 3, 8);
    float[] latencies = Fixtures.latencies(10_000_000, 9);

    assertThat(Fixtures.l1(openCl.pageRank(graph, PageRankConfig.DEFAULTS).ranks(),
        JAVA.pageRank(graph, PageRankConfig.DEFAULTS).ranks())).isLessThan(1e-6);
    assertThat(openCl.nearDuplicates(fp, 3).pairs()).isEqualTo(JAVA.nearDuplicates(fp, 3).pairs());
    assertThat(openCl.latencyStats(latencies).histogram())
        .isEqualTo(JAVA.latencyStats(latencies).histogram());
  }
}
