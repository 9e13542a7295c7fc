package dev.sitepulse.cli.report;

import dev.sitepulse.pinger.history.FailedChecks;
import java.time.Duration;
import java.time.Instant;

/**
 * A period a target was DOWN and checked. A stretch without checks in the middle of one splits it
 * in two, as nobody knows whether it was down all that time, and the stretch counts in neither.
 *
 * @param start the first failed check of the run that took it down; or, when it was already DOWN
 *     as checks resumed after a stretch without them, the first check after that stretch
 * @param end the first good check of the run that brought it back; null while not seen to end
 * @param duration the part of it inside the report's window: to its end; while it is ongoing, to
 *     now; once its checks stopped, to one interval past the last of them
 * @param checksStopped the target's last check, which still failed, when the incident was not
 *     seen to end because no watch checks the target any more or none did for a while; null
 *     otherwise
 * @param checksResumed its start when that is where checks resumed, DOWN, after a stretch without
 *     them, so it may have begun any time in that stretch; null otherwise
 * @param failed why: its failed checks, from its start to its end (or to the report's end, or one
 *     interval past its last check), their kinds and the first one, whose message is the reason
 */
public record Incident(Instant start, Instant end, Duration duration, Instant checksStopped, Instant checksResumed,
    FailedChecks failed) {

  public Incident {
    failed = failed == null ? FailedChecks.NONE : failed;
  }

  /** An incident whose failed checks are not read yet. */
  public Incident(Instant start, Instant end, Duration duration, Instant checksStopped, Instant checksResumed) {
    this(start, end, duration, checksStopped, checksResumed, FailedChecks.NONE);
  }

  Incident withFailed(FailedChecks f) {
    return new Incident(start, end, duration, checksStopped, checksResumed, f);
  }

  /** Where its failed checks are counted to: its end, one past its last check, or {@code until}. */
  Instant checkedUntil(Instant until) {
    Instant to = end != null ? end : checksStopped != null ? checksStopped.plusMillis(1) : until;
    return to.isBefore(start) ? start : to;
  }

  /** Still DOWN at a last check that a watch keeps following with others. */
  public boolean ongoing() {
    return end == null && checksStopped == null;
  }
}
