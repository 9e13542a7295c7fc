package dev.sitepulse.pinger.history;

import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Verdict;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The tables of {@code history.db}. Times are epoch milliseconds, durations microseconds. A check's
 * verdict and error kind are small codes, since reports read millions of them; the tables
 * {@code verdicts} and {@code error_kinds} name them, and the view {@code check_log} shows checks
 * as a person reads them in {@code sqlite3}. The codes are the enums' order when the schema was
 * made: a new verdict or error kind must be added at the end ({@code SqliteSchemaTest} pins them,
 * and the bits {@link SqliteAggregation} unpacks them from).
 */
final class SqliteSchema {

  /**
   * 2 since error kind 10 (NOT_STARTED): an older sitepulse, which knows 9 kinds, refuses the
   * history as a whole rather than skip those rows as damaged. A new code is a new version.
   */
  static final int VERSION = 2;

  private static final List<String> DDL = List.of(
      "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
      "CREATE TABLE IF NOT EXISTS targets ("
          + " id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, url TEXT NOT NULL, grp TEXT NOT NULL DEFAULT '')",
      "CREATE TABLE IF NOT EXISTS checks ("
          + " target_id INTEGER NOT NULL REFERENCES targets(id),"
          + " at INTEGER NOT NULL,"
          + " verdict INTEGER NOT NULL,"
          + " error_kind INTEGER NOT NULL,"
          + " status INTEGER NOT NULL,"
          + " total_us INTEGER NOT NULL,"
          + " dns_us INTEGER NOT NULL, connect_us INTEGER NOT NULL, tls_us INTEGER NOT NULL,"
          + " processing_us INTEGER NOT NULL, transfer_us INTEGER NOT NULL,"
          + " bytes INTEGER NOT NULL,"
          + " attempts INTEGER NOT NULL,"
          + " message TEXT,"
          + " cert_not_after INTEGER)",
      "CREATE INDEX IF NOT EXISTS checks_by_target_time ON checks (target_id, at)",
      "CREATE INDEX IF NOT EXISTS checks_by_time ON checks (at)",
      // Only TLS checks, so "the latest certificate a target showed" is one index probe.
      "CREATE INDEX IF NOT EXISTS checks_with_certificate ON checks (target_id, at)"
          + " WHERE cert_not_after IS NOT NULL",
      "CREATE TABLE IF NOT EXISTS state_changes ("
          + " target_id INTEGER NOT NULL REFERENCES targets(id),"
          + " at INTEGER NOT NULL, since INTEGER NOT NULL,"
          + " from_state TEXT NOT NULL, to_state TEXT NOT NULL)",
      "CREATE INDEX IF NOT EXISTS state_changes_by_target_time ON state_changes (target_id, at)",
      "CREATE TABLE IF NOT EXISTS deliveries ("
          + " target_id INTEGER NOT NULL REFERENCES targets(id),"
          + " at INTEGER NOT NULL, kind TEXT NOT NULL, sink TEXT NOT NULL,"
          + " ok INTEGER NOT NULL, attempts INTEGER NOT NULL, error TEXT, replaced INTEGER NOT NULL DEFAULT 0)",
      "CREATE INDEX IF NOT EXISTS deliveries_by_time ON deliveries (at)",
      // Alerts posted and not yet answered by every webhook; a history before 2026-12-07 gets it when a watch opens it.
      "CREATE TABLE IF NOT EXISTS pending_alerts ("
          + " target_id INTEGER NOT NULL REFERENCES targets(id),"
          + " at INTEGER NOT NULL, kind TEXT NOT NULL, url TEXT NOT NULL, grp TEXT NOT NULL,"
          + " from_state TEXT NOT NULL, to_state TEXT NOT NULL, since INTEGER, lasted_ms INTEGER,"
          + " verdict TEXT NOT NULL, status INTEGER NOT NULL, message TEXT,"
          + " PRIMARY KEY (target_id, at, kind))",
      "CREATE TABLE IF NOT EXISTS verdicts (code INTEGER PRIMARY KEY, name TEXT NOT NULL)",
      "CREATE TABLE IF NOT EXISTS error_kinds (code INTEGER PRIMARY KEY, name TEXT NOT NULL)",
      "CREATE VIEW IF NOT EXISTS check_log AS SELECT t.name AS target,"
          + " strftime('%Y-%m-%dT%H:%M:%fZ', c.at / 1000.0, 'unixepoch') AS time, v.name AS verdict,"
          + " k.name AS error_kind, c.status, c.total_us / 1000.0 AS total_ms, c.message"
          + " FROM checks c JOIN targets t ON t.id = c.target_id JOIN verdicts v ON v.code = c.verdict"
          + " LEFT JOIN error_kinds k ON k.code = c.error_kind");

