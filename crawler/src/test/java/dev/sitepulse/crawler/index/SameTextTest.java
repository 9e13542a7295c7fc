package dev.sitepulse.crawler.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SameTextTest {

  @Test
  void theSameTitleAndTextGiveOneKeyAndWhereTheTitleEndsCounts() {
    assertThat(SameText.key("Intro", "Welcome.".toCharArray())).isEqualTo(SameText.key("Intro", "Welcome.".toCharArray()))
        .isNotEqualTo(SameText.key("Intro", "Welcome!".toCharArray()))
        .startsWith("same text ");
    assertThat(SameText.key("a\0", "b".toCharArray())).isNotEqualTo(SameText.key("a", "\0b".toCharArray()));
  }
}
