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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
    List<Supplier<Map<Long, TargetHistory.Builder>>> parts = new ArrayList<>();
    for (int i = 0; i < slices; i++) {
      long lo = since + (until - since) * i / slices;
      long hi = since + (until - since) * (i + 1) / slices;
      parts.add(new Slice(file, q.target(), since, width, buckets, lo, hi, names)::read);
    }
    Map<Long, TargetHistory.Builder> all = new HashMap<>();
    for (Map<Long, TargetHistory.Builder> part : SqliteReader.inParallel(parts)) {
      part.forEach((id, b) -> all.merge(id, b, (x, y) -> {
        x.addAll(y);
        return x;
      }));
    }
    return all.values().stream().map(TargetHistory.Builder::build)
        .sorted(Comparator.comparing(TargetHistory::target)).toList();
  }

  /** One time slice of the window, read on a connection of its own. */
  private record Slice(Path file, String target, long since, long width, int buckets, long lo, long hi,
      Map<Long, String> names) {

    Map<Long, TargetHistory.Builder> read() {
      return new SqliteReader(file).read(this::read);
    }

    private Map<Long, TargetHistory.Builder> read(Connection c) throws SQLException {
      String sql = "SELECT " + PACKED + ", total_us FROM checks WHERE at >= ? AND at < ?"
          + (target == null ? "" : " AND target_id = (SELECT id FROM targets WHERE name = ?)");
      // Rows come in time order, so the target changes from one row to the next: builders are
      // found by id in an array, not a map, with nothing boxed per row.
      TargetHistory.Builder[] byId = new TargetHistory.Builder[64];
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
      return out;
    }

    private TargetHistory.Builder builder(long id) {
      return new TargetHistory.Builder(names.getOrDefault(id, "#" + id), Instant.ofEpochMilli(since),
          Duration.ofMillis(width), buckets);
    }
  }
}
