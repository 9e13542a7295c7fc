package dev.sitepulse.cli.report;

import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.history.CheckRecord;
import dev.sitepulse.pinger.history.SqliteHistory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** A history edited by hand into what no watch writes: two UP checks, the first given an error kind. */
final class EditedHistory {
  private EditedHistory() {}

  /** The report from {@code t0} to {@code until} of checks at {@code t0} and a second later, the first marked {@code kind}. */
  static Report twoUpsTheFirstMarked(Path dir, String kind, Instant t0, Instant until) throws SQLException {
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(until, ZoneOffset.UTC))) {
      h.append(CheckRecord.of("api", t0, Verdict.UP, 200, 3));
      h.append(CheckRecord.of("api", t0.plusSeconds(1), Verdict.UP, 200, 3));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteHistory.FILE_NAME));
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE checks SET error_kind = (SELECT code FROM error_kinds WHERE name = '" + kind + "')"
          + " WHERE at = (SELECT min(at) FROM checks)");
    }
    try (LatencyStatistics stats = new AnalyticsLatencies()) {
      return new ReportBuilder(SqliteHistory.openForReading(dir), stats).build(t0, until, null);
    }
  }
}
