package dev.sitepulse.analytics.internal.pagerank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeLanesTest {

  @Test
  void lanesFollowTheMeanInDegreeOfTheLightNodesRoundedDownToAPowerOfTwo() {
    // In-degrees 5, 7 and 9 (mean 7), and one heavy node of 100 that the mean leaves out.
    int[] offsets = {0, 5, 12, 21, 121};

    assertThat(NodeLanes.of(offsets, 64)).isEqualTo(4);
    assertThat(NodeLanes.of(offsets, 1000)).isEqualTo(16); // mean 30.25 with the 100 counted
  }

  @Test
  void sparseGraphsGetOneLaneAndDenseOnesAWarp() {
    assertThat(NodeLanes.of(new int[] {0, 1, 2, 3}, 64)).isEqualTo(1);
    assertThat(NodeLanes.of(new int[] {0, 0, 0}, 64)).isEqualTo(1);
    assertThat(NodeLanes.of(new int[] {0, 60, 120}, 64)).isEqualTo(NodeLanes.MAX_LANES);
  }

  @Test
  void aGraphWithoutLightNodesOrWithoutNodesGetsOneLane() {
    assertThat(NodeLanes.of(new int[] {0, 100, 200}, 64)).isEqualTo(1);
    assertThat(NodeLanes.of(new int[] {0}, 64)).isEqualTo(1);
  }
}
