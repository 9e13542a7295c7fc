package dev.sitepulse.pinger.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the gaps in one target's check times. A watch checks at a fixed rate, a check that outlasts
 * ticks delays the next to the first tick after it, and skipped ticks and restarts only lengthen
 * the time between checks; so the interval beside a gap is the smallest of the {@link #SIDE} spaces
 * next to it, as the report measures a target's interval from its latest checks. A gap is longer
 * than {@code intervals} times the larger of the intervals before and after it: a config change
 * that lengthened or shortened the interval is then no gap, as either side still checks at its
 * own pace, and a watch that made only a check or two between two stops is still seen.
 */
final class CheckGaps {

  /** Spaces between checks measured on each side of a gap. */
  static final int SIDE = 4;

  private CheckGaps() {}

  /**
   * @param times epoch milliseconds, oldest first; the first {@code n} count
   * @param after only gaps that end after this
   */
  static List<CheckGap> find(long[] times, int n, long after, int intervals) {
    List<CheckGap> gaps = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      if (times[i] <= after) {
        continue;
      }
      long space = times[i] - times[i - 1];
      long before = smallestSpace(times, Math.max(1, i - SIDE), i);
      long later = smallestSpace(times, i + 1, Math.min(n, i + 1 + SIDE));
      long interval = Math.max(before, later);
      if (interval > 0 && space > intervals * interval) {
        gaps.add(new CheckGap(Instant.ofEpochMilli(times[i - 1]), Instant.ofEpochMilli(times[i]),
            Duration.ofMillis(before > 0 ? before : later)));
      }
    }
    return gaps;
  }

  /**
   * The smallest of the spaces that end at checks {@code from} to {@code to} (exclusive); 0 for
   * none. Two checks in the same millisecond tell no interval.
   */
  private static long smallestSpace(long[] times, int from, int to) {
    long smallest = 0;
    for (int i = from; i < to; i++) {
      long space = times[i] - times[i - 1];
      if (space > 0 && (smallest == 0 || space < smallest)) {
        smallest = space;
      }
    }
    return smallest;
  }
}