  private SqliteSchema() {}

  static int verdictCode(Verdict v) {
    return v.ordinal();
  }

  /** 0 for none. */
  static int kindCode(ErrorKind k) {
    return k == null ? 0 : k.ordinal() + 1;
  }

  /** The database's tables, by name; none for a new, empty file. */
  static List<String> tables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  /** Whether {@code tables} are a history's; someone else's database is refused, not added to. */
  static boolean isHistory(List<String> tables) {
    return tables.containsAll(List.of("meta", "targets", "checks"));
  }

  /** The tables every version of a history made: {@code verdicts} and {@code error_kinds} are ours alone. */
  private static final List<String> OWN_TABLES =
      List.of("meta", "targets", "checks", "state_changes", "deliveries", "verdicts", "error_kinds");

  /**
   * Whether {@code tables} are a history that lost some of its own: most of them are there, which
   * someone else's database, even with a {@code meta} and a {@code targets} of its own, is not.
   */
  static boolean isDamagedHistory(List<String> tables) {
    long own = OWN_TABLES.stream().filter(tables::contains).count();
    return own < OWN_TABLES.size() && own > OWN_TABLES.size() / 2;
  }

  /** What the error says of a history that lost {@code missing}. */
  static String damaged(List<String> missing) {
    return "a damaged history: it has no table " + String.join(", ", missing) + ", which every watch makes; give another --data";
  }

  /** The schema version a history's meta table records; 0 when it records none. */
  static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
      if (!rs.next()) {
        return 0;
      }
      try {
        return Integer.parseInt(rs.getString(1).trim());
      } catch (NumberFormatException e) {
        return Integer.MAX_VALUE; // not one this version wrote
      }
    }
  }

  /**
   * Null when this version can read and write a history of {@code version}; else why not. A newer
   * sitepulse may have added columns, verdict codes or meanings this one would get wrong, and
   * rows it wrote into that history would not say what the newer one expects.
   */
  static String unknownVersion(int version) {
    return version <= VERSION ? null : "a history of schema " + (version == Integer.MAX_VALUE ? "unknown" : version)
        + ", written by a newer sitepulse; this one knows schema " + VERSION;
  }

  /** Tables a reader asks for that a history lacks: every version made them all, so it lost them. */
  static List<String> missingForReading(List<String> tables) {
    return Stream.of("meta", "targets", "checks", "state_changes", "deliveries").filter(t -> !tables.contains(t)).toList();
  }

  /**
   * Whether the history records how often a watch checks each target ({@code targets.interval_ms},
   * null until a watch did): histories a version before 2026-12-05 wrote, and no watch has opened
   * since, have no such column.
   */
  static boolean hasIntervals(Connection c) throws SQLException {
    return hasColumn(c, "targets", "interval_ms");
  }

  /**
   * Whether the history tells the alerts a later one replaced before they were sent from failed
   * deliveries ({@code deliveries.replaced}): histories a version before 2026-12-06 wrote, and no
   * watch has opened since, have no such column, and hold no replaced alert but as failed.
   */
  static boolean hasReplaced(Connection c) throws SQLException {
    return hasColumn(c, "deliveries", "replaced");
  }

  private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (rs.next()) {
        if (column.equals(rs.getString("name"))) {
          return true;
        }
      }
    }
    return false;
  }

  static String notAHistory(List<String> tables) {
    return "not a sitepulse history (its tables: " + String.join(", ", tables) + ")";
  }

  static void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String ddl : DDL) {
        s.execute(ddl);
      }
      if (!hasIntervals(c)) { // a history of an earlier version: older readers never ask for it
        s.execute("ALTER TABLE targets ADD COLUMN interval_ms INTEGER");
      }
      if (!hasReplaced(c)) { // likewise; its rows were all delivered or failed
        s.execute("ALTER TABLE deliveries ADD COLUMN replaced INTEGER NOT NULL DEFAULT 0");
      }
      // An older history written to now may take rows of codes an older sitepulse does not know.
      s.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '" + VERSION + "')"
          + " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
      for (Verdict v : Verdict.values()) {
        s.execute("INSERT OR IGNORE INTO verdicts VALUES (" + verdictCode(v) + ", '" + v.name() + "')");
      }
      for (ErrorKind k : ErrorKind.values()) {
        s.execute("INSERT OR IGNORE INTO error_kinds VALUES (" + kindCode(k) + ", '" + k.name() + "')");
      }
    }
  }
}
