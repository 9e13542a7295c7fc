package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Feeds a tracker one target's results, a check every so often on a clock the test moves. */
record TrackerFeed(Tracker tracker, MutableClock clock, Target target, Thresholds thresholds, Duration reminder) {

  /** {@code n} checks {@code every} apart, the target's interval, each giving what {@code result} makes; the alerts they caused, in order. */
  List<Alert> alerts(int n, Duration every, BiFunction<Target, Instant, CheckResult> result) {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant now = clock.instant();
      Tracker.Outcome o = tracker.onResult(result.apply(target, now), now, now, every, thresholds, reminder);
      if (o.alert() != null) {
        alerts.add(o.alert());
      }
      clock.advance(every);
    }
    return alerts;
  }
}
