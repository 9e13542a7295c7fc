package dev.sitepulse.pinger.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemindersTest {

  private static final Target SHOP = Target.of("http://127.0.0.1:9/shop");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  /** One failing check a minute for {@code minutes} minutes; the alerts it caused, in order. */
  private List<Alert> failFor(Tracker tracker, int minutes, Duration reminder) {
    return new TrackerFeed(tracker, clock, SHOP, Thresholds.DEFAULT, reminder).alerts(minutes, MINUTE, Results::down);
  }

  @Test
  void aTargetThatStaysDownIsRemindedOfEveryTenMinutes() {
    Tracker tracker = new Tracker(new StateMachine(State.UP, clock.instant()));

    List<Alert> alerts = failFor(tracker, 33, Duration.ofMinutes(10));

    // DOWN is decided by the third failure (minute 2); reminders follow at 12, 22 and 32.
    assertThat(alerts).extracting(Alert::kind).containsExactly(
        Alert.Kind.CHANGE, Alert.Kind.REMINDER, Alert.Kind.REMINDER, Alert.Kind.REMINDER);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(alerts).extracting(Alert::at).containsExactly(
        start.plus(MINUTE.multipliedBy(2)), start.plus(MINUTE.multipliedBy(12)),
        start.plus(MINUTE.multipliedBy(22)), start.plus(MINUTE.multipliedBy(32)));
    assertThat(alerts.get(1).text()).isEqualTo(
        "http://127.0.0.1:9/shop is still DOWN, for 12m: HTTP 500 DOWN, condition failed: [STATUS] (500) < 400");
  }

  @Test
  void withoutAReminderADownTargetIsAlertedOnce() {
    Tracker tracker = new Tracker(new StateMachine(State.UP, clock.instant()));

    assertThat(failFor(tracker, 60, null)).hasSize(1);
  }

  @Test
  void aRecoveryIsAlertedAndEndsTheReminders() {
    Tracker tracker = new Tracker(new StateMachine(State.UP, clock.instant()));
    failFor(tracker, 5, Duration.ofMinutes(10));

    List<Alert> alerts = new TrackerFeed(tracker, clock, SHOP, Thresholds.DEFAULT, Duration.ofMinutes(10))
        .alerts(30, MINUTE, Results::up);

    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).to()).isEqualTo(State.UP);
    assertThat(alerts.get(0).text()).isEqualTo("http://127.0.0.1:9/shop is UP (was DOWN for 5m)");
  }

  @Test
  void settlingFromUnknownToUpIsNotAnAlert() {
    Tracker tracker = new Tracker(new StateMachine());

    Tracker.Outcome o = tracker.onResult(Results.up(SHOP, clock.instant()), clock.instant(), clock.instant(),
        MINUTE, Thresholds.DEFAULT, null);

    assertThat(o.transition()).isNotNull();
    assertThat(o.alert()).isNull();
  }

  @Test
  void aTargetStillDownAfterARestartIsRemindedOfWithoutANewDownAlert() {
    Instant downSince = clock.instant().minus(Duration.ofHours(2));
    Tracker tracker = new Tracker(new StateMachine(State.DOWN, downSince));

    List<Alert> alerts = failFor(tracker, 1, Duration.ofMinutes(30));

    assertThat(alerts).extracting(Alert::kind).containsExactly(Alert.Kind.REMINDER);
    assertThat(alerts.get(0).since()).isEqualTo(downSince);
  }

  @Test
  void aRestartSoonAfterAnAlertWaitsAReminderPeriodFromThatAlertNotFromTheRestart() {
    Instant downSince = clock.instant().minus(Duration.ofHours(2));
    Instant alertedAt = clock.instant().minus(Duration.ofMinutes(20));
    Tracker tracker = new Tracker(new StateMachine(State.DOWN, downSince), alertedAt, new SeenTime());

    List<Alert> alerts = failFor(tracker, 31, Duration.ofMinutes(30));

    // The last reminder went out 20 minutes before the restart: the next is due 10 minutes after it.
    assertThat(alerts).extracting(Alert::kind).containsExactly(Alert.Kind.REMINDER);
    assertThat(alerts.get(0).at()).isEqualTo(alertedAt.plus(Duration.ofMinutes(30)));
  }

  /** An NTP step back of hours, say, after a machine started with its clock ahead. */
  @Test
  void aClockSetBackWhileATargetIsDownDelaysItsNextReminderByOnePeriodAtMost() {
    Tracker tracker = new Tracker(new StateMachine(State.UP, clock.instant()));
    assertThat(failFor(tracker, 3, Duration.ofMinutes(10))).as("DOWN, alerted").hasSize(1);

    clock.advance(Duration.ofHours(-2));
    List<Alert> alerts = failFor(tracker, 11, Duration.ofMinutes(10));

    assertThat(alerts).extracting(Alert::kind).containsExactly(Alert.Kind.REMINDER);
  }

  /** A good check of a DOWN target starts its recovery: a reminder quoting it would say "still DOWN: 200 OK". */
  @Test
  void aGoodCheckOfATargetStillDownSendsNoReminderTheNextFailedOneDoes() {
    Tracker tracker = new Tracker(new StateMachine(State.DOWN, clock.instant().minus(Duration.ofHours(2))));
    TrackerFeed feed = new TrackerFeed(tracker, clock, SHOP, Thresholds.DEFAULT, Duration.ofMinutes(10));

    List<Alert> alerts = feed.alerts(1, MINUTE, Results::up);

    assertThat(alerts).isEmpty();
    assertThat(tracker.state()).as("one good check of two").isEqualTo(State.DOWN);

    alerts.addAll(feed.alerts(1, MINUTE, Results::down));

    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(Alert.Kind.REMINDER);
      assertThat(a.message()).isEqualTo("condition failed: [STATUS] (500) < 400");
    });
  }
}
