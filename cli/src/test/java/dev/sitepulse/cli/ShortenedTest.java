package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShortenedTest {

  @Test
  void textThatFitsIsLeftAsItIs() {
    assertThat(Shortened.of("asyncio", 7)).isEqualTo("asyncio");
  }

  @Test
  void longerTextEndsInAnEllipsisWithinTheLength() {
    assertThat(Shortened.of("asyncio event loop", 10)).isEqualTo("asyncio e…");
  }

  @Test
  void aCutNeverSplitsAnEmojiInHalf() {
    String cut = Shortened.of("ab\uD83D\uDE80cdef", 4);

    assertThat(cut).isEqualTo("ab…");
    assertThat(cut.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
  }
}
