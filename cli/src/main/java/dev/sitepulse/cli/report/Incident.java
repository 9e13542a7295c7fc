package dev.sitepulse.cli.report;

import java.time.Duration;
import java.time.Instant;

/**
 * A period a target was DOWN.
 *
 * @param start the first failed check of the run that took it down
 * @param end the first good check of the run that brought it back; null while still DOWN
 * @param duration the part of it inside the report's window
 */
public record Incident(Instant start, Instant end, Duration duration) {

  public boolean ongoing() {
    return end == null;
  }
}
