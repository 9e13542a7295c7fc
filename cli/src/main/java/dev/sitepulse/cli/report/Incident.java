package dev.sitepulse.cli.report;

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
 */
public record Incident(Instant start, Instant end, Duration duration, Instant checksStopped, Instant checksResumed) {

  /** Still DOWN at a last check that a watch keeps following with others. */
  public boolean ongoing() {
    return end == null && checksStopped == null;
  }
}
