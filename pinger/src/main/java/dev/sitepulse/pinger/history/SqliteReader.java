package dev.sitepulse.pinger.history;

import dev.sitepulse.pinger.DataDirLock;
import dev.sitepulse.pinger.IoErrors;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Reads the SQLite history, each call on a fresh read-only connection: WAL lets it read while the
 * writer writes, and it holds nothing between calls.
 */
final class SqliteReader implements HistoryReader {

  private final Path file;

  SqliteReader(Path file) {
    this.file = file;
  }

  @FunctionalInterface
  interface Query<T> {
    T run(Connection c) throws SQLException;
  }

  <T> T read(Query<T> q) {
    try (Connection c = HistoryFolder.connect(file, true)) {
      return q.run(c);
    } catch (SQLException e) {
      throw new HistoryException(file + ": " + IoErrors.why(e, file), e); // as openForReading says it
    }
  }

  @Override
  public List<TargetInfo> targets() {
    return read(c -> {
      List<TargetInfo> out = new ArrayList<>();
      String interval = SqliteSchema.hasIntervals(c) ? "interval_ms" : "NULL";
      try (PreparedStatement s = c.prepareStatement("SELECT name, url, grp, " + interval + " FROM targets ORDER BY name");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long ms = rs.getLong(4); // 0 for NULL; a value changed by hand to one no watch writes is none too
          out.add(new TargetInfo(rs.getString(1), rs.getString(2), rs.getString(3), ms > 0 ? Duration.ofMillis(ms) : null));
        }
      }
      return out;
    });
  }

  @Override
  public List<TargetHistory> aggregate(HistoryQuery q, int buckets) {
    return SqliteAggregation.run(file, q, buckets);
  }

  @Override
  public List<TargetHistory> aggregate(HistoryQuery q, Instant origin, Duration width) {
    return SqliteAggregation.run(file, q, origin, width);
  }

  @Override
  public Optional<Instant> firstRecord(String target) {
    return read(c -> {
      String where = target == null ? "" : " WHERE target_id = (SELECT id FROM targets WHERE name = ?1)";
      // checks: one end of an index on at (or on target_id, at); state_changes, a scan without a
      // target, but it holds only the changes of state, a few rows a day.
      String sql = "SELECT min(m) FROM (SELECT min(at) AS m FROM checks" + where
          + " UNION ALL SELECT min(at) FROM state_changes" + where + ")";
      try (PreparedStatement s = c.prepareStatement(sql)) {
        if (target != null) {
          s.setString(1, target);
        }
        try (ResultSet rs = s.executeQuery()) {
          long at = rs.next() ? rs.getLong(1) : 0;
          return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
        }
      }
    });
  }

  @Override
  public List<StateChangeRecord> stateChanges(HistoryQuery q) {
    return read(c -> {
      String only = q.target() == null ? "" : " AND t.name = ?";
      String sql = "SELECT t.name, s.from_state, s.to_state, s.at, s.since FROM state_changes s"
          + " JOIN targets t ON t.id = s.target_id WHERE s.at >= ? AND s.at < ?" + only
          + " UNION ALL"
          + " SELECT t.name, s.from_state, s.to_state, s.at, s.since FROM state_changes s"
          + " JOIN targets t ON t.id = s.target_id WHERE s.rowid IN"
          + " (SELECT max(rowid) FROM state_changes WHERE at < ? GROUP BY target_id)" + only
          + " ORDER BY 4";
      try (PreparedStatement s = c.prepareStatement(sql)) {
        int i = 1;
        s.setLong(i++, q.since().toEpochMilli());
        s.setLong(i++, q.until().toEpochMilli());
        if (q.target() != null) {
          s.setString(i++, q.target());
        }
        s.setLong(i++, q.since().toEpochMilli());
        if (q.target() != null) {
          s.setString(i, q.target());
        }
        return changes(s);
      }
    });
  }

  @Override
  public Map<String, StateChangeRecord> lastStates() {
    return read(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT t.name, s.from_state, s.to_state, s.at, s.since FROM state_changes s"
              + " JOIN targets t ON t.id = s.target_id"
              + " WHERE s.rowid IN (SELECT max(rowid) FROM state_changes GROUP BY target_id)")) {
        Map<String, StateChangeRecord> out = new LinkedHashMap<>();
        for (StateChangeRecord r : changes(s)) {
          out.put(r.target(), r);
        }
        return out;
      }
    });
  }

  @Override
  public Map<String, Instant> lastAlerts() {
    return read(c -> {
      Map<String, Instant> out = new LinkedHashMap<>();
      try (PreparedStatement s = c.prepareStatement("SELECT t.name, max(d.at) FROM deliveries d"
              + " JOIN targets t ON t.id = d.target_id GROUP BY t.name");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)));
        }
      }
      return out;
    });
  }

  @Override
  public Map<String, List<CheckTime>> latestChecks(Instant before, int count) {
    return read(c -> {
      Map<String, List<CheckTime>> out = new LinkedHashMap<>();
      try (PreparedStatement s = c.prepareStatement("SELECT at, total_us, attempts FROM checks INDEXED BY checks_by_target_time"
          + " WHERE target_id = ? AND at < ? ORDER BY at DESC LIMIT ?")) {
        for (Map.Entry<Long, String> t : names(c).entrySet()) {
          s.setLong(1, t.getKey());
          s.setLong(2, before.toEpochMilli());
          s.setInt(3, count);
          List<CheckTime> times = new ArrayList<>();
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              times.add(new CheckTime(Instant.ofEpochMilli(rs.getLong(1)), CheckTime.took(rs.getLong(2), rs.getInt(3))));
            }
          }
          if (!times.isEmpty()) {
            out.put(t.getValue(), times);
          }
        }
      }
      return out;
    });
  }

  @Override
  public Map<String, CheckOutcome> latestOutcomes(Instant before) {
    return read(c -> CheckOutcomes.latest(c, before));
  }

  @Override
  public List<FailedChecks> failedChecks(List<HistoryQuery> stretches) {
    return stretches.isEmpty() ? List.of() : read(c -> CheckOutcomes.failed(c, stretches));
  }

  @Override
  public Map<String, List<CheckGap>> checkGaps(Map<String, Instant> from, Instant until, int intervals) {
    return CheckGaps.read(file, from, until, intervals);
  }

  @Override
  public Map<String, List<CheckGap>> stopGaps(Map<String, Duration> every, Instant from, Instant until, int intervals) {
    return every.isEmpty() ? Map.of() : read(c -> StopGaps.read(c, every, from, until, intervals));
  }

  /**
   * How many connections a query shares its work among: JDBC's cost per row dominates the big
   * ones, and SQLite reads a WAL file from several connections at once.
   */
  static int parallelReads() {
    return Math.min(4, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Runs the parts, each on connections of its own: the last on this thread, the others on the
   * common pool. A part's failure is thrown as the history's.
   */
  static <T> List<T> inParallel(List<Supplier<T>> parts) {
    List<CompletableFuture<T>> running = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      running.add(i == parts.size() - 1 ? CompletableFuture.completedFuture(parts.get(i).get())
          : CompletableFuture.supplyAsync(parts.get(i)));
    }
    try {
      return running.stream().map(CompletableFuture::join).toList();
    } catch (CompletionException e) {
      throw e.getCause() instanceof HistoryException h ? h : new HistoryException(e.getMessage(), e);
    }
  }

  /** Whether the watch's lock on the folder is held; the writer holds it from open to close. */
  @Override
  public boolean watchRunning() {
    try {
      return DataDirLock.held(file.toAbsolutePath().getParent(), SqliteHistory.LOCK_USER);
    } catch (IOException e) {
      return true; // the report then goes by how recent each target's checks are
    }
  }

  @Override
  public Map<String, Instant> latestCertificateExpiry(HistoryQuery q) {
    return read(c -> {
      Map<String, Instant> out = new LinkedHashMap<>();
      try (PreparedStatement s = c.prepareStatement("SELECT cert_not_after FROM checks"
          + " INDEXED BY checks_with_certificate WHERE target_id = ? AND at >= ? AND at < ?"
          + " AND cert_not_after IS NOT NULL ORDER BY at DESC LIMIT 1")) {
        for (Map.Entry<Long, String> t : names(c).entrySet()) {
          if (q.target() != null && !q.target().equals(t.getValue())) {
            continue;
          }
          s.setLong(1, t.getKey());
          s.setLong(2, q.since().toEpochMilli());
          s.setLong(3, q.until().toEpochMilli());
          try (ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
              out.put(t.getValue(), Instant.ofEpochMilli(rs.getLong(1)));
            }
          }
        }
      }
      return out;
    });
  }

  @Override
  public List<DeliveryRecord> failedDeliveries(HistoryQuery q) {
    return read(c -> {
      String sql = "SELECT t.name, d.at, d.kind, d.sink, d.ok, d.attempts, d.error FROM deliveries d"
          + " JOIN targets t ON t.id = d.target_id WHERE d.ok = 0 AND d.at >= ? AND d.at < ?"
          + (SqliteSchema.hasReplaced(c) ? " AND d.replaced = 0" : "") // replaced while the webhook was busy: no failure
          + (q.target() == null ? "" : " AND t.name = ?") + " ORDER BY d.at";
      try (PreparedStatement s = c.prepareStatement(sql)) {
        s.setLong(1, q.since().toEpochMilli());
        s.setLong(2, q.until().toEpochMilli());
        if (q.target() != null) {
          s.setString(3, q.target());
        }
        List<DeliveryRecord> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(new DeliveryRecord(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                rs.getString(4), rs.getInt(5) != 0, rs.getInt(6), rs.getString(7)));
          }
        }
        return out;
      }
    });
  }

  @Override
  public List<PendingAlertRecord> pendingAlerts() {
    return read(c -> {
      List<PendingAlertRecord> out = new ArrayList<>();
      if (!SqliteSchema.tables(c).contains("pending_alerts")) {
        return out;
      }
      try (PreparedStatement s = c.prepareStatement("SELECT t.name, p.url, p.grp, p.kind, p.from_state, p.to_state,"
              + " p.at, p.since, p.lasted_ms, p.verdict, p.status, p.message FROM pending_alerts p"
              + " JOIN targets t ON t.id = p.target_id ORDER BY p.at, p.rowid");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long since = rs.getLong(8);
          boolean noSince = rs.wasNull();
          long lasted = rs.getLong(9);
          boolean noLasted = rs.wasNull();
          out.add(new PendingAlertRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)),
              noSince ? null : Instant.ofEpochMilli(since), noLasted ? null : Duration.ofMillis(lasted),
              rs.getString(10), rs.getInt(11), rs.getString(12), false));
        }
      }
      return out;
    });
  }

  private static List<StateChangeRecord> changes(PreparedStatement s) throws SQLException {
    List<StateChangeRecord> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(new StateChangeRecord(rs.getString(1), rs.getString(2), rs.getString(3),
            Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5))));
      }
    }
    return out;
  }

  static Map<Long, String> names(Connection c) throws SQLException {
    Map<Long, String> out = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT id, name FROM targets");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getLong(1), rs.getString(2));
      }
    }
    return out;
  }
}
