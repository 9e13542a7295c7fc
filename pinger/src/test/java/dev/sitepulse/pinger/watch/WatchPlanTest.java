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
  void aStoppingWatchWaitsOneAttemptsTimeoutWhateverTheRetries() {
    // A stop sends no retry and ends a check waiting for one: 10 s with 10 retries is still 10 s.
    assertThat(plan(Duration.ofSeconds(2), 0).longestAttempt()).isEqualTo(Duration.ofSeconds(2));
    assertThat(plan(Duration.ofSeconds(2), 2).longestAttempt()).isEqualTo(Duration.ofSeconds(2));
    assertThat(plan(Duration.ofSeconds(10), Target.MAX_RETRIES).longestAttempt()).isEqualTo(Duration.ofSeconds(10));
  }
}
