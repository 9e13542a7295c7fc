package dev.sitepulse.cli.report;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a target is still being checked, and how far its checks reach.
 *
 * @param last its last check before the report's end
 * @param interval how often it was checked: the smallest gap between its latest checks, since a
 *     watch ticks at a fixed rate and skipped ticks and restarts only lengthen gaps; zero with
 *     fewer than two checks
 * @param stillChecked whether a watch checks it now
 */
record Checking(Instant last, Duration interval, boolean stillChecked) {

  /**
   * Until when its states are known: {@code until} while it is checked. Otherwise one interval
   * past its last check, never past {@code until}: a check stands for the interval up to the next,
   * as a closed incident runs from its first failed check to the first good one.
   */
  Instant knownUntil(Instant until) {
    if (stillChecked) {
      return until;
    }
    Instant end = last.plus(interval);
    return end.isAfter(until) ? until : end;
  }

  /** Its last check once no watch checks it any more; null while one does. */
  Instant stoppedAt() {
    return stillChecked ? null : last;
  }
}
