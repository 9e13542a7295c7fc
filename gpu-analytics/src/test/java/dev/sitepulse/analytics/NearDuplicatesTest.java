package dev.sitepulse.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NearDuplicatesTest {

  private static final JavaBackend JAVA = new JavaBackend();

  @AfterAll
  static void close() {
    JAVA.close();
  }

  @ParameterizedTest(name = "{0} documents within {1} bits")
  @CsvSource({"2, 3", "50, 0", "3000, 0", "3000, 1", "3000, 3", "3000, 6", "500, 20", "200, 63"})
  void pairsAreExactlyThoseBruteForceFinds(int n, int k) {
    long[] fp = Fixtures.fingerprints(n, k, 17L * n + k);

    NearDuplicates result = JAVA.nearDuplicates(fp, k);

    assertThat(result.pairs()).containsExactly(Fixtures.bruteForcePairs(fp, k));
    for (int i = 0; i < result.pairCount(); i++) {
      assertThat(result.distance(i))
          .isEqualTo(Long.bitCount(fp[result.left(i)] ^ fp[result.right(i)]))
          .isLessThanOrEqualTo(k);
    }
  }

  @Test
  void noDocumentsGiveNoPairsAndNoClusters() {
    NearDuplicates result = JAVA.nearDuplicates(new long[0], 3);

    assertThat(result.pairs()).isEmpty();
    assertThat(result.clusters().count()).isZero();
  }

  @Test
  void identicalDocumentsAreAllPairedAndFormOneCluster() {
    long[] fp = new long[40];
    java.util.Arrays.fill(fp, 0x1234_5678_9ABC_DEF0L);

    NearDuplicates result = JAVA.nearDuplicates(fp, 3);

    assertThat(result.pairCount()).isEqualTo(40 * 39 / 2);
    assertThat(result.distances()).containsOnly((byte) 0);
    assertThat(result.clusters().count()).isEqualTo(1);
    assertThat(result.clusters().size(0)).isEqualTo(40);
  }

  @Test
  void clustersAreConnectedComponentsEvenWhenTheEndsAreFarApart() {
    long a = 0L;
    long b = 0b111L;
    long c = 0b111_111L;
    long stranger = -1L;
    long[] fp = {c, stranger, a, b, 0x00F0_0000_0000_0000L, 0x00F1_0000_0000_0000L};

    NearDuplicates result = JAVA.nearDuplicates(fp, 3);

    assertThat(result.pairCount()).isEqualTo(3); // c-b, a-b, and the last two
    assertThat(result.clusters().count()).isEqualTo(2);
    assertThat(result.clusters().members(0)).containsExactly(0, 2, 3);
    assertThat(result.clusters().members(1)).containsExactly(4, 5);
  }

  @Test
  void distanceZeroFindsOnlyExactDuplicates() {
    long[] fp = {5L, 5L, 4L, 5L};

    NearDuplicates result = JAVA.nearDuplicates(fp, 0);

    assertThat(result.pairs()).containsExactly(0L << 32 | 1, 0L << 32 | 3, 1L << 32 | 3);
  }

  @Test
  void copiesOfOnePageAreOneClusterAndTheirPairsAreCountedNotListedPastTheCap() {
    long[] fp = new long[3_003]; // 3,000 copies: 4,498,500 pairs, more than are listed
    java.util.Arrays.fill(fp, 0, 3_000, 12345L);
    fp[3_000] = 12345L ^ 0b101; // near the copies: 3,000 more pairs
    fp[3_001] = -1L;
    fp[3_002] = -1L ^ 1; // a pair of its own

    NearDuplicates result = JAVA.nearDuplicates(fp, 3);

    assertThat(result.pairCount()).isEqualTo(3_000L * 2_999 / 2 + 3_000 + 1);
    assertThat(result.pairs()).isEmpty();
    assertThat(result.pairsListed()).isFalse();
    assertThat(result.clusters().count()).isEqualTo(2);
    assertThat(result.clusters().size(0)).isEqualTo(3_001);
    assertThat(result.clusters().members(1)).containsExactly(3_001, 3_002);
  }

  @Test
  void pairCountsPastTwoToThe31AreCountedInALong() {
    long[] fp = new long[70_000]; // 2,449,965,000 pairs of copies

    NearDuplicates result = JAVA.nearDuplicates(fp, 3);

    assertThat(result.pairCount()).isEqualTo(70_000L * 69_999 / 2);
    assertThat(result.clusters().count()).isEqualTo(1);
  }

  @Test
  void groupsOfCopiesNearOtherGroupsListEveryPairBruteForceFinds() {
    long[] fp = new long[400];
    for (int i = 0; i < fp.length; i++) { // copies of four fingerprints, interleaved, two of them near
      fp[i] = switch (i % 4) {
        case 0 -> 0xABCDL;
        case 1 -> 0xABCDL ^ 0b11L << 40;
        case 2 -> 0x5555_0000_0000L;
        default -> i;
      };
    }

    NearDuplicates result = JAVA.nearDuplicates(fp, 3);

    assertThat(result.pairs()).containsExactly(Fixtures.bruteForcePairs(fp, 3));
    assertThat(result.pairCount()).isEqualTo(result.pairs().length);
    assertThat(result.pairsListed()).isTrue();
  }
}
