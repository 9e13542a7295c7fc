package dev.sitepulse.pinger.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.Target;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertTextTest {

  private static final Target SHOP = Target.of("http://127.0.0.1:9/shop");
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  private static Alert firstAlert(CheckResult result) {
    Tracker tracker = new Tracker(new StateMachine(State.UP, AT));
    for (int i = 0; i < 10; i++) {
      Tracker.Outcome o = tracker.onResult(result, AT, AT, Duration.ofMinutes(1), Thresholds.DEFAULT, null);
      if (o.alert() != null) {
        return o.alert();
      }
    }
    throw new AssertionError("no alert");
  }

  @Test
  void anAlertOnARetriedCheckSaysHowManyAttemptsItTookAsPingDoes() {
    CheckResult once = Results.down(SHOP, AT);
    CheckResult thrice = new CheckResult(SHOP, java.util.List.of(once.last(), once.last(), once.last()));

    assertThat(firstAlert(once).text()).endsWith("condition failed: [STATUS] (500) < 400");
    assertThat(firstAlert(thrice).text()).endsWith("condition failed: [STATUS] (500) < 400 (3 attempts)");
  }
}
