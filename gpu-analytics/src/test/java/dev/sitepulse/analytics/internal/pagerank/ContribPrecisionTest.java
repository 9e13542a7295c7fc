package dev.sitepulse.analytics.internal.pagerank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContribPrecisionTest {

  @Test
  void floatLastsWhileTheChangeFallsAndIsWellAboveFloatNoise() {
    ContribPrecision precision = new ContribPrecision();

    assertThat(precision.needsDouble(Double.POSITIVE_INFINITY)).isFalse();
    assertThat(precision.needsDouble(0.5)).isFalse();
    assertThat(precision.needsDouble(1e-3)).isFalse();
    assertThat(precision.needsDouble(2e-7)).isFalse();
    assertThat(precision.needsDouble(9e-8)).isTrue();
  }

  @Test
  void aChangeThatStopsFallingTurnsItDoubleEvenWhenLarge() {
    ContribPrecision precision = new ContribPrecision();

    precision.needsDouble(Double.POSITIVE_INFINITY);
    precision.needsDouble(1e-3);

    assertThat(precision.needsDouble(1e-3)).isTrue();
  }
}
