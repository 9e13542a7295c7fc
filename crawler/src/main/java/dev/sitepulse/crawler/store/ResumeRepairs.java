package dev.sitepulse.crawler.store;

import static dev.sitepulse.crawler.store.UrlState.FETCHING;
import static dev.sitepulse.crawler.store.UrlState.QUEUED;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a resume sets right in crawl.db after a kill, against the index's last commit: URLs left in
 * flight, and pages whose documents that commit may not hold. Each step commits on the writer's
 * connection before the writer starts.
 */
final class ResumeRepairs {

  private static final Logger LOG = LoggerFactory.getLogger(CrawlDb.class);

  private ResumeRepairs() {}

  /**
   * URLs left "fetching" by a killed run go back to the queue, and so do pages whose index
   * documents were not committed (seq beyond the index's last commit). Their validators go: a 304
   * must not stand for a document the index never got.
   */
  static void resume(Connection db, long committedSeq) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("""
        UPDATE urls SET state=%s, etag=NULL, last_modified=NULL
        WHERE state=%s OR (indexed=1 AND seq>?)""".formatted(QUEUED.sql(), FETCHING.sql()))) {
      s.setLong(1, committedSeq);
      int reset = s.executeUpdate();
      if (reset > 0) {
        LOG.info("resuming: {} URLs were in flight or not yet committed and go back to the queue", reset);
      }
    }
    db.commit();
  }

  /** Pages recorded with a document after the index's last commit. */
  static List<String> indexedSince(Connection db, long committedSeq) throws SQLException {
    return urlsSince(db, "SELECT url FROM urls WHERE indexed=1 AND seq>?", committedSeq);
  }

  /** URLs recorded without a document after the index's last commit. */
  static List<String> withoutDocumentSince(Connection db, long committedSeq) throws SQLException {
    return urlsSince(db, "SELECT url FROM urls WHERE indexed=0 AND seq>?", committedSeq);
  }

  private static List<String> urlsSince(Connection db, String sql, long committedSeq) throws SQLException {
    List<String> urls = new ArrayList<>();
    try (PreparedStatement s = db.prepareStatement(sql)) {
      s.setLong(1, committedSeq);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          urls.add(rs.getString(1));
        }
      }
    }
    return urls;
  }

  /** Pages crawl.db says are indexed but the index does not hold: without a document until fetched again. */
  static void markWithoutDocument(Connection db, List<String> urls) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("UPDATE urls SET indexed=0 WHERE url=?")) {
      for (String url : urls) {
        s.setString(1, url);
        s.addBatch();
      }
      s.executeBatch();
    }
    db.commit();
  }

  /** Pages hold the bytes of the documents the index's last commit holds of them, by their hashes. */
  static void holdBytesOfCommittedDocuments(Connection db, Map<String, String> contentHashes) throws SQLException {
    int changed = 0;
    try (PreparedStatement s = db.prepareStatement(
        "UPDATE urls SET content_hash=? WHERE url=? AND content_hash IS NOT ?")) {
      for (Map.Entry<String, String> page : contentHashes.entrySet()) {
        s.setString(1, page.getValue());
        s.setString(2, page.getKey());
        s.setString(3, page.getValue());
        changed += s.executeUpdate();
      }
    }
    db.commit();
    if (changed > 0) {
      LOG.info("resuming: {} pages hold the bytes of their committed documents again, not the newer ones"
          + " the killed run indexed", changed);
    }
  }
}
