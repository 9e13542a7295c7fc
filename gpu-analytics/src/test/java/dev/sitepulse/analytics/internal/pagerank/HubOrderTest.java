package dev.sitepulse.analytics.internal.pagerank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.internal.parallel.ForkJoinRunner;
import org.junit.jupiter.api.Test;

class HubOrderTest {

  @Test
  void hubsComeFirstAndEqualDegreesKeepNodeOrder() {
    // out-degrees: 0 → 1, 1 → 3, 2 → 0, 3 → 1
    CsrGraph graph = CsrGraph.fromEdges(4, new int[] {0, 1, 1, 1, 3}, new int[] {1, 0, 2, 3, 2});

    assertThat(HubOrder.slots(graph.outDegree())).containsExactly(1, 0, 3, 2);
  }

  @Test
  void everySourceIsReplacedByItsSlot() {
    assertEverySourceIsItsSlot(CsrGraph.fromEdges(4, new int[] {0, 1, 1, 1, 3}, new int[] {1, 0, 2, 3, 2}));
  }

  @Test
  void aGraphBigEnoughToRenumberInChunksReplacesEverySourceToo() {
    int n = 1000;
    int edges = 1 << 17; // past the one-chunk size, 2^16
    int[] from = new int[edges];
    int[] to = new int[edges];
    for (int e = 0; e < edges; e++) {
      from[e] = (int) (((e * 0x9E3779B9L) >>> 7) % n); // scattered, so the slots differ from the nodes
      to[e] = e % n;
    }
    assertEverySourceIsItsSlot(CsrGraph.fromEdges(n, from, to));
  }

  private static void assertEverySourceIsItsSlot(CsrGraph graph) {
    try (ForkJoinRunner runner = new ForkJoinRunner(2)) {
      HubOrder order = HubOrder.of(graph, runner);

      int[] slot = order.slot;
      for (int e = 0; e < graph.edgeCount(); e++) {
        assertThat(order.sources[e]).isEqualTo(slot[graph.sources()[e]]);
      }
    }
  }
}
