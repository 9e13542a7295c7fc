package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.history.CheckGap;
import dev.sitepulse.pinger.history.CheckPace;
import dev.sitepulse.pinger.history.CheckTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * How long one target was seen in its state, as {@code report} counts it: time in a gap between two
 * of its checks (a watch stopped and started again, a machine asleep, a target a reload took out
 * and put back) is neither up nor down. A gap is what {@link CheckPace#overdue} makes one, the
 * intervals on either side of it being those the target was checked at, and its unknown time
 * begins an interval after the check before it ({@link CheckGap#unknown()}), as in the history's
 * own gaps, which a watch resumes with. Confined, as its tracker is, to the watch's context.
 */
final class SeenTime {

  /** The gaps that ended after the current state began, oldest first. */
  private final ArrayDeque<CheckGap> gaps = new ArrayDeque<>();
  /** The unknown time of the gaps let go of to keep few: all of them in the current state. */
  private Duration folded = Duration.ZERO;
  private Instant lastCheck;
  private Duration lastTook = Duration.ZERO;
  private Duration lastInterval = Duration.ZERO;

  SeenTime() {}

  /**
   * Resumes where an earlier watch left the target.
   *
   * @param earlier the gaps in its checks since its state began, oldest first
   * @param last its last check, null when it has none
   * @param interval how often it was checked then, zero when unknown
   */
  SeenTime(List<CheckGap> earlier, CheckTime last, Duration interval) {
    gaps.addAll(earlier);
    if (last != null) {
      lastCheck = last.at();
      lastTook = last.took();
      lastInterval = interval;
    }
  }

  /**
   * Counts a check, finding the gap before it if there is one.
   *
   * @param took how long the check took, its retries and back-offs too: a long one delays the next
   * @param interval how often the target is checked now
   * @param keep how many gaps to keep apart at least: as many as a run of results that changes a
   *     state may span, so that a change ends the state before at the run's first result
   */
  void checked(Instant at, Duration took, Duration interval, int keep) {
    if (lastCheck != null && at.isAfter(lastCheck)) {
      long pace = Math.max(lastInterval.toMillis(), interval.toMillis());
      if (CheckPace.overdue(Duration.between(lastCheck, at).toMillis(), pace, lastTook.toMillis(),
          CheckPace.STALE_INTERVALS)) {
        gaps.addLast(new CheckGap(lastCheck, at, lastInterval.isZero() ? interval : lastInterval));
      }
    }
    while (gaps.size() > keep) {
      folded = folded.plus(gaps.removeFirst().unknown());
    }
    lastCheck = at;
    lastTook = took.isNegative() ? Duration.ZERO : took;
    lastInterval = interval;
  }

  /**
   * How much of the time from the current state's start, {@code since}, to {@code until} the
   * target was seen: all of it but the unknown time of the gaps that ended by then.
   */
  Duration seen(Instant since, Instant until) {
    if (since == null || !until.isAfter(since)) {
      return Duration.ZERO;
    }
    Duration unknown = folded;
    for (CheckGap g : gaps) {
      if (!g.next().isAfter(until)) {
        unknown = unknown.plus(g.unknown());
      }
    }
    Duration seen = Duration.between(since, until).minus(unknown);
    return seen.isNegative() ? Duration.ZERO : seen;
  }

  /** A new state began at {@code since}: the gaps up to it were the state before's. */
  void stateBegan(Instant since) {
    gaps.removeIf(g -> !g.next().isAfter(since));
    folded = Duration.ZERO;
  }
}
