package dev.sitepulse.pinger.history;

import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Verdict;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts a window of checks in Java, not SQL: SQLite's GROUP BY sorts, and a sort of ten million
 * rows is slower than reading them. Each row comes back as two integers (SQLite packs bucket,
 * target, error kind, status and verdict into one), which is what the JDBC driver reads fastest,
 * and the window is cut into slices read in parallel on connections of their own.
 */
final class SqliteAggregation {

  /** bucket << 44 | target << 17 | kind << 13 | status << 3 | verdict; SQLite gives << and | one precedence. */
  private static final String PACKED =
      "(((at - ?) / ?) << 44) | (target_id << 17) | (error_kind << 13) | (status << 3) | verdict";

  /**
   * What a row must hold to be packed and counted: what the writer writes. A row changed by hand
   * (text where a number goes, a verdict or error kind code no version writes, a status past
   * 999, a negative latency) would spill into its neighbours' bits or past the counters' ends.
   * SQLite orders text after every number, so text fails these ranges too. It costs a report
   * over 3 million checks some 20% more time, the price of not counting a damaged row.
   */
  static final String SOUND = "verdict BETWEEN 0 AND " + (Verdict.values().length - 1)
      + " AND error_kind BETWEEN 0 AND " + ErrorKind.values().length
      + " AND status BETWEEN 0 AND 999 AND total_us BETWEEN 0 AND " + (1L << 40) // 12 days
      + " AND target_id BETWEEN 0 AND " + ((1 << 27) - 1);

  private static final Logger log = LoggerFactory.getLogger(SqliteHistory.DAMAGE_LOGGER);

  private SqliteAggregation() {}

  static List<TargetHistory> run(Path file, HistoryQuery q, int buckets) {
    if (buckets < 1) {
      throw new IllegalArgumentException("buckets must be at least 1, got " + buckets);
    }
    long since = q.since().toEpochMilli();
    long until = q.until().toEpochMilli();
    long width = Math.max(1, (until - since + buckets - 1) / buckets);
    Map<Long, String> names = new SqliteReader(file).read(SqliteReader::names);
    int slices = until - since < 60_000 ? 1 : Math.min(4, Runtime.getRuntime().availableProcessors());
    List<Supplier<SliceCounts>> parts = new ArrayList<>();
    for (int i = 0; i < slices; i++) {
      long lo = since + (until - since) * i / slices;
      long hi = since + (until - since) * (i + 1) / slices;
      parts.add(new Slice(file, q.target(), since, width, buckets, lo, hi, names)::read);
    }
    Map<Long, TargetHistory.Builder> all = new HashMap<>();
    boolean damaged = false;
    for (SliceCounts part : SqliteReader.inParallel(parts)) {
      damaged |= part.damaged();
      part.builders().forEach((id, b) -> all.merge(id, b, (x, y) -> {
        x.addAll(y);
        return x;
      }));
    }
    if (damaged) {
      warnOfDamage(file, q);
    }
    return all.values().stream().map(TargetHistory.Builder::build)
        .sorted(Comparator.comparing(TargetHistory::target)).toList();
  }

  /** Names the damaged rows in one line; read again only when there are some. */
  private static void warnOfDamage(Path file, HistoryQuery q) {
    String sql = "SELECT count(*), min(rowid) FROM checks WHERE at >= ? AND at < ? AND NOT (" + SOUND + ")"
        + (q.target() == null ? "" : " AND target_id = (SELECT id FROM targets WHERE name = ?)");
    new SqliteReader(file).read(c -> {
      try (PreparedStatement s = c.prepareStatement(sql)) {
        s.setLong(1, q.since().toEpochMilli());
        s.setLong(2, q.until().toEpochMilli());
        if (q.target() != null) {
          s.setString(3, q.target());
        }
        try (ResultSet rs = s.executeQuery()) {
          long n = rs.next() ? rs.getLong(1) : 0;
          log.warn("{}: skipped {} damaged {} of table checks, the first rowid {}: a verdict, error kind, status,"
              + " time or target that sitepulse never writes there", file, n, n == 1 ? "row" : "rows", rs.getLong(2));
        }
      }
      return null;
    });
  }

  /** What one slice counted, and whether it skipped damaged rows. */
  private record SliceCounts(Map<Long, TargetHistory.Builder> builders, boolean damaged) {}

  /** One time slice of the window, read on a connection of its own. */
  private record Slice(Path file, String target, long since, long width, int buckets, long lo, long hi,
      Map<Long, String> names) {

    SliceCounts read() {
      return new SqliteReader(file).read(this::read);
    }

    private SliceCounts read(Connection c) throws SQLException {
      String sql = "SELECT CASE WHEN " + SOUND + " THEN " + PACKED + " END, total_us FROM checks WHERE at >= ? AND at < ?"
          + (target == null ? "" : " AND target_id = (SELECT id FROM targets WHERE name = ?)");
      // Rows come in time order, so the target changes from one row to the next: builders are
      // found by id in an array, not a map, with nothing boxed per row.
      TargetHistory.Builder[] byId = new TargetHistory.Builder[64];
      boolean damaged = false;
      try (PreparedStatement s = c.prepareStatement(sql)) {
        s.setLong(1, since);
        s.setLong(2, width);
        s.setLong(3, lo);
        s.setLong(4, hi);
        if (target != null) {
          s.setString(5, target);
        }
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            long packed = rs.getLong(1);
            if (rs.wasNull()) {
              damaged = true;
              continue;
            }
            int id = (int) (packed >>> 17 & ((1L << 27) - 1));
            if (id >= byId.length) {
              byId = Arrays.copyOf(byId, Math.max(id + 1, byId.length * 2));
            }
            TargetHistory.Builder b = byId[id];
            if (b == null) {
              b = byId[id] = builder(id);
            }
            b.add((int) (packed >>> 44), (int) (packed & 7), (int) (packed >>> 3 & 1023),
                (int) (packed >>> 13 & 15), rs.getLong(2));
          }
        }
      }
      Map<Long, TargetHistory.Builder> out = new HashMap<>();
      for (int id = 0; id < byId.length; id++) {
        if (byId[id] != null) {
          out.put((long) id, byId[id]);
        }
      }
      return new SliceCounts(out, damaged);
    }

    private TargetHistory.Builder builder(long id) {
      return new TargetHistory.Builder(names.getOrDefault(id, "#" + id), Instant.ofEpochMilli(since),
          Duration.ofMillis(width), buckets);
    }
  }
}
