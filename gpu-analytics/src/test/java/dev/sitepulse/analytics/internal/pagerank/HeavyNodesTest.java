package dev.sitepulse.analytics.internal.pagerank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeavyNodesTest {

  @Test
  void nodesWithAtLeastTheGivenInDegreeComeMostInEdgesFirstAndTiesInNodeOrder() {
    // In-degrees: 0, 5, 2, 5, 9, 1
    int[] offsets = {0, 0, 5, 7, 12, 21, 22};

    assertThat(HeavyNodes.of(offsets, 2)).containsExactly(4, 1, 3, 2);
    assertThat(HeavyNodes.of(offsets, 5)).containsExactly(4, 1, 3);
  }

  @Test
  void aGraphWithoutHeavyNodesOrWithoutNodesGivesNone() {
    assertThat(HeavyNodes.of(new int[] {0, 1, 2}, 3)).isEmpty();
    assertThat(HeavyNodes.of(new int[] {0}, 1)).isEmpty();
  }

  @Test
  void anInDegreeNearIntMaxDoesNotOverflowTheSortKeyAndSortsFirst() {
    int[] offsets = {0, 3, Integer.MAX_VALUE};

    assertThat(HeavyNodes.of(offsets, 1)).containsExactly(1, 0);
  }
}
