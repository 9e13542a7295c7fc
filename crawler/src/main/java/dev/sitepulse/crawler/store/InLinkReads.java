package dev.sitepulse.crawler.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The links with text that may be code between a crawl's indexed pages, read on a connection of their own once
 * the crawl has flushed: what search weighs as the words other pages use for a page. A page's
 * links to itself and nofollow links say nothing of what others think of it and are left out.
 */
final class InLinkReads {
  /**
   * Only text that may be code, one word with brackets, a dot or an underscore: on the Python
   * docs a quarter of the links, which the caller then reads as names ({@code LinkedNames}).
   */
  private static final String LINKS = """
      SELECT l.from_id, l.to_url, l.fragment, l.anchor FROM links l JOIN urls t ON t.url = l.to_url
      WHERE t.indexed = 1 AND l.nofollow = 0 AND l.from_id <> t.id AND instr(trim(l.anchor), ' ') = 0
        AND (l.anchor LIKE '%()%' OR instr(l.anchor, '.') > 0 OR instr(l.anchor, '_') > 0)""";

  private InLinkReads() {}

  static List<String> read(Path file, CrawlDb.InLinkSink sink) throws SQLException {
    try (Connection c = CrawlDbSchema.readOnly(file)) {
      return OneRead.of(c, db -> {
        List<String> indexed = new ArrayList<>();
        try (Statement s = db.createStatement()) {
          try (ResultSet rs = s.executeQuery("SELECT url FROM urls WHERE indexed = 1")) {
            while (rs.next()) {
              indexed.add(rs.getString(1));
            }
          }
          try (ResultSet rs = s.executeQuery(LINKS)) {
            while (rs.next()) {
              sink.link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
          }
        }
        return indexed;
      });
    }
  }
}
