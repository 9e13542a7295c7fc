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

  /** Bits of a packed row's fields, lowest first: verdict, status, error kind, target; the bucket above. */
  static final int VERDICT_BITS = 3;
  static final int STATUS_BITS = 10;
  static final int KIND_BITS = 4;
  static final int TARGET_BITS = 27;
  private static final int STATUS_SHIFT = VERDICT_BITS;
  private static final int KIND_SHIFT = STATUS_SHIFT + STATUS_BITS;
  private static final int TARGET_SHIFT = KIND_SHIFT + KIND_BITS;
  private static final int BUCKET_SHIFT = TARGET_SHIFT + TARGET_BITS;

  /** bucket | target | kind | status | verdict, shifted to their bits; SQLite gives << and | one precedence. */
  private static final String PACKED = "(((at - ?) / ?) << " + BUCKET_SHIFT + ") | (target_id << " + TARGET_SHIFT
      + ") | (error_kind << " + KIND_SHIFT + ") | (status << " + STATUS_SHIFT + ") | verdict";
  /** The longest check a history holds: 12 days, far past any timeout. */
  private static final long MAX_MICROS = 1L << 40;
  private static final int VERDICTS = Verdict.values().length;
  /** Error kinds are written 1-based; 0 is none. */
  private static final int LAST_ERROR_KIND = ErrorKind.values().length;
  /**
   * A row changed by hand (a verdict or error kind code no version writes, a status past 999, a
   * negative value, a target that is not there) must not reach past the counters' ends. Testing
   * each column in SQL made a report over 10M checks 25% slower, so {@link Slice} tests what it
   * unpacks: a negative field makes the packed value negative, a status of 1000-1023 or an unknown
   * code is out of its range. Text where a number goes, or a value so large that its bits spill
   * into a neighbour's, is counted as what it reads as.
   */
  private static final String DAMAGE = "a verdict, error kind, status, time or target that sitepulse never writes there";

  private static final Logger log = LoggerFactory.getLogger(SqliteHistory.DAMAGE_LOGGER);

  private SqliteAggregation() {}

  private static long field(long packed, int shift, int bits) {
    return packed >>> shift & ((1L << bits) - 1);
  }

  static List<TargetHistory> run(Path file, HistoryQuery q, int buckets) {
    if (buckets < 1) {
      throw new IllegalArgumentException("buckets must be at least 1, got " + buckets);
    }
    long width = Math.max(1, (q.until().toEpochMilli() - q.since().toEpochMilli() + buckets - 1) / buckets);
    return run(file, q, q.since().toEpochMilli(), width, buckets);
  }

  /**
   * With buckets {@code width} wide from {@code origin}, at or before the window's start, as many as
   * cover the window: the first may start before it and the last reach past its end.
   */
  static List<TargetHistory> run(Path file, HistoryQuery q, Instant origin, Duration width) {
    long w = width.toMillis();
    if (w < 1) {
      throw new IllegalArgumentException("bucket width must be at least 1ms, got " + width);
    }
    if (origin.isAfter(q.since())) {
      throw new IllegalArgumentException("the buckets' origin " + origin + " is after the window's start " + q.since());
    }
    long span = q.until().toEpochMilli() - origin.toEpochMilli();
    return run(file, q, origin.toEpochMilli(), w, (int) Math.max(1, Math.min(Integer.MAX_VALUE, (span + w - 1) / w)));
  }

  private static List<TargetHistory> run(Path file, HistoryQuery q, long origin, long width, int buckets) {
    long since = q.since().toEpochMilli();
    long until = q.until().toEpochMilli();
    Map<Long, String> names = new SqliteReader(file).read(SqliteReader::names);
    int slices = until - since < 60_000 ? 1 : SqliteReader.parallelReads();
    List<Supplier<SliceCounts>> parts = new ArrayList<>();
    for (int i = 0; i < slices; i++) {
      long lo = since + (until - since) * i / slices;
      long hi = since + (until - since) * (i + 1) / slices;
      parts.add(new Slice(file, q.target(), origin, width, buckets, lo, hi, names)::read);
    }
    Map<Long, TargetHistory.Builder> all = new HashMap<>();
    long damaged = 0;
    long firstDamaged = Long.MAX_VALUE;
    for (SliceCounts part : SqliteReader.inParallel(parts)) {
      damaged += part.damaged();
      firstDamaged = Math.min(firstDamaged, part.firstDamaged());
      part.builders().forEach((id, b) -> all.merge(id, b, (x, y) -> {
        x.addAll(y);
        return x;
      }));
    }
    if (damaged > 0) {
      log.warn("{}: skipped {} damaged {} of table checks, the first rowid {}: {}", file, damaged,
          damaged == 1 ? "row" : "rows", firstDamaged, DAMAGE);
    }
    return all.values().stream().map(TargetHistory.Builder::build)
        .sorted(Comparator.comparing(TargetHistory::target)).toList();
  }

  /** What one slice counted, how many damaged rows it skipped, and the first one's rowid. */
  private record SliceCounts(Map<Long, TargetHistory.Builder> builders, long damaged, long firstDamaged) {}

  /** One time slice of the window, read on a connection of its own; its buckets start at {@code origin}. */
  private record Slice(Path file, String target, long origin, long width, int buckets, long lo, long hi,
      Map<Long, String> names) {

    SliceCounts read() {
      return new SqliteReader(file).read(this::read);
    }

    private SliceCounts read(Connection c) throws SQLException {
      // rowid is read only for a damaged row, for the warning.
      String sql = "SELECT " + PACKED + ", total_us, rowid FROM checks WHERE at >= ? AND at < ?"
          + (target == null ? "" : " AND target_id = (SELECT id FROM targets WHERE name = ?)");
      // Rows come in time order, so the target changes from one row to the next: builders are
      // found by id in an array, not a map, with nothing boxed per row.
      TargetHistory.Builder[] byId = new TargetHistory.Builder[64];
      long damaged = 0;
      long firstDamaged = Long.MAX_VALUE;
      try (PreparedStatement s = c.prepareStatement(sql)) {
        s.setLong(1, origin);
        s.setLong(2, width);
        s.setLong(3, lo);
        s.setLong(4, hi);
        if (target != null) {
          s.setString(5, target);
        }
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            long packed = rs.getLong(1);
            long micros = rs.getLong(2);
            int bucket = (int) (packed >>> BUCKET_SHIFT);
            int verdict = (int) field(packed, 0, VERDICT_BITS);
            int status = (int) field(packed, STATUS_SHIFT, STATUS_BITS);
            int kind = (int) field(packed, KIND_SHIFT, KIND_BITS);
            if (packed < 0 || bucket >= buckets || verdict >= VERDICTS || status > 999
                || kind > LAST_ERROR_KIND || micros < 0 || micros > MAX_MICROS) {
              damaged++; // see DAMAGE
              firstDamaged = Math.min(firstDamaged, rs.getLong(3));
              continue;
            }
            int id = (int) field(packed, TARGET_SHIFT, TARGET_BITS);
            TargetHistory.Builder b = id < byId.length ? byId[id] : null;
            if (b == null) {
              if (!names.containsKey((long) id)) { // never deleted: a number changed by hand, or spilled
                damaged++;
                firstDamaged = Math.min(firstDamaged, rs.getLong(3));
                continue;
              }
              if (id >= byId.length) {
                byId = Arrays.copyOf(byId, Math.max(id + 1, byId.length * 2));
              }
              b = byId[id] = builder(id);
            }
            b.add(bucket, verdict, status, kind, micros);
          }
        }
      }
      Map<Long, TargetHistory.Builder> out = new HashMap<>();
      for (int id = 0; id < byId.length; id++) {
        if (byId[id] != null) {
          out.put((long) id, byId[id]);
        }
      }
      return new SliceCounts(out, damaged, firstDamaged);
    }

    private TargetHistory.Builder builder(long id) {
      return new TargetHistory.Builder(names.get(id), Instant.ofEpochMilli(origin),
          Duration.ofMillis(width), buckets);
    }
  }
}
