package dev.sitepulse.pinger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidatorsTest {

  @Test
  void aValidatorIsKeptAsTheServerSentItWithoutSurroundingBlanks() {
    Validators v = new Validators(" W/\"abc-1\" ", "Tue, 01 Dec 2026 10:00:00 GMT");

    assertThat(v.etag()).isEqualTo("W/\"abc-1\"");
    assertThat(v.lastModified()).isEqualTo("Tue, 01 Dec 2026 10:00:00 GMT");
    assertThat(v.any()).isTrue();
  }

  @Test
  void aValidatorThatCouldNotBeSentBackInARequestIsDropped() {
    Validators v = new Validators("\"caf\u00e9\"", "Tue, 01 Dec 2026\u0001");

    assertThat(v.etag()).isNull();
    assertThat(v.lastModified()).isNull();
    assertThat(v.any()).isFalse();
  }

  @Test
  void blankValidatorsAreNone() {
    assertThat(new Validators("  ", "")).isEqualTo(Validators.NONE);
  }
}
