package dev.sitepulse.pinger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void formatsAsAPersonWouldWriteIt() {
    assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(Durations.format(Duration.ofMillis(9999))).as("not 10.0s beside 8s").isEqualTo("10s");
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Durations.format(Duration.ofHours(24))).isEqualTo("24h");
    assertThat(Durations.format(Duration.ofHours(720))).isEqualTo("30d");
    assertThat(Durations.format(Duration.ofHours(50).plusMinutes(5))).isEqualTo("2d2h5m");
    assertThat(Durations.format(Duration.ofDays(100_000))).isEqualTo("100000d");
  }

  @Test
  void underAMillisecondItKeepsItsUnitInsteadOfReadingZero() {
    assertThat(Durations.format(Duration.ofNanos(1))).isEqualTo("1ns");
    assertThat(Durations.format(Duration.ofNanos(40_000))).isEqualTo("40us");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0ms");
  }

  @Test
  void whatItWritesReadsBackAsTheSameDuration() {
    for (String text : new String[] {"1ns", "40us", "250ms", "2s", "1.5s", "2m", "1h30m", "36h", "30d", "2d2h5m"}) {
      Duration d = Durations.parse(text);
      assertThat(Durations.parse(Durations.format(d))).as(text).isEqualTo(d);
    }
  }

  @Test
  void aDurationPastWhatNanosecondsCanCountIsRefusedNotCutTo292Years() {
    assertThat(Durations.parse("106751d")).isEqualTo(Duration.ofDays(106751));
    assertThatThrownBy(() -> Durations.parse("9999999999d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"9999999999d\" is too long a duration (at most 106751d, 292 years)");
  }

  @Test
  void aDurationWithARepeatedUnitIsRefused() {
    assertThatThrownBy(() -> Durations.parse("5s5s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"5s5s\" is not a duration: s is given twice (write each unit once, larger first, e.g. 1h30m)");
    assertThatThrownBy(() -> Durations.parse("1us2µs")).hasMessageContaining("us and µs are one unit");
  }

  @Test
  void aDurationWithUnitsOutOfOrderIsRefused() {
    assertThatThrownBy(() -> Durations.parse("30m1h"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"30m1h\" is not a duration: h comes after m (write each unit once, larger first, e.g. 1h30m)");
    assertThat(Durations.parse("1d2h3m4s5ms6us7ns"))
        .isEqualTo(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(5).plusNanos(6007));
  }

  @Test
  void aDecimalDurationIsExactNotANanosecondShortOfWhatWasWritten() {
    assertThat(Durations.parse("8.2s")).isEqualTo(Duration.ofMillis(8200));
    assertThat(Durations.parse("1.005s")).isEqualTo(Duration.ofMillis(1005));
    assertThat(Durations.parse("1.1h")).isEqualTo(Duration.ofMinutes(66));
    assertThat(Durations.parse("0.1ms")).isEqualTo(Duration.ofNanos(100_000));
    assertThat(Durations.parse("1h0.3s")).isEqualTo(Duration.ofHours(1).plusMillis(300));
    assertThat(Durations.parse("1.5ns")).as("a part of a nanosecond is dropped").isEqualTo(Duration.ofNanos(1));
  }

  @Test
  void aNegativeDurationIsRefusedAsNegativeNotAsNoDuration() {
    assertThatThrownBy(() -> Durations.parse("-5s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"-5s\" is negative: a duration cannot be (use e.g. 5s)");
    assertThatThrownBy(() -> Durations.parse("-1h30m")).hasMessage("\"-1h30m\" is negative: a duration cannot be (use e.g. 1h30m)");
    assertThatThrownBy(() -> Durations.parse("-0")).hasMessageContaining("is negative");
  }

  @Test
  void aBareNumberOtherThanZeroIsRefusedForWantingAUnit() {
    assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> Durations.parse("10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"10\" is not a duration: a number needs a unit, such as 10s or 10ms (only 0 needs none)");
    assertThatThrownBy(() -> Durations.parse("-10")).hasMessage("\"-10\" is negative: a duration cannot be (use e.g. 10s)");
  }

  @Test
  void aNegativeDurationIsWrittenAsItsSizeAfterAMinusSign() {
    assertThat(Durations.format(Duration.ofDays(-2166).minusSeconds(90))).isEqualTo("-2166d1m30s");
    assertThat(Durations.format(Duration.ofMillis(-1500))).isEqualTo("-1.5s");
    assertThat(Durations.format(Duration.ofNanos(-40_000))).isEqualTo("-40us");
  }
}
