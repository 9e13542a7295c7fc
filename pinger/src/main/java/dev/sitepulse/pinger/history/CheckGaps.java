package dev.sitepulse.pinger.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Finds the gaps in one target's check times. A watch checks at a fixed rate, a check that outlasts
 * ticks delays the next to the first tick after it, and skipped ticks and restarts only lengthen
 * the time between checks; so the interval beside a gap is the smallest of the {@link #SIDE} spaces
 * next to it, as the report measures a target's interval from its latest checks ({@link
 * CheckPace}). A gap is longer than {@code intervals} times the larger of the intervals before and
 * after it: a config change that lengthened or shortened the interval is then no gap, as either
 * side still checks at its own pace, and a watch that made only a check or two between two stops
 * is still seen. Nor is it shorter than as many times the check before it took, all its attempts
 * and back-offs ({@link CheckTime#took}): a site that began to hang has its checks run to their
 * timeout, each delaying the next, which the spaces before it do not yet show. A target's last
 * space has no later side: there the interval its watch recorded stands in for it, as the first
 * check after a reload that lengthened the interval is no gap.
 */
final class CheckGaps {

  /** Spaces between checks measured on each side of a gap. */
  static final int SIDE = 4;

  private CheckGaps() {}

  /**
   * Reads each target's check times from its index, from the {@link #SIDE} + 1 checks before its
   * time (so a gap across it is measured as any other) to {@code until}, and finds its gaps. The
   * targets are shared out among parallel connections, as JDBC's cost per row dominates.
   */
  static Map<String, List<CheckGap>> read(Path file, Map<String, Instant> from, Instant until, int intervals) {
    List<Map.Entry<String, Instant>> targets = List.copyOf(from.entrySet());
    int n = Math.max(1, Math.min(targets.size(), SqliteReader.parallelReads()));
    List<Supplier<Map<String, List<CheckGap>>>> parts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Map.Entry<String, Instant>> some = targets.subList(targets.size() * i / n, targets.size() * (i + 1) / n);
      parts.add(() -> new SqliteReader(file).read(c -> read(c, some, until, intervals)));
    }
    Map<String, List<CheckGap>> out = new HashMap<>();
    SqliteReader.inParallel(parts).forEach(out::putAll);
    return out;
  }

  private static Map<String, List<CheckGap>> read(Connection c, List<Map.Entry<String, Instant>> targets,
      Instant until, int intervals) throws SQLException {
    Map<String, Long> ids = new HashMap<>();
    SqliteReader.names(c).forEach((id, name) -> ids.put(name, id));
    Map<Long, Long> recorded = intervals(c);
    String lead = "SELECT at FROM checks INDEXED BY checks_by_target_time WHERE target_id = ?1 AND at < ?2"
        + " ORDER BY at DESC LIMIT 1 OFFSET " + SIDE;
    Map<String, List<CheckGap>> out = new HashMap<>();
    long[] times = new long[1024];
    long[] took = new long[1024];
    try (PreparedStatement s = c.prepareStatement("SELECT at, total_us, attempts FROM checks INDEXED BY checks_by_target_time"
        + " WHERE target_id = ?1 AND at >= coalesce((" + lead + "), 0) AND at < ?3 ORDER BY at")) {
      for (Map.Entry<String, Instant> t : targets) {
        Long id = ids.get(t.getKey());
        if (id == null) {
          continue;
        }
        s.setLong(1, id);
        s.setLong(2, t.getValue().toEpochMilli());
        s.setLong(3, until.toEpochMilli());
        int n = 0;
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            if (n == times.length) {
              times = Arrays.copyOf(times, n * 2);
              took = Arrays.copyOf(took, n * 2);
            }
            times[n] = rs.getLong(1);
            took[n++] = CheckTime.took(rs.getLong(2), rs.getInt(3)).toMillis();
          }
        }
        List<CheckGap> gaps = find(times, took, n, t.getValue().toEpochMilli(), intervals, recorded.getOrDefault(id, 0L));
        if (!gaps.isEmpty()) {
          out.put(t.getKey(), gaps);
        }
      }
    }
    return out;
  }

  /** Each target's interval as its watch recorded it, in milliseconds, by id; none in a history of an earlier version. */
  static Map<Long, Long> intervals(Connection c) throws SQLException {
    Map<Long, Long> out = new HashMap<>();
    if (!SqliteSchema.hasIntervals(c)) {
      return out;
    }
    try (PreparedStatement s = c.prepareStatement("SELECT id, interval_ms FROM targets WHERE interval_ms > 0");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getLong(1), rs.getLong(2));
      }
    }
    return out;
  }

  static List<CheckGap> find(long[] times, long[] took, int n, long after, int intervals) {
    return find(times, took, n, after, intervals, 0);
  }

  /**
   * @param times epoch milliseconds, oldest first; the first {@code n} count
   * @param took how long each of those checks took, retries and back-offs too, in milliseconds
   * @param after only gaps that end after this
   * @param recorded the interval the target's watch recorded last, in milliseconds, 0 for none:
   *     the later side of the last space
   */
  static List<CheckGap> find(long[] times, long[] took, int n, long after, int intervals, long recorded) {
    List<CheckGap> gaps = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      if (times[i] <= after) {
        continue;
      }
      long space = times[i] - times[i - 1];
      long before = CheckPace.smallestSpace(times, Math.max(1, i - SIDE), i);
      long later = i == n - 1 ? recorded : CheckPace.smallestSpace(times, i + 1, Math.min(n, i + 1 + SIDE));
      if (CheckPace.overdue(space, Math.max(before, later), took[i - 1], intervals)) {
        gaps.add(new CheckGap(Instant.ofEpochMilli(times[i - 1]), Instant.ofEpochMilli(times[i]),
            Duration.ofMillis(before > 0 ? before : later)));
      }
    }
    return gaps;
  }
}
