package dev.sitepulse.pinger.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Target;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchPlanTest {

  private static WatchPlan plan(Duration timeout, int retries) {
    Target t = Target.of("http://127.0.0.1:1/").withTimeout(timeout).withRetries(retries);
    return new WatchPlan(List.of(new WatchedTarget(t, Duration.ofSeconds(1))), PingSettings.DEFAULTS,
        Thresholds.DEFAULT, null, List.of());
  }

  @Test
  void theLongestCheckIsEveryAttemptsTimeoutPlusBackoffsOfOneTwoFourSecondsUpToThirty() {
    assertThat(plan(Duration.ofSeconds(2), 0).longestCheck()).isEqualTo(Duration.ofSeconds(2));
    assertThat(plan(Duration.ofSeconds(2), 2).longestCheck()).isEqualTo(Duration.ofSeconds(3 * 2 + 1 + 2));
    assertThat(plan(Duration.ofSeconds(1), 7).longestCheck())
        .isEqualTo(Duration.ofSeconds(8 + 1 + 2 + 4 + 8 + 16 + 30 + 30));
  }

  @Test
  void theLongestCheckOfTheMostRetriesATargetTakesIsElevenTimeoutsAndThreeMinutesOfBackoff() {
    assertThat(plan(Duration.ofSeconds(10), Target.MAX_RETRIES).longestCheck())
        .isEqualTo(Duration.ofSeconds(11 * 10 + 1 + 2 + 4 + 8 + 16 + 5 * 30));
  }
}
