package dev.sitepulse.pinger.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gaps a stopped watch leaves in every target's checks, found without reading them all. */
class StopGapsTest {

  private static final Instant T0 = Instant.parse("2026-03-01T11:00:00Z");
  private static final Instant NOW = T0.plus(Duration.ofHours(1));

  @TempDir Path dir;

  private static Instant minute(int m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  private static void checks(SqliteHistory h, String target, IntStream minutes) {
    minutes.forEach(m -> h.append(CheckRecord.of(target, minute(m), Verdict.UP, 200, 5)));
  }

  /**
   * A watch stopped from minute 20 to 31 and from 40 to 44. {@code fast} and {@code other} are
   * checked every minute, {@code slow} every ten; {@code other} was also out of the config from
   * minute 4 to 16 while the others were checked.
   */
  @Test
  void aStopOfTheWholeWatchIsAGapOfEachTargetWhoseOwnChecksAroundItMakeOne() {
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC))) {
      for (String t : List.of("fast", "other")) {
        checks(h, t, IntStream.rangeClosed(t.equals("fast") ? 0 : 16, 20));
        checks(h, t, IntStream.rangeClosed(31, 40));
        checks(h, t, IntStream.rangeClosed(44, 50));
      }
      checks(h, "other", IntStream.rangeClosed(0, 4));
      checks(h, "slow", IntStream.of(0, 10, 20, 40, 50));
      h.flush().join();

      Map<String, List<CheckGap>> gaps = h.reader().stopGaps(
          Map.of("fast", Duration.ofMinutes(1), "other", Duration.ofMinutes(1), "slow", Duration.ofMinutes(10)),
          minute(10), NOW, 5);

      CheckGap stop = new CheckGap(minute(20), minute(31), Duration.ofMinutes(1));
      assertThat(gaps).as("20 minutes is less than five of slow's intervals; 4 less than five of fast's")
          .containsOnlyKeys("fast", "other");
      assertThat(gaps.get("fast")).containsExactly(stop);
      assertThat(gaps.get("other")).as("only where no target was checked").containsExactly(stop);
    }
  }

  @Test
  void aStopBeforeTheTimeAskedFromIsNone() {
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC))) {
      checks(h, "fast", IntStream.rangeClosed(0, 10));
      checks(h, "fast", IntStream.rangeClosed(20, 50));
      h.flush().join();

      assertThat(h.reader().stopGaps(Map.of("fast", Duration.ofMinutes(1)), minute(30), NOW, 5)).isEmpty();
      assertThat(h.reader().stopGaps(Map.of("fast", Duration.ofMinutes(1)), minute(15), NOW, 5).get("fast"))
          .containsExactly(new CheckGap(minute(10), minute(20), Duration.ofMinutes(1)));
    }
  }
}
