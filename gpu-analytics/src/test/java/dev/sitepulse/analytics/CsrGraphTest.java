package dev.sitepulse.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsrGraphTest {

  @Test
  void edgesAreGroupedByDestinationInTheOrderTheyWereAdded() {
    CsrGraph graph = CsrGraph.fromEdges(4, new int[] {2, 0, 3, 1, 0}, new int[] {1, 1, 0, 1, 3});

    assertThat(graph.offsets()).containsExactly(0, 1, 4, 4, 5);
    assertThat(graph.sources()).containsExactly(3, 2, 0, 1, 0);
    assertThat(graph.inDegree(1)).isEqualTo(3);
  }

  @Test
  void theBuilderCountsOutDegreesIncludingParallelEdgesAndSelfLoops() {
    CsrGraph graph = new CsrGraphBuilder(3).addEdge(0, 1).addEdge(0, 1).addEdge(2, 2).build();

    assertThat(graph.outDegree()).containsExactly(2, 0, 1);
    assertThat(graph.edgeCount()).isEqualTo(3);
  }

  @Test
  void withoutParallelEdgesEachPairCountsOnceInTheRowAndTheOutDegree() {
    CsrGraph graph = new CsrGraphBuilder(4)
        .addEdge(3, 1).addEdge(0, 1).addEdge(3, 1).addEdge(2, 2).addEdge(0, 3).addEdge(2, 2).addEdge(0, 1)
        .buildWithoutParallelEdges();

    assertThat(graph.offsets()).containsExactly(0, 0, 2, 3, 4);
    assertThat(graph.sources()).containsExactly(0, 3, 2, 0);
    assertThat(graph.outDegree()).containsExactly(2, 0, 1, 1);
  }

  @Test
  void aBuilderAdoptingEdgeArraysBuildsWhatAddingTheirEdgesBuildsAndIgnoresWhatLiesPastTheCount() {
    int[] sources = {0, 1, 0, 2, 0, 99};
    int[] destinations = {1, 0, 1, 0, 2, 99}; // the last entry is room the reader did not fill

    CsrGraph adopted = CsrGraphBuilder.adopting(3, sources, destinations, 5).buildWithoutParallelEdges();
    CsrGraph added = new CsrGraphBuilder(3).addEdge(0, 1).addEdge(1, 0).addEdge(0, 1).addEdge(2, 0).addEdge(0, 2)
        .buildWithoutParallelEdges();

    assertThat(adopted.offsets()).containsExactly(added.offsets());
    assertThat(adopted.sources()).containsExactly(added.sources());
    assertThat(adopted.outDegree()).containsExactly(added.outDegree());
  }

  @Test
  void adoptedEdgesOutsideTheGraphOrPastTheArraysAreRejected() {
    assertThatThrownBy(() -> CsrGraphBuilder.adopting(2, new int[] {0, 2}, new int[] {1, 0}, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("edge 2 -> 0");
    assertThatThrownBy(() -> CsrGraphBuilder.adopting(2, new int[] {0}, new int[] {1, 0}, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 edges in arrays of 1 sources");
  }

  @Test
  void anEmptyGraphHasOneOffsetAndNoEdges() {
    CsrGraph graph = CsrGraph.fromEdges(0, new int[0], new int[0]);

    assertThat(graph.nodeCount()).isZero();
    assertThat(graph.offsets()).containsExactly(0);
  }

  @Test
  void anEdgeToANodeOutsideTheGraphIsRejectedWithTheEdgeNamed() {
    assertThatThrownBy(() -> new CsrGraphBuilder(2).addEdge(0, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 -> 2");
  }

  @Test
  void anEdgeOutsideTheGraphIsRejectedWithTheGraphsNodeRangeNamed() {
    assertThatThrownBy(() -> new CsrGraphBuilder(3).addEdge(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside 0..2");
  }

  @Test
  void aBuilderWithNoRoomReservedTakesAsManyEdgesAsItIsGiven() {
    CsrGraphBuilder builder = new CsrGraphBuilder(10, 0);
    for (int i = 0; i < 100; i++) {
      builder.addEdge(i % 10, (i * 7 + 3) % 10);
    }

    CsrGraph graph = builder.build();

    assertThat(builder.edgeCount()).isEqualTo(100);
    assertThat(graph.edgeCount()).isEqualTo(100);
    assertThat(graph.outDegree()).containsOnly(10);
    for (int v = 0; v < 10; v++) {
      assertThat(graph.inDegree(v)).as("in-degree of %s", v).isEqualTo(10);
    }
  }

  @Test
  void edgeListsOfDifferentLengthsAreRejected() {
    assertThatThrownBy(() -> CsrGraph.fromEdges(2, new int[] {0}, new int[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same length");
  }

  @Test
  void inconsistentArraysAreRejectedWhenTheGraphIsMade() {
    assertThatThrownBy(() -> new CsrGraph(new int[] {0, 2}, new int[] {0}, new int[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sources.length");
  }
  @Test
  void aSourceOutsideTheGraphIsRejectedWhenTheGraphIsMadeNotReadOnTheDevice() {
    // The OpenCL kernels index their buffers with these numbers unchecked: PoCL read past the end
    // of the rank buffer, or crashed the JVM, where the Java backend threw.
    assertThatThrownBy(() -> new CsrGraph(new int[] {0, 1, 2}, new int[] {5, 0}, new int[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sources[0] = 5");
    assertThatThrownBy(() -> new CsrGraph(new int[] {0, 1, 2}, new int[] {0, -1}, new int[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sources[1] = -1");
  }

  @Test
  void offsetsThatGoDownAndNegativeOutDegreesAreRejectedWhenTheGraphIsMade() {
    assertThatThrownBy(() -> new CsrGraph(new int[] {0, 2, 1}, new int[] {1}, new int[] {1, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offsets[2] = 1 < offsets[1] = 2");
    assertThatThrownBy(() -> new CsrGraph(new int[] {0, 0, 0}, new int[0], new int[] {0, -3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outDegree[1] = -3");
  }

  @Test
  void outDegreesThatDisagreeWithTheEdgesAreRejectedWhenTheGraphIsMade() {
    // Node 0 has three out-edges: declared as one, its rank would be handed out three times over.
    int[] offsets = {0, 1, 2, 3};
    int[] sources = {0, 0, 0};

    assertThatThrownBy(() -> new CsrGraph(offsets, sources, new int[] {1, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("outDegree[0] = 1, but 3 of the edges leave node 0");
    assertThat(new CsrGraph(offsets, sources, new int[] {3, 0, 0}).edgeCount()).isEqualTo(3);
  }

  @Test
  void theBuilderGrowsUpToTheLargestArrayAndThenSaysItIsFull() {
    assertThat(CsrGraphBuilder.grownCapacity(0)).isEqualTo(16);
    assertThat(CsrGraphBuilder.grownCapacity(1000)).isEqualTo(1500);
    assertThat(CsrGraphBuilder.grownCapacity(1_431_655_766)).isEqualTo(CsrGraphBuilder.MAX_EDGES);
    assertThat(CsrGraphBuilder.grownCapacity(CsrGraphBuilder.MAX_EDGES - 1)).isEqualTo(CsrGraphBuilder.MAX_EDGES);
    assertThatThrownBy(() -> CsrGraphBuilder.grownCapacity(CsrGraphBuilder.MAX_EDGES))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("more than 2147483639 edges: a graph holds at most that many (a Java array's limit)");
  }
}
