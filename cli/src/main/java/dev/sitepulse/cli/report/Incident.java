package dev.sitepulse.cli.report;

import java.time.Duration;
import java.time.Instant;

/**
 * A period a target was DOWN.
 *
 * @param start the first failed check of the run that took it down
 * @param end the first good check of the run that brought it back; null while not seen to end
 * @param duration the part of it inside the report's window: to its end; while it is ongoing, to
 *     now; once its checks stopped, to one interval past the last of them
 * @param checksStopped the target's last check, which still failed, when the incident was not
 *     seen to end and no watch checks the target any more; null otherwise
 */
public record Incident(Instant start, Instant end, Duration duration, Instant checksStopped) {

  /** Still DOWN at a last check that a watch keeps following with others. */
  public boolean ongoing() {
    return end == null && checksStopped == null;
  }
}
