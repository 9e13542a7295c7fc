package dev.sitepulse.pinger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateTest {

  @Test
  void aRateTooLargeForADoubleIsRefusedNotTakenForUnlimited() {
    String huge = "1" + "0".repeat(400) + "/s";

    assertThatThrownBy(() -> Rate.parse(huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"" + huge + "\" is too large a rate; write unlimited to turn limiting off");
  }

  @Test
  void aRateSlowerThanNanosecondsCanSpaceIsRefusedNotCutTo292Years() {
    assertThatThrownBy(() -> Rate.parse("0.000000000001/h"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"0.000000000001/h\" is too slow a rate: fewer than one request in 292 years");
    assertThat(Rate.parse("0.001/h").interval()).isEqualTo(Duration.ofHours(1000));
  }

  @Test
  void aBareNumberIsRefusedWithTheUnitsItCouldTake() {
    assertThatThrownBy(() -> Rate.parse("5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"5\" is not a rate (a rate needs a unit: 5/s, 5/m or 5/h)");
  }

  @Test
  void aRateOfNoneAUnitIsRefusedAndTheBareZeroMeansUnlimited() {
    assertThatThrownBy(() -> Rate.parse("0/s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"0/s\" would allow no request; write unlimited (or 0) to turn limiting off");
    assertThat(Rate.parse("0").isUnlimited()).isTrue();
    assertThat(Rate.parse("UNLIMITED").isUnlimited()).isTrue();
  }
}
