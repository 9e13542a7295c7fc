package dev.sitepulse.pinger.history;

import dev.sitepulse.pinger.Phases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Writes batches of records in one transaction each, on the store's single writer thread, which
 * owns the connection. Targets get a numeric id on first sight, so each check row is small.
 */
final class SqliteWriter implements AutoCloseable {

  /** Rows deleted per transaction, so retention never holds the write lock for long. */
  private static final int DELETE_CHUNK = 5000;

  private final Connection c;
  private final PreparedStatement insertCheck;
  private final PreparedStatement insertChange;
  private final PreparedStatement insertDelivery;
  private final PreparedStatement upsertTarget;
  private final PreparedStatement setInterval;
  private final PreparedStatement insertPending;
  private final PreparedStatement deletePending;
  /** Those that batch rows; a failed write clears them all, as only a statement's own executeBatch does. */
  private final List<PreparedStatement> batched;
  private final Map<String, Known> ids = new HashMap<>();

  SqliteWriter(Connection c) throws SQLException {
    this.c = c;
    c.setAutoCommit(false);
    insertCheck = c.prepareStatement("INSERT INTO checks (target_id, at, verdict, error_kind, status,"
        + " total_us, dns_us, connect_us, tls_us, processing_us, transfer_us, bytes, attempts, message,"
        + " cert_not_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insertChange = c.prepareStatement(
        "INSERT INTO state_changes (target_id, at, since, from_state, to_state) VALUES (?, ?, ?, ?, ?)");
    insertDelivery = c.prepareStatement("INSERT INTO deliveries (target_id, at, kind, sink, ok, attempts, error,"
        + " replaced) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    upsertTarget = c.prepareStatement("INSERT INTO targets (name, url, grp) VALUES (?, ?, ?)"
        + " ON CONFLICT (name) DO UPDATE SET url = excluded.url, grp = excluded.grp RETURNING id");
    setInterval = c.prepareStatement("UPDATE targets SET interval_ms = ? WHERE id = ?");
    // OR IGNORE: an alert re-sent at start-up is pending already.
    insertPending = c.prepareStatement("INSERT OR IGNORE INTO pending_alerts (target_id, at, kind, url, grp,"
        + " from_state, to_state, since, lasted_ms, verdict, status, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    deletePending = c.prepareStatement("DELETE FROM pending_alerts WHERE target_id = ? AND at = ? AND kind = ?");
    batched = List.of(insertCheck, insertChange, insertDelivery, setInterval, insertPending, deletePending);
  }

  /** Writes all of them or, on an error, none, and keeps nothing of them for the next write. */
  void write(List<HistoryRecord> batch) throws SQLException {
    write(batch, true);
  }

  /** Throws what {@link #write} would throw, but rolls back when it would commit: the file stays as it was. */
  void tryWrite(List<HistoryRecord> batch) throws SQLException {
    write(batch, false);
  }

  private void write(List<HistoryRecord> batch, boolean commit) throws SQLException {
    try {
      for (HistoryRecord r : batch) {
        if (r instanceof CheckRecord check) {
          check(check);
        } else if (r instanceof StateChangeRecord change) {
          change(change);
        } else if (r instanceof DeliveryRecord delivery) {
          delivery(delivery);
        } else if (r instanceof IntervalRecord interval) {
          interval(interval);
        } else if (r instanceof PendingAlertRecord pending) {
          pending(pending);
        }
      }
      insertCheck.executeBatch();
      insertChange.executeBatch();
      insertDelivery.executeBatch();
      setInterval.executeBatch();
      insertPending.executeBatch();
      deletePending.executeBatch(); // after: one settled in the batch that made it is gone too
      if (commit) {
        c.commit();
      } else {
        c.rollback();
        ids.clear(); // ids made in the rolled-back transaction are gone
      }
    } catch (SQLException | RuntimeException e) {
      // Rows queued on statements not yet executed would go in again with the retry of this batch.
      for (PreparedStatement s : batched) {
        s.clearBatch();
      }
      ids.clear(); // ids made in the rolled-back transaction are gone
      rollBackAfter(e);
      throw e;
    }
  }

  /**
   * Rolls back the transaction {@code failure} ended, keeping {@code failure} the error thrown.
   * SQLite ends a transaction itself on some errors (a full disk, some I/O errors, a trigger's
   * RAISE(ROLLBACK)); the driver's rollback then fails before it begins the next transaction, and
   * every later statement would commit on its own while each commit failed: rows written, their
   * batch kept to be written again, targets' rows gone with the transaction that made them. So the
   * next transaction is begun here.
   */
  private void rollBackAfter(Exception failure) {
    try {
      c.rollback();
    } catch (SQLException notInOne) {
      try (Statement s = c.createStatement()) {
        s.execute("BEGIN");
      } catch (SQLException e) {
        notInOne.addSuppressed(e);
        failure.addSuppressed(notInOne);
      }
    }
  }

  private void check(CheckRecord r) throws SQLException {
    PreparedStatement s = insertCheck;
    Phases p = r.phases();
    s.setLong(1, id(r.target(), r.url(), r.group(), true));
    s.setLong(2, r.at().toEpochMilli());
    s.setInt(3, SqliteSchema.verdictCode(r.verdict()));
    s.setInt(4, SqliteSchema.kindCode(r.errorKind()));
    s.setInt(5, Math.max(0, Math.min(r.status(), 999)));
    s.setLong(6, p.totalNanos() / 1000);
    s.setLong(7, p.dnsNanos() / 1000);
    s.setLong(8, p.connectNanos() / 1000);
    s.setLong(9, p.tlsNanos() / 1000);
    s.setLong(10, p.processingNanos() / 1000);
    s.setLong(11, p.transferNanos() / 1000);
    s.setLong(12, r.bytes());
    s.setInt(13, r.attempts());
    s.setString(14, r.message());
    setInstant(s, 15, r.certNotAfter());
    s.addBatch();
  }

  private void change(StateChangeRecord r) throws SQLException {
    insertChange.setLong(1, id(r.target(), r.target(), "", false));
    insertChange.setLong(2, r.at().toEpochMilli());
    insertChange.setLong(3, r.since().toEpochMilli());
    insertChange.setString(4, r.from());
    insertChange.setString(5, r.to());
    insertChange.addBatch();
  }

  private void delivery(DeliveryRecord r) throws SQLException {
    insertDelivery.setLong(1, id(r.target(), r.target(), "", false));
    insertDelivery.setLong(2, r.at().toEpochMilli());
    insertDelivery.setString(3, r.kind());
    insertDelivery.setString(4, r.sink());
    insertDelivery.setInt(5, r.ok() ? 1 : 0);
    insertDelivery.setInt(6, r.attempts());
    insertDelivery.setString(7, r.error());
    insertDelivery.setInt(8, r.replaced() ? 1 : 0);
    insertDelivery.addBatch();
  }

  private void pending(PendingAlertRecord r) throws SQLException {
    long id = id(r.target(), r.url(), r.group(), false);
    if (r.settled()) {
      deletePending.setLong(1, id);
      deletePending.setLong(2, r.at().toEpochMilli());
      deletePending.setString(3, r.kind());
      deletePending.addBatch();
      return;
    }
    PreparedStatement s = insertPending;
    s.setLong(1, id);
    s.setLong(2, r.at().toEpochMilli());
    s.setString(3, r.kind());
    s.setString(4, r.url());
    s.setString(5, r.group());
    s.setString(6, r.from());
    s.setString(7, r.to());
    setInstant(s, 8, r.since());
    if (r.lasted() == null) {
      s.setNull(9, Types.INTEGER);
    } else {
      s.setLong(9, r.lasted().toMillis());
    }
    s.setString(10, r.verdict());
    s.setInt(11, r.status());
    s.setString(12, r.message());
    s.addBatch();
  }

  private void interval(IntervalRecord r) throws SQLException {
    setInterval.setLong(1, r.interval().toMillis());
    setInterval.setLong(2, id(r.target(), r.url(), r.group(), true));
    setInterval.addBatch();
  }

  /** The target's id, made on first sight; a check also keeps its URL and group current. */
  private long id(String name, String url, String group, boolean fromCheck) throws SQLException {
    Known known = ids.get(name);
    if (known != null && (!fromCheck || known.url.equals(url) && known.group.equals(group))) {
      return known.id;
    }
    if (!fromCheck) {
      try (PreparedStatement s = c.prepareStatement("SELECT id, url, grp FROM targets WHERE name = ?")) {
        s.setString(1, name);
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            ids.put(name, new Known(rs.getLong(1), rs.getString(2), rs.getString(3)));
            return rs.getLong(1);
          }
        }
      }
    }
    upsertTarget.setString(1, name);
    upsertTarget.setString(2, url);
    upsertTarget.setString(3, group);
    try (ResultSet rs = upsertTarget.executeQuery()) {
      rs.next();
      long id = rs.getLong(1);
      ids.put(name, new Known(id, url, group));
      return id;
    }
  }

  private record Known(long id, String url, String group) {}

  /**
   * Deletes checks, deliveries and state changes before the cutoff, in transactions of at most
   * {@link #DELETE_CHUNK} rows each; returns how many checks went.
   */
  long deleteBefore(Instant cutoff) throws SQLException {
    long checks = deleteInChunks("checks", "at < ?", cutoff);
    deleteInChunks("deliveries", "at < ?", cutoff);
    // The last change of each target stays: it says what state an old outage left behind.
    deleteInChunks("state_changes",
        "at < ? AND rowid NOT IN (SELECT max(rowid) FROM state_changes GROUP BY target_id)", cutoff);
    return checks;
  }

  private long deleteInChunks(String table, String where, Instant cutoff) throws SQLException {
    long total = 0;
    try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE rowid IN (SELECT rowid FROM "
        + table + " WHERE " + where + " LIMIT " + DELETE_CHUNK + ")")) {
      int n;
      do {
        del.setLong(1, cutoff.toEpochMilli());
        try {
          n = del.executeUpdate();
          c.commit();
        } catch (SQLException e) {
          rollBackAfter(e); // the writes that come next must not commit one by one
          throw e;
        }
        total += n;
      } while (n == DELETE_CHUNK);
    }
    return total;
  }

  private static void setInstant(PreparedStatement s, int i, Instant t) throws SQLException {
    if (t == null) {
      s.setNull(i, Types.INTEGER);
    } else {
      s.setLong(i, t.toEpochMilli());
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      upsertTarget.close(); // one left in progress keeps a transaction open, and the mode changes only outside
      for (PreparedStatement p : batched) {
        p.close();
      }
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
      // Reading a WAL file takes a -shm beside it, which a report run by a user who may not write
      // the folder cannot make: a stopped watch leaves a plain file. The next one goes back to WAL.
      // Not worth waiting for: while a report reads, the file stays in WAL mode.
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout=0");
        s.execute("PRAGMA journal_mode=DELETE");
      } catch (SQLException e) {
        LoggerFactory.getLogger(SqliteWriter.class).debug("history left in WAL mode: {}", e.getMessage());
      }
    } finally {
      c.close();
    }
  }
}
