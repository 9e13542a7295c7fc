package dev.sitepulse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

  @Test
  void aShareThatIsAWholeHundredthPrintsAsItself() {
    // 0.57 * 10000 is 5699.999999999999 in double: 15 such shares of at most 200 checks printed a hundredth low.
    for (long checks = 1; checks <= 400; checks++) {
      for (long reached = 0; reached <= checks; reached++) {
        if (reached * 10_000 % checks == 0) {
          String expected = reached == checks ? "100%" : String.format(Locale.ROOT, "%.2f%%", reached * 100.0 / checks);
          assertThat(Figures.percent(new Availability(reached, checks))).as(reached + "/" + checks).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void anythingShortOfAllChecksNeverRoundsUpTo100Percent() {
    assertThat(Figures.percent(new Availability(99_999, 100_000))).isEqualTo("99.99%");
    assertThat(Figures.percent(new Availability(2, 3))).isEqualTo("66.66%");
  }

  @Test
  void jsonGetsTheDoubleNearestTheExactPercentage() {
    assertThat(new Availability(57, 100).percent()).isEqualTo(57.0);
    assertThat(new Availability(43, 125).percent()).isEqualTo(34.4);
  }

  @Test
  void noChecksPrintAsADash() {
    assertThat(Figures.percent(Availability.NO_CHECKS)).isEqualTo("-");
  }
}
