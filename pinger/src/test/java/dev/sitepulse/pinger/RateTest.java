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
}
