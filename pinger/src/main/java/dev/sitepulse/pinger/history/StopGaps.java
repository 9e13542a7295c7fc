package dev.sitepulse.pinger.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the gaps that stretches without any check leave in each target's checks: a watch stopped,
 * or the machine slept. Such a stretch is common to every target, so it is found once for all of
 * them by jumping along the index on check times, a lookup per step of twice the shortest
 * interval, where reading every check time of every target again took a third of a report over
 * ten million checks. Each target's gap across a stretch is then measured as {@link CheckGaps}
 * measures it, from its own checks on either side, a few lookups each.
 */
final class StopGaps {

  private StopGaps() {}

  static Map<String, List<CheckGap>> read(Connection c, Map<String, Duration> targets, Instant from, Instant until,
      int intervals) throws SQLException {
    long shortest = targets.values().stream().mapToLong(Duration::toMillis).filter(ms -> ms > 0).min().orElse(0);
    if (shortest == 0) {
      return Map.of(); // no interval known: no gap either (CheckPace#overdue)
    }
    long longest = targets.values().stream().mapToLong(Duration::toMillis).max().orElse(0);
    // A target is checked within its interval of a watch's stop and of its start, so a stretch
    // that ends a little before its gap does is still inside it.
    List<long[]> stretches = stretches(c, from.toEpochMilli() - 2 * longest, until.toEpochMilli(), 2 * shortest);
    if (stretches.isEmpty()) {
      return Map.of();
    }
    Map<String, Long> ids = new HashMap<>();
    SqliteReader.names(c).forEach((id, name) -> ids.put(name, id));
    Map<Long, Long> recorded = CheckGaps.intervals(c);
    Map<String, List<CheckGap>> out = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(aroundSql())) {
      for (Map.Entry<String, Duration> t : targets.entrySet()) {
        Long id = ids.get(t.getKey());
        long interval = t.getValue().toMillis();
        if (id == null || interval <= 0) {
          continue;
        }
        Set<CheckGap> gaps = new LinkedHashSet<>();
        for (long[] stretch : stretches) {
          // Shorter than twice its interval, a stretch is too short to be in a gap of five.
          if (stretch[1] - stretch[0] > 2 * interval) {
            gaps.addAll(across(s, id, stretch, from, until, intervals, recorded.getOrDefault(id, 0L)));
          }
        }
        if (!gaps.isEmpty()) {
          out.put(t.getKey(), List.copyOf(gaps));
        }
      }
    }
    return out;
  }

  /**
   * The stretches longer than {@code step} between two consecutive checks of any target, from the
   * last check at or before {@code from} to the last before {@code until}, as [last, next] pairs.
   * A lookup finds the last check within a step of the current one; only where there is none, a
   * second finds the next: two steps move on by more than a step.
   */
  private static List<long[]> stretches(Connection c, long from, long until, long step) throws SQLException {
    List<long[]> out = new ArrayList<>();
    try (PreparedStatement atOrBefore = c.prepareStatement(
            "SELECT at FROM checks INDEXED BY checks_by_time WHERE at <= ?1 ORDER BY at DESC LIMIT 1");
        PreparedStatement after = c.prepareStatement(
            "SELECT at FROM checks INDEXED BY checks_by_time WHERE at > ?1 AND at < ?2 ORDER BY at LIMIT 1")) {
      Long cur = first(atOrBefore, from, null);
      if (cur == null) {
        cur = first(after, from - 1, until);
      }
      while (cur != null && cur < until) {
        long far = first(atOrBefore, Math.min(cur + step, until - 1), null);
        if (far > cur) {
          cur = far;
          continue;
        }
        Long next = first(after, cur, until);
        if (next != null) {
          out.add(new long[] {cur, next});
        }
        cur = next;
      }
    }
    return out;
  }

  private static Long first(PreparedStatement s, long a, Long b) throws SQLException {
    s.setLong(1, a);
    if (b != null) {
      s.setLong(2, b);
    }
    try (ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getLong(1) : null;
    }
  }

  /** A target's {@link CheckGaps#SIDE} + 1 checks before a time and as many from it, oldest first. */
  private static String aroundSql() {
    String lead = "SELECT at FROM checks INDEXED BY checks_by_target_time WHERE target_id = ?1 AND at < ?2"
        + " ORDER BY at DESC LIMIT 1 OFFSET " + CheckGaps.SIDE;
    return "SELECT at, total_us, attempts FROM checks INDEXED BY checks_by_target_time WHERE target_id = ?1"
        + " AND at >= coalesce((" + lead + "), 0) AND at < ?3 ORDER BY at LIMIT " + 2 * (CheckGaps.SIDE + 1);
  }

  /** The target's gap across a stretch, if its checks around it make one that ends after {@code from}. */
  private static List<CheckGap> across(PreparedStatement s, long id, long[] stretch, Instant from, Instant until,
      int intervals, long recorded) throws SQLException {
    s.setLong(1, id);
    s.setLong(2, stretch[1]);
    s.setLong(3, until.toEpochMilli());
    long[] times = new long[2 * (CheckGaps.SIDE + 1)];
    long[] took = new long[times.length];
    int n = 0;
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        times[n] = rs.getLong(1);
        took[n++] = CheckTime.took(rs.getLong(2), rs.getInt(3)).toMillis();
      }
    }
    return CheckGaps.find(times, took, n, from.toEpochMilli(), intervals, recorded).stream()
        .filter(g -> g.last().toEpochMilli() <= stretch[0] && g.next().toEpochMilli() >= stretch[1])
        .toList();
  }
}
