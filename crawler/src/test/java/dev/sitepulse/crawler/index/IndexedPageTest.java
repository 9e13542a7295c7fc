package dev.sitepulse.crawler.index;

import static dev.sitepulse.crawler.index.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IndexedPageTest {

  @Test
  void aLinkTextShareOutsideZeroToOneIsRefusedAndBothEndsAreKept() {
    for (float share : new float[] {-0.01f, 1.01f, Float.NaN}) {
      assertThatThrownBy(() -> page("https://h/a").linkTextShare(share).build())
          .as("share %s", share).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("linkTextShare");
    }
    assertThat(page("https://h/a").linkTextShare(0).build().linkTextShare()).isZero();
    assertThat(page("https://h/a").linkTextShare(1).build().linkTextShare()).isOne();
  }
}
