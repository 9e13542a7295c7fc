package dev.sitepulse.analytics.internal.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClSessionTest {

  @Test
  void aGlobalSizeIsTheItemsRoundedUpToWholeWorkGroups() {
    assertThat(ClSession.globalSize(1, 256)).isEqualTo(256);
    assertThat(ClSession.globalSize(256, 256)).isEqualTo(256);
    assertThat(ClSession.globalSize(257, 64)).isEqualTo(320);
  }

  @Test
  void theGlobalSizeForTheLargestArrayGoesPastTheIntRangeInsteadOfOverflowing() {
    // ClPageRank computed (long) (m + local - 1) / local * local: the sum overflowed in int for
    // the 2^31-1 edges the docs allow, and the launch got a negative global size.
    assertThat(ClSession.globalSize(Integer.MAX_VALUE, 256)).isEqualTo(1L << 31);
    assertThat(ClSession.globalSize(Integer.MAX_VALUE - 2, 256) / 256).isEqualTo(1 << 23);
  }

  @Test
  void moreItemsThanTheKernelsCanNumberAreRefusedWithTheLimit() {
    assertThatThrownBy(() -> ClSession.globalSize(1L << 31, 256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("2147483648 work-items in one launch: the kernels number them with 32-bit ints,"
            + " at most 2147483647");
  }
}
