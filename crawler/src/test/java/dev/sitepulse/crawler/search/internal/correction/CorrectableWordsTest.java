package dev.sitepulse.crawler.search.internal.correction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.search.internal.query.QueryWords.Word;
import org.junit.jupiter.api.Test;

class CorrectableWordsTest {
  @Test
  void aWordWithAnEscapeAnywhereInItIsLeftAsTypedFirstLetterIncluded() {
    // The parser searches such a word unescaped, not as typed: it is left alone wherever the
    // escape stands, the first character included.
    assertThat(CorrectableWords.in("\\-asyncoi concurent \\+dictionry pathl\\:b")).extracting(Word::text)
        .containsExactly("concurent");
  }
}
