package dev.sitepulse.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** srcset read by the HTML spec's rules, which differ from splitting on commas. */
class SrcsetTest {

  @Test
  void candidatesAreSeparatedByCommasAndTheirDescriptorsAreLeftOut() {
    assertThat(Srcset.urls("a.jpg 1x, b.jpg 2x,c.jpg 300w 200h ,  d.jpg")).containsExactly("a.jpg", "b.jpg", "c.jpg", "d.jpg");
  }

  @Test
  void aUrlEndsAtWhitespaceSoACommaInsideItIsPartOfIt() {
    assertThat(Srcset.urls("/img/a,b.jpg 1x, /img/c.jpg 2x")).containsExactly("/img/a,b.jpg", "/img/c.jpg");
    // No whitespace after the comma: one URL, as a browser reads it.
    assertThat(Srcset.urls("a.jpg,b.jpg")).containsExactly("a.jpg,b.jpg");
  }

  @Test
  void commasAtTheEndOfAUrlAreStrippedAndEndItsCandidate() {
    assertThat(Srcset.urls("a.jpg, b.jpg,, c.jpg,")).containsExactly("a.jpg", "b.jpg", "c.jpg");
  }

  @Test
  void aDataUrlKeepsItsCommaAndItsDescriptorIsLeftOut() {
    assertThat(Srcset.urls("data:image/png;base64,iVBORw0KGgo= 1x, b.png 2x"))
        .containsExactly("data:image/png;base64,iVBORw0KGgo=", "b.png");
  }

  @Test
  void aCommaInsideParenthesesInADescriptorDoesNotEndTheCandidate() {
    assertThat(Srcset.urls("a.jpg future(1, 2), b.jpg")).containsExactly("a.jpg", "b.jpg");
  }

  @Test
  void leadingWhitespaceAndCommasAndAnEmptyValueGiveNoUrl() {
    assertThat(Srcset.urls("")).isEmpty();
    assertThat(Srcset.urls(" \t\n, ,")).isEmpty();
    assertThat(Srcset.urls(" ,\n a.jpg\t2x")).containsExactly("a.jpg");
  }
}
