package dev.sitepulse.crawler.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamePartsTest {

  @Test
  void theDottedNamesOfATextGiveTheirPartsWithALetter() {
    assertThat(NameParts.of("Call dgram.createSocket() or os.path.join, in v3.11.4. End. Next".toCharArray()))
        .isEqualTo("dgram createSocket os path join v3");
    assertThat(NameParts.of("no names here, 3.14 and a sentence.".toCharArray())).isEmpty();
    assertThat(NameParts.of("Call größe.äpfel_x or ιστός.σελίδα.".toCharArray())).isEqualTo("größe äpfel_x ιστός σελίδα");
  }
}
