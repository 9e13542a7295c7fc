package dev.sitepulse.pinger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetTest {

  @Test
  void tenRetriesAreTheMostATargetTakes() {
    assertThat(Target.MAX_RETRIES).isEqualTo(10);
    assertThat(Target.of("http://127.0.0.1/").withRetries(10).retries()).isEqualTo(10);
  }

  @Test
  void elevenRetriesAreRefusedNamingTheValueSoAOneShotPingStillEndsOnTime() {
    assertThatThrownBy(() -> Target.of("http://127.0.0.1/").withRetries(11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retries must be 0 to 10, got 11");
  }

  @Test
  void negativeRetriesAreRefusedWithTheSameMessage() {
    assertThatThrownBy(() -> Target.of("http://127.0.0.1/").withRetries(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retries must be 0 to 10, got -1");
  }
}
