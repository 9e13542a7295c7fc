package dev.sitepulse.pinger.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A check its host's open circuit held back was not sent, so it says nothing new of the site: an
 * alert it decides quotes the last check that was sent.
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
  void heldBackChecksNeitherCompleteAChangeNorBreakTheRunOfFailures() {
    TrackerFeed feed = feed(Thresholds.DEFAULT);

    List<Alert> alerts = feed.alerts(1, EVERY, Results::refused);
    alerts.addAll(feed.alerts(2, EVERY, Results::heldBack));
    assertThat(alerts).as("one failure sent, whatever was held back after it").isEmpty();
    alerts.addAll(feed.alerts(2, EVERY, Results::refused));

    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.to()).isEqualTo(State.DOWN);
      assertThat(a.message()).isEqualTo("connection refused by 127.0.0.1:9");
      assertThat(a.since()).as("the run began at the first refusal").isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    });
  }

  /** Another target of the host opened its circuit: holding this one's checks back tells nothing of it. */
  @Test
  void aTargetHeldBackAfterAGoodCheckStaysUp() {
    TrackerFeed feed = feed(Thresholds.DEFAULT);

    List<Alert> alerts = feed.alerts(1, EVERY, Results::up);
    alerts.addAll(feed.alerts(10, EVERY, Results::heldBack));

    assertThat(alerts).isEmpty();
    assertThat(feed.tracker().state()).isEqualTo(State.UP);
  }

  /** The reviewer's run: 2 refusals, the circuit holding 30 checks back, and the server back at the next sent one. */
  @Test
  void theFirstSuccessSentAfterHeldBackChecksEndsTheOutageThere() {
    TrackerFeed feed = feed(new Thresholds(2, 1));

    List<Alert> alerts = feed.alerts(2, EVERY, Results::refused);
    alerts.addAll(feed.alerts(30, EVERY, Results::heldBack));
    alerts.addAll(feed.alerts(1, EVERY, Results::up));

    List<Alert> changes = alerts.stream().filter(a -> a.kind() == Alert.Kind.CHANGE).toList();
    assertThat(changes).extracting(Alert::to).containsExactly(State.DOWN, State.UP);
    assertThat(changes.get(1).lasted()).as("DOWN from the first refusal to the success").isEqualTo(EVERY.multipliedBy(32));
  }
}
