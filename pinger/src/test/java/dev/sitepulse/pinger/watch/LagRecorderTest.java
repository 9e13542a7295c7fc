package dev.sitepulse.pinger.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LagRecorderTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final LagRecorder lag = new LagRecorder(clock);

  @Test
  void noQuantileIsAboveTheLargestLagRecorded() {
    lag.record(2_165_204);
    for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
      assertThat(lag.quantileSeconds(q)).as("quantile %s", q).isEqualTo(0.002165204);
    }
    assertThat(lag.maxSeconds()).isEqualTo(0.002165204);
  }

  @Test
  void aQuantileIsItsBucketsUpperEdgeUnlessThatIsPastTheMax() {
    for (int i = 0; i < 99; i++) {
      lag.record(1_500_000);
    }
    lag.record(7_250_000);
    assertThat(lag.quantileSeconds(0.5)).isEqualTo(0.002);
    assertThat(lag.quantileSeconds(0.999)).isEqualTo(0.00725);
  }

  @Test
  void aRecorderWithNoTickInItsWindowHasNoQuantile() {
    assertThat(lag.quantileSeconds(0.99)).isNaN();
  }

  @Test
  void aBusyStartIsForgottenByTheQuantilesOnceItIsOlderThanTheWindow() {
    for (int i = 0; i < 1000; i++) {
      lag.record(3_000_000_000L); // a start-up that held the loop for 3 s
    }
    clock.advance(LagRecorder.WINDOW);
    for (int i = 0; i < 10; i++) {
      lag.record(1_200_000);
    }

    assertThat(lag.quantileSeconds(0.99)).isEqualTo(0.0012);
    // The sum and count stay cumulative, as a summary's must.
    assertThat(lag.count()).isEqualTo(1010);
    assertThat(lag.sumSeconds()).isEqualTo(3000.012);
  }

  @Test
  void theMaxIsOfTheSameWindowAsTheQuantilesSoABusyStartFadesFromItToo() {
    lag.record(3_000_000_000L);
    assertThat(lag.maxSeconds()).isEqualTo(3.0);
    clock.advance(LagRecorder.WINDOW);
    lag.record(1_200_000);

    assertThat(lag.maxSeconds()).isEqualTo(0.0012);
    clock.advance(LagRecorder.WINDOW);
    assertThat(lag.maxSeconds()).as("no tick in the window").isNaN();
  }

  @Test
  void aStallAfterALongQuietRunShowsInTheQuantiles() {
    for (int day = 0; day < 30; day++) { // a month of ticks on time
      for (int i = 0; i < 1000; i++) {
        lag.record(1_000_000);
      }
      clock.advance(Duration.ofDays(1));
    }
    for (int i = 0; i < 20; i++) { // then a stall: a check's code held the loop
      lag.record(2_500_000_000L);
      clock.advance(Duration.ofSeconds(10));
    }
    for (int i = 0; i < 100; i++) {
      lag.record(1_000_000);
    }

    assertThat(lag.quantileSeconds(0.9)).isEqualTo(2.5);
  }

  @Test
  void aQuantileIsCappedAtTheLargestLagOfItsWindowNotOfTheWholeRun() {
    lag.record(5_000_000_000L);
    clock.advance(LagRecorder.WINDOW);
    lag.record(2_165_204);

    assertThat(lag.quantileSeconds(0.5)).isEqualTo(0.002165204);
  }

  @Test
  void theWindowCoversTheRecentPastWithinOneAgeBucket() {
    lag.record(4_000_000_000L);
    clock.advance(LagRecorder.WINDOW.minus(LagRecorder.WINDOW.dividedBy(LagRecorder.AGE_BUCKETS)));
    lag.record(1_000_000);

    assertThat(lag.quantileSeconds(0.99)).as("a lag less than the window old").isEqualTo(4.0);
  }
}
