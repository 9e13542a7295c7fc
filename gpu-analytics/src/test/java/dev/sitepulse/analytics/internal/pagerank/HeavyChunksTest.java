package dev.sitepulse.analytics.internal.pagerank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.testing.RmatGraphs;
import org.junit.jupiter.api.Test;

class HeavyChunksTest {

  @Test
  void eachHeavyRowIsCutIntoAdjacentChunksOfAtMostTheSizeInEdgeOrder() {
    // In-degrees: 0, 5, 2, 9, 4; heavy (4 or more), most first: 3, 1, 4
    int[] offsets = {0, 0, 5, 7, 16, 20};
    int[] heavy = HeavyNodes.of(offsets, 4);

    HeavyChunks chunks = HeavyChunks.of(offsets, heavy, 4);

    assertThat(heavy).containsExactly(3, 1, 4);
    assertThat(chunks.first).containsExactly(0, 3, 5, 6);
    assertThat(chunks.bounds).containsExactly(
        7, 11, 11, 15, 15, 16, // node 3: edges 7..16
        0, 4, 4, 5,            // node 1: edges 0..5
        16, 20);               // node 4: edges 16..20, one whole chunk
    assertThat(chunks.count()).isEqualTo(6);
  }

  @Test
  void noHeavyNodesGiveNoChunks() {
    HeavyChunks chunks = HeavyChunks.of(new int[] {0, 1, 2}, new int[0], 4);

    assertThat(chunks.count()).isZero();
    assertThat(chunks.first).containsExactly(0);
  }

  @Test
  void onASkewedGraphNoWorkGroupSumsMoreThanAChunkHoweverBigTheHub() {
    // Before chunks a GPU gave each heavy node one work-group: the hub's was the longest by far.
    CsrGraph graph = RmatGraphs.graph(16, 1 << 20, 16);
    int[] offsets = graph.offsets();
    int[] heavy = HeavyNodes.of(offsets, ClPageRank.HEAVY_DEGREE);
    int hub = offsets[heavy[0] + 1] - offsets[heavy[0]];

    HeavyChunks chunks = HeavyChunks.of(offsets, heavy, ClPageRank.HEAVY_CHUNK_EDGES);

    assertThat(hub).isGreaterThan(4 * ClPageRank.HEAVY_CHUNK_EDGES);
    long heavyEdges = 0;
    int largest = 0;
    for (int c = 0; c < chunks.count(); c++) {
      int edges = chunks.bounds[2 * c + 1] - chunks.bounds[2 * c];
      assertThat(edges).isPositive();
      heavyEdges += edges;
      largest = Math.max(largest, edges);
    }
    assertThat(largest).isEqualTo(ClPageRank.HEAVY_CHUNK_EDGES);
    long expected = 0;
    for (int v : heavy) {
      expected += offsets[v + 1] - offsets[v];
    }
    assertThat(heavyEdges).as("every heavy in-edge counted once").isEqualTo(expected);
  }
}
