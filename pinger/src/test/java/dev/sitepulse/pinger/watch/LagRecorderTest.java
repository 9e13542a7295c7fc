package dev.sitepulse.pinger.watch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LagRecorderTest {

  @Test
  void noQuantileIsAboveTheLargestLagRecorded() {
    LagRecorder lag = new LagRecorder();
    lag.record(2_165_204);
    for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
      assertThat(lag.quantileSeconds(q)).as("quantile %s", q).isEqualTo(0.002165204);
    }
    assertThat(lag.maxSeconds()).isEqualTo(0.002165204);
  }

  @Test
  void aQuantileIsItsBucketsUpperEdgeUnlessThatIsPastTheMax() {
    LagRecorder lag = new LagRecorder();
    for (int i = 0; i < 99; i++) {
      lag.record(1_500_000);
    }
    lag.record(7_250_000);
    assertThat(lag.quantileSeconds(0.5)).isEqualTo(0.002);
    assertThat(lag.quantileSeconds(0.999)).isEqualTo(0.00725);
  }

  @Test
  void anEmptyRecorderSaysZero() {
    assertThat(new LagRecorder().quantileSeconds(0.99)).isZero();
  }
}
