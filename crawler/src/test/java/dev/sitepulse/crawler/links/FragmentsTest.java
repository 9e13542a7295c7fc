package dev.sitepulse.crawler.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FragmentsTest {

  @Test
  void escapesAreDecodedAsUtf8() {
    assertThat(Fragments.percentDecoded("caf%C3%A9")).isEqualTo("café");
    assertThat(Fragments.percentDecoded("with%20space")).isEqualTo("with space");
  }

  @Test
  void aTextFragmentDirectiveIsNoPartOfTheIdItFollows() {
    assertThat(Fragments.elementPart(":~:text=hello")).isEmpty();
    assertThat(Fragments.elementPart("intro:~:text=a,b")).isEqualTo("intro");
    assertThat(Fragments.elementPart("plain")).isEqualTo("plain");
  }

  @Test
  void aPlusStaysAPlusAsFragmentsAreNoFormData() {
    assertThat(Fragments.percentDecoded("a+b%2Bc")).isEqualTo("a+b+c");
  }

  @Test
  void aPercentThatStartsNoEscapeStaysAsWritten() {
    assertThat(Fragments.percentDecoded("%")).isEqualTo("%");
    assertThat(Fragments.percentDecoded("100%")).isEqualTo("100%");
    assertThat(Fragments.percentDecoded("%4")).isEqualTo("%4");
    assertThat(Fragments.percentDecoded("%zz%41")).isEqualTo("%zzA");
    assertThat(Fragments.percentDecoded("é%")).isEqualTo("é%");
  }
}
