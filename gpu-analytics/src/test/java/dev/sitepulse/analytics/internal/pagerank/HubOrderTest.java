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
    CsrGraph graph = CsrGraph.fromEdges(4, new int[] {0, 1, 1, 1, 3}, new int[] {1, 0, 2, 3, 2});
    try (ForkJoinRunner runner = new ForkJoinRunner(2)) {
      HubOrder order = HubOrder.of(graph, runner);

      int[] slot = order.slot;
      for (int e = 0; e < graph.edgeCount(); e++) {
        assertThat(order.sources[e]).isEqualTo(slot[graph.sources()[e]]);
      }
    }
  }
}
