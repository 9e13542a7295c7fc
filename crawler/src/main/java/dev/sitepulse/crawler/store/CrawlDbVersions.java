package dev.sitepulse.crawler.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a crawl.db of an earlier version lacks, for those who read one as it is (report, analyze,
 * an offline link check) and for the crawl that brings it up to date: the same knowledge, so that a
 * reader gets no SQL error where the crawl would have added a column or rewritten the links.
 */
public final class CrawlDbVersions {

  private CrawlDbVersions() {}

  /** Whether {@code table} has {@code column}: one from an earlier version may lack a newer one. */
  public static boolean hasColumn(Statement s, String table, String column) throws SQLException {
    try (ResultSet rs = s.executeQuery(
        "SELECT 1 FROM pragma_table_info('" + table + "') WHERE name = '" + column + "'")) {
      return rs.next();
    }
  }

  /**
   * Whether there is a table or view {@code name}: one from an earlier version may lack a newer one
   * ({@code duplicate_clusters}, {@code analysis}, {@code page_embeds}) until a crawl opens it.
   */
  public static boolean hasTable(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery(
        "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = '" + name + "'")) {
      return rs.next();
    }
  }

  /** Whether it holds what pages embed: a crawl.db no version with embedded resources opened does not. */
  public static boolean hasEmbeds(Statement s) throws SQLException {
    return hasTable(s, "page_embeds");
  }

  /**
   * Whether the links name their page by URL ({@code links.from_url}), as before 2026-11-22, when
   * they came to be keyed by page id and shown with URLs by the view {@code page_links}.
   */
  public static boolean linksKeyedByUrl(Statement s) throws SQLException {
    return hasColumn(s, "links", "from_url");
  }

  /**
   * Where to read the links with their pages' URLs ({@code from_url, to_url, fragment, anchor, line,
   * nofollow}): the view, or in a crawl.db from before it, the links table, which had those columns.
   */
  public static String pageLinks(Statement s) throws SQLException {
    return linksKeyedByUrl(s) ? "links" : "page_links";
  }
}
