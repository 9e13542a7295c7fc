package dev.sitepulse.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CollapsingTextTest {

  @Test
  void whitespaceRunsAcrossAppendsCollapseToOneSpaceWithNoneLeadingOrTrailing() {
    CollapsingText text = new CollapsingText(1);
    text.append("  \n\tfirst\u00a0 ");
    text.space();
    text.append("\r\n second\f");
    assertThat(text).hasToString("first second");
  }

  @Test
  void zeroWidthSpacesAndSoftHyphensVanishWithoutSplittingTheWord() {
    assertThat(CollapsingText.collapse("hy\u00adphen\u200bated \u200b word")).isEqualTo("hyphenated word");
  }

  @Test
  void theBufferGrowsPastItsCapacityAndKeepsNonLatinText() {
    CollapsingText text = new CollapsingText(4);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      text.append("¶ wörd—" + i + "  ");
      text.space();
      expected.append("¶ wörd—").append(i).append(' ');
    }
    assertThat(text).hasToString(expected.toString().trim());
    assertThat(text.simHash()).isEqualTo(SimHash.of(expected.toString().trim()));
  }

  @Test
  void spaceAloneAddsNothingToAnEmptyText() {
    CollapsingText text = new CollapsingText(0);
    text.space();
    assertThat(text.isEmpty()).isTrue();
    assertThat(text).hasToString("");
  }
}
