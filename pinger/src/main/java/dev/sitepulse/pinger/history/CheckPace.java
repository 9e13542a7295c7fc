package dev.sitepulse.pinger.history;

import java.time.Duration;
import java.util.List;

/**
 * How often a watch checks a target, read from its check times, and when a stretch without checks
 * is longer than that pace explains: the report asks it of the time since a target's last check
 * (is it still checked?), {@link CheckGaps} of the space between two checks (is it a gap?). A watch
 * checks at a fixed rate, and skipped ticks and restarts only lengthen the spaces, so the interval
 * is the smallest space; two checks in the same millisecond tell none.
 */
public final class CheckPace {

  /**
   * Intervals without a check after which a target is taken as not checked: by a running watch
   * that goes on without it, or in a gap between two of its checks. A watch checks each target
   * every interval, or, when a check outlasts ticks, at the first tick after it: two or three
   * intervals apart at most, so five leave room.
   */
  public static final int STALE_INTERVALS = 5;

  private CheckPace() {}

  /**
   * The interval of a target's latest checks, newest first as {@link HistoryReader#latestChecks}
   * gives them; zero when no two of them tell it.
   */
  public static Duration interval(List<CheckTime> newestFirst) {
    long[] times = new long[newestFirst.size()];
    for (int i = 0; i < times.length; i++) {
      times[times.length - 1 - i] = newestFirst.get(i).at().toEpochMilli();
    }
    return Duration.ofMillis(smallestSpace(times, 1, times.length));
  }

  /**
   * The smallest of the spaces that end at checks {@code from} to {@code to} (exclusive) of
   * {@code times}, epoch milliseconds oldest first; 0 for none.
   */
  static long smallestSpace(long[] times, int from, int to) {
    long smallest = 0;
    for (int i = from; i < to; i++) {
      long space = times[i] - times[i - 1];
      if (space > 0 && (smallest == 0 || space < smallest)) {
        smallest = space;
      }
    }
    return smallest;
  }

  /**
   * Whether {@code space} without a check, in milliseconds as the others, is more than {@code
   * intervals} times the interval, or than as many times what the check before it took when that
   * is longer (all its attempts and back-offs, {@link CheckTime#took}: a check that outlasts the
   * interval delays the next). Never with an unknown interval (0).
   */
  public static boolean overdue(long space, long interval, long took, int intervals) {
    return interval > 0 && space > intervals * Math.max(interval, took);
  }
}
