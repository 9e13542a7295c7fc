package dev.sitepulse.analytics.internal.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlockPlanTest {

  @Test
  void blocksCoverAll64BitsInNearlyEqualWidths() {
    BlockPlan plan = BlockPlan.of(3, 1000);

    assertThat(plan.blocks()).isEqualTo(4);
    for (int b = 0; b < 4; b++) {
      assertThat(plan.shift(b)).isEqualTo(16 * b);
      assertThat(plan.mask(b)).isEqualTo(0xFFFFL);
    }
  }

  @Test
  void tooManyFingerprintsForTheBlocksAreRefusedBeforeAnyArrayIsMade() {
    // 64 blocks of 33.6M documents overflowed Buckets' int-sized order array: a negative size.
    assertThatThrownBy(() -> BlockPlan.of(63, 33_600_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("33600000 fingerprints are too many for maxDistance 63: at most 33554431"
            + " (one sorted copy per block, 64 blocks)");
    assertThat(BlockPlan.of(3, 33_600_000).blocks()).isEqualTo(4);
  }
}
