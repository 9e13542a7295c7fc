package dev.sitepulse.crawler.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Row ids read as they are: JDBC reads text in an id column as 0 and a real cut to its integer
 * part, so a hand-made or damaged crawl.db would give another page's links without a word.
 */
final class RowIds {

  private RowIds() {}

  /**
   * SQL for {@code column} as a row id: its integer, or NULL where it holds anything else. A
   * comparison rather than {@code typeof()}, which costs twice as much over millions of links.
   */
  static String read(String column) {
    return "CASE WHEN " + column + " = CAST(" + column + " AS INTEGER) THEN " + column + " END";
  }

  /** As {@link #notARowId}, for the links' page ids: before links had them, the page's id came from urls. */
  static LinkGraph.NotARowIdException notALinksPageId(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      return CrawlDbVersions.linksKeyedByUrl(s) ? notARowId(db, "urls", "id") : notARowId(db, "links", "from_id");
    }
  }

  /** The first row of {@code table} whose {@code column} is no row id, named for the error. */
  static LinkGraph.NotARowIdException notARowId(Connection db, String table, String column) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT rowid, typeof(" + column + ") FROM " + table + " WHERE "
            + read(column) + " IS NULL LIMIT 1")) {
      String where = rs.next() ? " of row " + rs.getLong(1) + " holds " + kind(rs.getString(2)) : " holds a value";
      return new LinkGraph.NotARowIdException(table + "." + column + where + ", not a page's row id");
    }
  }

  private static String kind(String type) {
    return switch (type) {
      case "real" -> "a real number";
      case "blob" -> "a blob";
      case "null" -> "NULL";
      default -> type;
    };
  }
}
