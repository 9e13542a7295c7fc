package dev.sitepulse.pinger.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CheckGapsTest {

  private static final long MINUTE = 60_000;

  /** Check times in minutes. */
  private static List<CheckGap> gaps(long... minutes) {
    long[] times = LongStream.of(minutes).map(m -> m * MINUTE).toArray();
    return CheckGaps.find(times, new long[times.length], times.length, Long.MIN_VALUE, 5);
  }

  private static CheckGap gap(long last, long next, long intervalMinutes) {
    return new CheckGap(Instant.ofEpochMilli(last * MINUTE), Instant.ofEpochMilli(next * MINUTE),
        Duration.ofMinutes(intervalMinutes));
  }

  @Test
  void aWatchStoppedForAnHourLeavesAGapMeasuredByTheIntervalBeforeIt() {
    assertThat(gaps(0, 1, 2, 3, 4, 64, 65, 66)).containsExactly(gap(4, 64, 1));
  }

  @Test
  void skippedTicksOfTwoOrThreeIntervalsAreNoGap() {
    assertThat(gaps(0, 1, 3, 4, 7, 8, 10, 13, 14)).isEmpty();
  }

  @Test
  void fiveIntervalsAreStillNoGapButSixAre() {
    assertThat(gaps(0, 1, 2, 7, 8, 9)).isEmpty();
    assertThat(gaps(0, 1, 2, 8, 9, 10)).containsExactly(gap(2, 8, 1));
  }

  @Test
  void aLongerOrShorterIntervalAfterAConfigChangeIsNoGap() {
    assertThat(gaps(0, 1, 2, 3, 4, 10, 20, 30, 40, 50)).as("lengthened").isEmpty();
    assertThat(gaps(0, 10, 20, 30, 40, 50, 51, 52, 53, 54)).as("shortened").isEmpty();
  }

  @Test
  void aWatchThatMadeOneCheckBetweenTwoStopsLeavesTwoGaps() {
    assertThat(gaps(0, 1, 2, 3, 60, 120, 121, 122, 123)).containsExactly(gap(3, 60, 1), gap(60, 120, 1));
  }

  @Test
  void aGapWithChecksOnOneSideOnlyIsMeasuredOnThatSide() {
    assertThat(gaps(0, 60, 61, 62)).containsExactly(gap(0, 60, 1));
    assertThat(gaps(0, 1, 2, 60)).containsExactly(gap(2, 60, 1));
    assertThat(gaps(0, 60)).as("no interval to measure it by").isEmpty();
  }

  @Test
  void onlyGapsThatEndAfterTheGivenTimeCount() {
    long[] times = LongStream.of(0, 1, 2, 30, 31, 32, 90, 91).map(m -> m * MINUTE).toArray();

    assertThat(CheckGaps.find(times, new long[times.length], times.length, 30 * MINUTE, 5)).containsExactly(gap(32, 90, 1));
    assertThat(CheckGaps.find(times, new long[times.length], times.length, 29 * MINUTE, 5)).containsExactly(gap(2, 30, 1), gap(32, 90, 1));
  }

  @Test
  void checksThatRunToALongTimeoutDelayTheNextWithoutLeavingAGap() {
    // A check a minute until the site hangs at minute 5: each check then takes 8 minutes, so the
    // next starts at the first tick after it, 9 minutes on, more than five of the minutes before.
    long[] times = LongStream.of(0, 1, 2, 3, 4, 5, 14, 23).map(m -> m * MINUTE).toArray();
    long[] quick = new long[times.length];
    long[] hanging = LongStream.of(0, 0, 0, 0, 0, 8, 8, 8).map(m -> m * MINUTE).toArray();

    assertThat(CheckGaps.find(times, quick, times.length, Long.MIN_VALUE, 5)).as("had the checks been quick")
        .containsExactly(gap(14, 23, 1));
    assertThat(CheckGaps.find(times, hanging, times.length, Long.MIN_VALUE, 5)).isEmpty();
  }

  @Test
  void aWatchStoppedForLongerThanFiveTimesItsLastCheckTookStillLeavesAGap() {
    long[] times = LongStream.of(0, 1, 2, 3, 4, 45).map(m -> m * MINUTE).toArray();
    long[] took = LongStream.of(0, 0, 0, 0, 8, 0).map(m -> m * MINUTE).toArray();

    assertThat(CheckGaps.find(times, took, times.length, Long.MIN_VALUE, 5)).containsExactly(gap(4, 45, 1));
  }
}
