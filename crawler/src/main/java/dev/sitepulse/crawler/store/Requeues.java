package dev.sitepulse.crawler.store;

import static dev.sitepulse.crawler.store.UrlState.DONE;
import static dev.sitepulse.crawler.store.UrlState.QUEUED;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * URLs done before that a starting crawl queues again: all of them for a refresh, and on a resume
 * the pages whose text would otherwise be in no document (they deferred to a canonical, or copied
 * a page, that no longer holds it). Each commits on the writer's connection before the writer starts.
 */
final class Requeues {

  private static final Logger LOG = LoggerFactory.getLogger(CrawlDb.class);

  private Requeues() {}

  /** Queues every known URL again; pages deferring to a canonical lose their validators. */
  static void queueAllAgain(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.executeUpdate("UPDATE urls SET etag=NULL, last_modified=NULL WHERE canonical IS NOT NULL AND indexed=0");
      int again = s.executeUpdate("UPDATE urls SET state=" + QUEUED.sql() + " WHERE state<>" + QUEUED.sql());
      LOG.info("refresh: {} known URLs are queued again", again);
    }
    db.commit();
  }

  /**
   * Queues again, without validators, the pages that deferred to a canonical URL which ended
   * without a document, and returns those canonical URLs.
   */
  static List<String> pagesOfCanonicalsWithoutDocument(Connection db) throws SQLException {
    List<String> canonicals = new ArrayList<>();
    try (Statement s = db.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT DISTINCT c.url FROM urls v JOIN urls c ON c.url = v.canonical"
          + " WHERE v.canonical IS NOT NULL AND v.state=" + DONE.sql() + " AND v.indexed=0 AND "
          + WaitingPages.endedWithoutDocument("v.url"))) {
        while (rs.next()) {
          canonicals.add(rs.getString(1));
        }
      }
      if (!canonicals.isEmpty()) {
        int again = s.executeUpdate("UPDATE urls SET state=" + QUEUED.sql() + ", etag=NULL, last_modified=NULL"
            + " WHERE canonical IS NOT NULL AND state=" + DONE.sql() + " AND indexed=0 AND EXISTS (SELECT 1 FROM urls c"
            + " WHERE c.url = urls.canonical AND " + WaitingPages.endedWithoutDocument("urls.url") + ")");
        LOG.info("resuming: {} pages whose canonical URL has no document go back to the queue", again);
      }
    }
    db.commit();
    return canonicals;
  }

  /** Queues again, without validators, exact duplicates of pages that no longer hold their bytes. */
  static void copiesOfPagesWithoutTheirBytes(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      int again = s.executeUpdate("UPDATE urls SET state=" + QUEUED.sql() + ", etag=NULL, last_modified=NULL"
          + " WHERE state=" + DONE.sql() + " AND duplicate_of IS NOT NULL AND NOT EXISTS (SELECT 1 FROM urls o"
          + " WHERE o.url = urls.duplicate_of AND (o.indexed=1 OR o.canonical IS NOT NULL AND o.state<>" + QUEUED.sql() + ")"
          + " AND (o.content_hash IS NULL OR o.content_hash = urls.content_hash))");
      if (again > 0) {
        LOG.info("resuming: {} copies of pages that no longer hold their bytes go back to the queue", again);
      }
    }
    db.commit();
  }
}
