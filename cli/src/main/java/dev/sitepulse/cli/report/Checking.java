package dev.sitepulse.cli.report;

import dev.sitepulse.pinger.history.CheckGap;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Whether a target is still being checked, how far its checks reach, and where they were missing.
 *
 * @param last its last check before the report's end
 * @param interval how often it was checked: as the watch recorded it, or the smallest gap between
 *     its latest checks where that is longer (checks that outlast their interval, or a history of
 *     an earlier version, which records none), since a watch ticks at a fixed rate and skipped
 *     ticks and restarts only lengthen gaps; zero with neither
 * @param stillChecked whether a watch checks it now
 * @param gaps the stretches before its last check in which it was not checked, oldest first
 */
record Checking(Instant last, Duration interval, boolean stillChecked, List<CheckGap> gaps) {

  Checking {
    gaps = List.copyOf(gaps);
  }

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
