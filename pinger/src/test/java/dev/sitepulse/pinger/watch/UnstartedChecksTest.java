package dev.sitepulse.pinger.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * A check sitepulse could not start (NOT_STARTED: its checks stopped under it, or a fault of its
 * own) never reached the host, so it says nothing of the target: it neither moves a target toward
 * a state nor breaks a run that does, and never decides an alert.
 */
class UnstartedChecksTest {

  private static final Target API = Target.of("http://127.0.0.1:9/");
  private static final Duration EVERY = Duration.ofSeconds(2);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  private TrackerFeed feed(Tracker tracker, Thresholds thresholds, Duration reminder) {
    return new TrackerFeed(tracker, clock, API, thresholds, reminder);
  }

  /** One check giving each result in turn; the alerts they caused, in order. */
  @SafeVarargs
  private static List<Alert> inTurn(TrackerFeed feed, BiFunction<Target, Instant, CheckResult>... results) {
    List<Alert> alerts = new ArrayList<>();
    for (BiFunction<Target, Instant, CheckResult> r : results) {
      alerts.addAll(feed.alerts(1, EVERY, r));
    }
    return alerts;
  }

  @Test
  void checksSitepulseCouldNotStartDoNotTakeAnUpTargetDown() {
    Tracker tracker = new Tracker(new StateMachine(State.UP, clock.instant()));

    List<Alert> alerts = feed(tracker, new Thresholds(1, 1), null).alerts(5, EVERY, Results::notStarted);

    assertThat(alerts).isEmpty();
    assertThat(tracker.state()).isEqualTo(State.UP);
  }

  @Test
  void aNewTargetWhoseChecksCouldNotStartStaysUnknown() {
    Tracker tracker = new Tracker(new StateMachine());

    List<Alert> alerts = feed(tracker, Thresholds.DEFAULT, null).alerts(5, EVERY, Results::notStarted);

    assertThat(alerts).isEmpty();
    assertThat(tracker.state()).isEqualTo(State.UNKNOWN);
  }

  @Test
  void aCheckSitepulseCouldNotStartIsNotOneOfTheFailuresThatTakeATargetDown() {
    Tracker tracker = new Tracker(new StateMachine(State.UP, clock.instant()));
    TrackerFeed feed = feed(tracker, Thresholds.DEFAULT, null);

    List<Alert> alerts = inTurn(feed, Results::refused, Results::refused, Results::notStarted);

    assertThat(alerts).as("two failures of three").isEmpty();
    assertThat(tracker.state()).isEqualTo(State.UP);

    alerts.addAll(feed.alerts(1, EVERY, Results::refused));

    assertThat(alerts).as("the third failure sent").singleElement().satisfies(a -> {
      assertThat(a.to()).isEqualTo(State.DOWN);
      assertThat(a.since()).as("from the first failure").isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
      assertThat(a.message()).isEqualTo("connection refused by 127.0.0.1:9");
    });
  }

  @Test
  void aCheckSitepulseCouldNotStartDoesNotBreakARecovery() {
    Tracker tracker = new Tracker(new StateMachine(State.DOWN, clock.instant()));
    TrackerFeed feed = feed(tracker, Thresholds.DEFAULT, null);

    List<Alert> alerts = inTurn(feed, Results::up, Results::notStarted, Results::up);

    assertThat(alerts).singleElement().extracting(Alert::to).isEqualTo(State.UP);
  }

  @Test
  void aCheckSitepulseCouldNotStartSendsNoReminder() {
    Tracker tracker = new Tracker(new StateMachine(State.UP, clock.instant()));
    TrackerFeed feed = feed(tracker, new Thresholds(1, 1), Duration.ofMinutes(1));

    List<Alert> alerts = feed.alerts(1, EVERY, Results::refused);
    alerts.addAll(feed.alerts(60, EVERY, Results::notStarted));

    assertThat(alerts).as("the change only").extracting(Alert::kind).containsExactly(Alert.Kind.CHANGE);
    assertThat(tracker.state()).isEqualTo(State.DOWN);

    alerts.addAll(feed.alerts(1, EVERY, Results::refused));

    assertThat(alerts).as("the next check sent reminds").extracting(Alert::kind)
        .containsExactly(Alert.Kind.CHANGE, Alert.Kind.REMINDER);
  }
}
