package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.config.Durations;
import java.time.Duration;
import java.time.Instant;

/**
 * Something a person should hear about a target: a change of its state, or a reminder that it is
 * still DOWN. Carries the result that decided it, so the message says why; for a check its host's
 * open circuit held back, the last check that was sent, when it failed too, and that the circuit is open.
 *
 * @param since when the current state began
 * @param lasted for a change, how long the state it ends lasted; for a reminder, how long the
 *     target has been DOWN; null when the state before was never decided. Time in a gap between
 *     the target's checks (a watch stopped, a machine asleep) is no part of it, as in {@code report}.
 * @param status the HTTP status of the deciding result, 0 when no response arrived
 */
public record Alert(
    Kind kind,
    String target,
    String url,
    String group,
    State from,
    State to,
    Instant at,
    Instant since,
    Duration lasted,
    Verdict verdict,
    int status,
    String message) {

  public enum Kind {
    CHANGE,
    REMINDER
  }

  /** One line for a log or a chat, e.g. {@code shop is DOWN (was UP for 2h): HTTP 500 ...}. */
  public String text() {
    String who = target.equals(url) ? target : target + " (" + url + ")";
    if (kind == Kind.REMINDER) {
      return who + " is still DOWN, for " + Durations.format(orZero(lasted)) + ": " + reason();
    }
    String was = from == State.UNKNOWN || lasted == null
        ? ""
        : " (was " + from + " for " + Durations.format(lasted) + ")";
    return who + " is " + to + was + (to == State.UP ? "" : ": " + reason());
  }

  private String reason() {
    return (status > 0 ? "HTTP " + status + " " : "") + verdict + (message == null ? "" : ", " + message);
  }

  private static Duration orZero(Duration d) {
    return d == null || d.isNegative() ? Duration.ZERO : d;
  }
}
