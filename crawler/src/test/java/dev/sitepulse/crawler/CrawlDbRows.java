package dev.sitepulse.crawler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads crawl.db back the way a test wants to see it, and changes it as a test needs. */
public final class CrawlDbRows {
  private CrawlDbRows() {}

  public static List<Map<String, Object>> query(Path db, String sql) {
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

  public static void execute(Path db, String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of each row, as text ("null" for a NULL). */
  public static List<String> column(Path db, String sql) {
    return query(db, sql).stream().map(r -> String.valueOf(r.values().iterator().next())).toList();
  }

  /** The first column of the first row, as text, or null when there is no row or it is NULL. */
  public static String value(Path db, String sql) {
    List<Map<String, Object>> rows = query(db, sql);
    Object v = rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    return v == null ? null : v.toString();
  }

  /**
   * Waits until {@code sql} finds a row in crawl.db while a crawl writes it, perhaps before the
   * crawl has made it: an event a test waits for, within a minute, a bound for a machine as loaded
   * as it gets, not a speed goal.
   */
  public static void awaitRow(Path db, String what, String sql) throws InterruptedException {
    Eventually.await(what, () -> Files.exists(db) && hasTable(db, "urls") && !query(db, sql).isEmpty());
  }

  /** Whether crawl.db has the table yet: a crawl makes its tables once it has opened the file. */
  private static boolean hasTable(Path db, String table) {
    return !query(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'").isEmpty();
  }
}
