package dev.sitepulse.pinger.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A check its host's open circuit held back was not sent, so it says nothing new of the site: an
 * alert it decides quotes the last check that was sent, never one sitepulse could not start.
 */
class CircuitOpenAlertsTest {

  private static final Target API = Target.of("http://127.0.0.1:9/");
  private static final Duration EVERY = Duration.ofSeconds(2);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  private TrackerFeed feed(Thresholds thresholds) {
    return new TrackerFeed(new Tracker(new StateMachine(State.UP, clock.instant())), clock, API, thresholds,
        Duration.ofMinutes(1));
  }

  @Test
  void aReminderWhileTheCircuitIsOpenQuotesTheLastCheckSentNotTheCircuit() {
    TrackerFeed feed = feed(new Thresholds(1, 1));

    List<Alert> alerts = feed.alerts(1, EVERY, Results::refused);
    alerts.addAll(feed.alerts(31, EVERY, Results::heldBack));

    assertThat(alerts).extracting(Alert::kind).containsExactly(Alert.Kind.CHANGE, Alert.Kind.REMINDER);
    assertThat(alerts.get(1).text()).isEqualTo("http://127.0.0.1:9/ is still DOWN, for 1m: ERROR,"
        + " connection refused by 127.0.0.1:9; its circuit is open, holding its checks back");
    assertThat(alerts.get(1).message()).doesNotContain("not sent");
  }

  @Test
  void aChangeThatHeldBackChecksCompleteQuotesTheFailureBeforeThem() {
    TrackerFeed feed = feed(Thresholds.DEFAULT);

    List<Alert> alerts = feed.alerts(1, EVERY, Results::refused);
    alerts.addAll(feed.alerts(2, EVERY, Results::heldBack));

    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.to()).isEqualTo(State.DOWN);
      assertThat(a.message())
          .isEqualTo("connection refused by 127.0.0.1:9; its circuit is open, holding its checks back");
    });
  }

  @Test
  void aCheckSitepulseCouldNotStartIsNotTheLastSentThatAHeldBackOneQuotes() {
    TrackerFeed feed = feed(Thresholds.DEFAULT);

    List<Alert> alerts = feed.alerts(2, EVERY, Results::refused);
    alerts.addAll(feed.alerts(1, EVERY, Results::notStarted));
    alerts.addAll(feed.alerts(1, EVERY, Results::heldBack));

    assertThat(alerts).singleElement().satisfies(a -> assertThat(a.message())
        .isEqualTo("connection refused by 127.0.0.1:9; its circuit is open, holding its checks back"));
  }

  /** Another target of the host opened its circuit: this one's last check sent had nothing to tell. */
  @Test
  void aTargetHeldBackAfterAGoodCheckIsToldWhatTheCircuitSays() {
    TrackerFeed feed = feed(Thresholds.DEFAULT);

    List<Alert> alerts = feed.alerts(1, EVERY, Results::up);
    alerts.addAll(feed.alerts(3, EVERY, Results::heldBack));

    assertThat(alerts).singleElement().satisfies(a -> assertThat(a.message())
        .startsWith("not sent: the last check of 127.0.0.1:9 could not reach it (connection refused by 127.0.0.1:9)"));
  }
}
