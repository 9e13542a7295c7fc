package dev.sitepulse.crawler.store;

import static dev.sitepulse.crawler.store.UrlState.DONE;
import static dev.sitepulse.crawler.store.UrlState.QUEUED;
import static dev.sitepulse.crawler.store.UrlState.UNFETCHED;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages done in an earlier run whose text hangs on another URL: those that deferred to a canonical
 * URL, and exact duplicates of a page. A resume reads which of them wait on a URL still queued.
 */
final class WaitingPages {

  private WaitingPages() {}

  /**
   * SQL that canonical {@code c} of page {@code variantUrl} was fetched and holds no text: not
   * indexed, and no duplicate of an indexed page (the variant itself, when it had the same bytes
   * and came first).
   */
  static String endedWithoutDocument(String variantUrl) {
    return "c.state NOT IN " + UNFETCHED + " AND c.indexed=0"
        + " AND (c.duplicate_of IS NULL OR c.duplicate_of = " + variantUrl + ")";
  }

  /** Pages that deferred to a canonical URL not fetched yet. */
  static List<CrawlDb.DeferredPage> awaitingCanonical(Connection db) throws SQLException {
    return read(db, """
        SELECT v.url, v.depth, v.canonical FROM urls v JOIN urls c ON c.url = v.canonical
        WHERE v.canonical IS NOT NULL AND v.state=%s AND v.indexed=0
          AND c.state IN %s""".formatted(DONE.sql(), UNFETCHED), CrawlDb.DeferredPage::new);
  }

  /** Exact duplicates an earlier run recorded of indexed pages now queued again. */
  static List<CrawlDb.CopyOfQueued> copiesOfQueuedPages(Connection db) throws SQLException {
    return read(db, """
        SELECT k.url, k.depth, k.duplicate_of FROM urls k JOIN urls o ON o.url = k.duplicate_of
        WHERE k.state=%s AND o.state=%s AND o.indexed=1""".formatted(DONE.sql(), QUEUED.sql()),
        CrawlDb.CopyOfQueued::new);
  }

  /** Makes a row of a page, its depth and the URL it waits on. */
  private interface Row<T> {
    T of(String url, int depth, String waitsOn);
  }

  private static <T> List<T> read(Connection db, String sql, Row<T> make) throws SQLException {
    List<T> pages = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        pages.add(make.of(rs.getString(1), rs.getInt(2), rs.getString(3)));
      }
    }
    return pages;
  }
}
