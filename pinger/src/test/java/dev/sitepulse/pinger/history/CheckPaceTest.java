package dev.sitepulse.pinger.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CheckPaceTest {

  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

  /** Check times in seconds, newest first, each check taking 5 ms. */
  private static List<CheckTime> newestFirst(long... seconds) {
    return LongStream.of(seconds).mapToObj(s -> new CheckTime(T0.plusSeconds(s), Duration.ofMillis(5))).toList();
  }

  @Test
  void twoChecksInOneMillisecondTellNoIntervalWhereverTheyAre() {
    assertThat(CheckPace.interval(newestFirst(40, 30, 20, 10, 10))).isEqualTo(Duration.ofSeconds(10));
    assertThat(CheckPace.interval(newestFirst(40, 40, 30, 20, 10))).isEqualTo(Duration.ofSeconds(10));
    assertThat(CheckPace.interval(newestFirst(40, 40))).isZero();
    assertThat(CheckPace.interval(newestFirst(40))).isZero();
  }

  @Test
  void aStretchIsOverdueBeyondTheIntervalsOrAsManyTimesTheCheckBeforeItWhenThatTookLonger() {
    assertThat(CheckPace.overdue(50_000, 10_000, 5, 5)).isFalse();
    assertThat(CheckPace.overdue(50_001, 10_000, 5, 5)).isTrue();
    assertThat(CheckPace.overdue(60_000, 10_000, 12_000, 5)).isFalse();
    assertThat(CheckPace.overdue(Long.MAX_VALUE / 2, 0, 5, 5)).as("unknown interval").isFalse();
  }
}
