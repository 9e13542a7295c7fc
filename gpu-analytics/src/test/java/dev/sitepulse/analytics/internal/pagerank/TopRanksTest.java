package dev.sitepulse.analytics.internal.pagerank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.RankedNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopRanksTest {

  private static final CsrGraph THREE = CsrGraph.fromEdges(3, new int[0], new int[0]);

  @Test
  void ranksThatDifferOnlyInTheirLastBitsAreTiesListedInNodeOrder() {
    // Two pages every page links to, as a site's navigation makes them, rank the same; summed in
    // another order (a GPU's tree of lanes) they come out an ulp or two apart, either way round.
    double rank = 0.06593982856746007;
    double[] ranks = {0.01, Math.nextUp(Math.nextUp(rank)), rank};

    assertThat(nodes(TopRanks.select(ranks, THREE, 3))).containsExactly(1, 2, 0);
    assertThat(nodes(TopRanks.select(new double[] {0.01, rank, Math.nextUp(rank)}, THREE, 3)))
        .containsExactly(1, 2, 0);
  }

  @Test
  void ranksFurtherApartThanRoundingKeepTheirOrderAndTheirOwnValues() {
    double[] ranks = {0.2, 0.2 + 1e-11, 0.6 - 1e-11};

    List<RankedNode> top = TopRanks.select(ranks, THREE, 2);

    assertThat(nodes(top)).containsExactly(2, 1);
    assertThat(top.get(1).rank()).isEqualTo(0.2 + 1e-11);
  }

  private static List<Integer> nodes(List<RankedNode> top) {
    return top.stream().map(RankedNode::node).toList();
  }
}
