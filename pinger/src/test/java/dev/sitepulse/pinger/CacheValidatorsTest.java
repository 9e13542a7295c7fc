package dev.sitepulse.pinger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CacheValidatorsTest {

  @Test
  void aValidatorIsKeptAsTheServerSentItWithoutSurroundingBlanks() {
    CacheValidators v = new CacheValidators(" W/\"abc-1\" ", "Tue, 01 Dec 2026 10:00:00 GMT");

    assertThat(v.etag()).isEqualTo("W/\"abc-1\"");
    assertThat(v.lastModified()).isEqualTo("Tue, 01 Dec 2026 10:00:00 GMT");
    assertThat(v.any()).isTrue();
  }

  @Test
  void aValidatorThatCouldNotBeSentBackInARequestIsDropped() {
    CacheValidators v = new CacheValidators("\"caf\u00e9\"", "Tue, 01 Dec 2026\u0001");

    assertThat(v.etag()).isNull();
    assertThat(v.lastModified()).isNull();
    assertThat(v.any()).isFalse();
  }

  @Test
  void blankValidatorsAreNone() {
    assertThat(new CacheValidators("  ", "")).isEqualTo(CacheValidators.NONE);
  }
}
