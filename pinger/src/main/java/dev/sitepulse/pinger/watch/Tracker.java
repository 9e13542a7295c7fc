package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.ErrorKind;
import java.time.Duration;
import java.time.Instant;

/**
 * One target's state and alerting: feeds each result to the state machine and decides what to
 * tell. Every change between UP, DEGRADED and DOWN is an alert; settling from UNKNOWN to UP is
 * not, since nothing went wrong. While DOWN, a reminder goes out every {@code reminder}, with a check
 * that failed too, never a good one that may be the start of a recovery. An alert
 * quotes the check that decided it, unless its host's open circuit held that check back: then the
 * last check that was sent, if it failed too, since a check not sent tells nothing new of the site.
 * A check sitepulse could not start ({@link ErrorKind#counts}) tells nothing at all: it changes no
 * state, breaks no run of results toward one, and decides no alert, not even a reminder.
 * How long a state lasted counts no time in a gap between the target's checks ({@link SeenTime}).
 * A clock set back delays a reminder by one period at most.
 * Not thread-safe: a target's results come one at a time.
 */
final class Tracker {

  /** What one result led to; either may be null. */
  record Outcome(Transition transition, Alert alert) {
    static final Outcome NONE = new Outcome(null, null);
  }

  private final StateMachine machine;
  private final SeenTime seen;
  private Instant lastAlert;
  /** The latest result that was {@linkplain #sent sent}; null before one. */
  private CheckResult lastSent;

  Tracker(StateMachine machine) {
    this(machine, null, new SeenTime());
  }

  /**
   * @param alertedAt when an alert about the target last went out, from an earlier run; null if
   *     none did. A reminder waits a reminder period after it, so a restart does not send one.
   * @param seen its checks so far, as an earlier run left them
   */
  Tracker(StateMachine machine, Instant alertedAt, SeenTime seen) {
    this.machine = machine;
    this.seen = seen;
    Instant since = machine.since();
    this.lastAlert = alertedAt == null || (since != null && since.isAfter(alertedAt)) ? since : alertedAt;
  }

  State state() {
    return machine.state();
  }

  Instant since() {
    return machine.since();
  }

  /**
   * @param at when the check began, which dates a state change
   * @param now the clock's time, which decides reminders; the check ended then
   * @param interval how often the target is checked
   */
  Outcome onResult(CheckResult r, Instant at, Instant now, Duration interval, Thresholds thresholds,
      Duration reminder) {
    if (sent(r)) {
      lastSent = r;
    }
    if (lastAlert != null && now.isBefore(lastAlert)) {
      // The clock was set back (or ran ahead before a restart): the period counts from now, or a
      // step back of hours would hold every reminder back as long.
      lastAlert = now;
    }
    // Counted all the same: the history holds it, and report finds the gaps in checks among them all.
    seen.checked(at, Duration.between(at, now), interval, Math.max(thresholds.failures(), thresholds.successes()));
    if (!r.counts()) {
      return Outcome.NONE;
    }
    Transition t = machine.onResult(State.of(r.verdict()), at, thresholds);
    if (t != null) {
      Duration lasted = t.previousSince() == null ? null : seen.seen(t.previousSince(), t.since());
      seen.stateBegan(t.since());
      if (t.from() == State.UNKNOWN && t.to() == State.UP) {
        return new Outcome(t, null);
      }
      lastAlert = now;
      return new Outcome(t, alert(Alert.Kind.CHANGE, r, t.from(), t.to(), at, t.since(), lasted));
    }
    // Only a check that failed too reminds: a good one starts a recovery, and "still DOWN: 200 OK" tells nothing.
    if (machine.state() == State.DOWN && State.of(r.verdict()) == State.DOWN && reminder != null
        && (lastAlert == null || !now.isBefore(lastAlert.plus(reminder)))) {
      lastAlert = now;
      return new Outcome(null, alert(Alert.Kind.REMINDER, r, State.DOWN, State.DOWN, at, machine.since(),
          seen.seen(machine.since(), at)));
    }
    return Outcome.NONE;
  }

  private Alert alert(Alert.Kind kind, CheckResult r, State from, State to, Instant at, Instant since,
      Duration lasted) {
    CheckResult told = r;
    String message = CheckResult.withAttempts(r.message(), r.attempts().size());
    if (!sent(r) && lastSent != null && State.of(lastSent.verdict()) == State.DOWN) {
      // The breaker's own words start "not sent: ...", which in an alert reads as if the alert was not.
      told = lastSent;
      message = CheckResult.withAttempts(told.message(), told.attempts().size())
          + "; its circuit is open, holding its checks back";
    }
    return new Alert(kind, r.target().name(), r.target().url(), r.target().group(), from, to, at, since,
        lasted, told.verdict(), told.status(), message);
  }

  /** Whether the check was sent: its word, unlike one held back or not started, is the target's. */
  private static boolean sent(CheckResult r) {
    return r.errorKind() == null || r.errorKind().sent();
  }
}
