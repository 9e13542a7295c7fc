package dev.sitepulse.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads crawl.db back the way a test wants to see it. */
final class CrawlDbRows {
  private CrawlDbRows() {}

  static List<Map<String, Object>> query(Path db, String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void execute(Path db, String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> column(Path db, String sql) {
    return query(db, sql).stream().map(r -> String.valueOf(r.values().iterator().next())).toList();
  }

  /**
   * Waits until {@code sql} finds a row in crawl.db while a crawl writes it: an event a test
   * waits for, within a minute, a bound for a machine as loaded as it gets, not a speed goal.
   */
  static void awaitRow(Path db, String what, String sql) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (query(db, sql).isEmpty()) {
      assertThat(System.nanoTime() - deadline).as("%s, within a minute", what).isNegative();
      Thread.sleep(10);
    }
  }
}
