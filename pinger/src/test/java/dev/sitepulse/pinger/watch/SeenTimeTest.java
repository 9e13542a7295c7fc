package dev.sitepulse.pinger.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How long a state lasted, in an alert, counts no time in a gap between the target's checks, as
 * report counts none: a target a reload took out and put back, or a machine that slept.
 */
class SeenTimeTest {

  private static final Target SHOP = new Target("shop", null, "http://127.0.0.1:9/shop", null, null, null, null, 0,
      null);
  private static final Duration SECOND = Duration.ofSeconds(1);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final TrackerFeed feed = new TrackerFeed(new Tracker(new StateMachine(State.UP, clock.instant())), clock,
      SHOP, Thresholds.DEFAULT, Duration.ofMinutes(1));

  @Test
  void aChangeAfterAGapInTheChecksSaysHowLongTheStateWasSeen() {
    feed.alerts(10, SECOND, Results::up); // checks at 0 to 9s
    clock.advance(Duration.ofSeconds(9)); // none from 10s to 19s
    feed.alerts(10, SECOND, Results::up); // 19 to 28s

    List<Alert> alerts = feed.alerts(3, SECOND, Results::down); // DOWN from 29s

    // UP from 0s to one interval past its last check before the gap, 10s, and from 19s to 29s.
    assertThat(alerts).singleElement().extracting(Alert::text).asString()
        .startsWith("shop (http://127.0.0.1:9/shop) is DOWN (was UP for 20s): ");
  }

  @Test
  void aPauseOfAFewIntervalsIsNoGapAndCountsInFull() {
    feed.alerts(10, SECOND, Results::up);
    clock.advance(Duration.ofSeconds(3)); // 4s between two checks: within 5 intervals
    feed.alerts(10, SECOND, Results::up);

    List<Alert> alerts = feed.alerts(3, SECOND, Results::down);

    assertThat(alerts).singleElement().extracting(Alert::text).asString().contains("(was UP for 23s)");
  }

  @Test
  void aReminderCountsNoTimeInAGap() {
    feed.alerts(3, SECOND, Results::down); // DOWN from 0s, alerted at 2s
    clock.advance(Duration.ofSeconds(30)); // none from 3s to 33s

    List<Alert> alerts = feed.alerts(40, SECOND, Results::down); // 33s on; reminded at 62s

    // DOWN from 0s to 3s, and from 33s to 62s.
    assertThat(alerts).singleElement().extracting(Alert::text).asString()
        .startsWith("shop (http://127.0.0.1:9/shop) is still DOWN, for 32s: ");
  }

  @Test
  void everyGapOfALongStateCountsThoughFewAreKeptApart() {
    for (int i = 0; i < 10; i++) {
      feed.alerts(10, SECOND, Results::up);
      clock.advance(Duration.ofSeconds(9)); // 10 gaps of 8s unknown each
    }

    List<Alert> alerts = feed.alerts(3, SECOND, Results::down);

    // 10 stretches of checks at 0 to 9s, each seen for 10s (one interval past its last check).
    assertThat(alerts).singleElement().extracting(Alert::text).asString().contains("(was UP for 1m40s)");
  }

  @Test
  void aGapWhileTheRunThatEndsAStateIsUnderWayCountsInTheNewState() {
    feed.alerts(10, SECOND, Results::up); // UP from 0s, checks at 0 to 9s
    feed.alerts(1, SECOND, Results::down); // the run to DOWN begins at 10s
    clock.advance(Duration.ofSeconds(9)); // none from 11s to 20s
    List<Alert> down = feed.alerts(2, SECOND, Results::down); // DOWN at 21s, since 10s
    feed.alerts(5, SECOND, Results::down); // to 26s
    List<Alert> up = feed.alerts(2, SECOND, Results::up); // UP from 27s

    assertThat(down).singleElement().extracting(Alert::text).asString().contains("(was UP for 10s)");
    // DOWN from 10s to 11s (an interval past its check at 10s), and from 20s to 27s.
    assertThat(up).singleElement().extracting(Alert::text).asString().contains("(was DOWN for 8s)");
  }
}
