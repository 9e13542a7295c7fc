package dev.sitepulse.crawler.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Parse workers' look-up of whether a canonical URL ended without a document, on a read connection
 * of its own, opened on first use: the writer's connection holds a transaction a read must not end.
 * In WAL mode this one reads what the writer has committed.
 */
final class CanonicalLookup implements AutoCloseable {

  private final Path file;
  private Connection lookups; // guarded by this
  private PreparedStatement endedWithoutDocument; // on lookups; guarded by this
  private boolean closed; // guarded by this

  CanonicalLookup(Path file) {
    this.file = file;
  }

  /** As {@link CrawlDb#endedWithoutDocument(String, String)}. */
  synchronized boolean endedWithoutDocument(String canonical, String variant) throws SQLException {
    if (closed) { // a parse worker that outlived the crawl: no connection is opened again behind close()
      throw new SQLException("crawl.db is closed");
    }
    if (lookups == null) {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
      PreparedStatement prepared;
      try {
        prepared = c.prepareStatement("SELECT 1 FROM urls c WHERE c.url = ? AND "
            + WaitingPages.endedWithoutDocument("?")); // prepared once: closing the connection closes it
      } catch (SQLException e) { // both kept only together, so the next call opens and prepares again
        try {
          c.close();
        } catch (SQLException closing) {
          e.addSuppressed(closing);
        }
        throw e;
      }
      lookups = c;
      endedWithoutDocument = prepared;
    }
    endedWithoutDocument.setString(1, canonical);
    endedWithoutDocument.setString(2, variant);
    try (ResultSet rs = endedWithoutDocument.executeQuery()) { // closing it resets the statement
      return rs.next();
    }
  }

  @Override
  public synchronized void close() throws SQLException {
    closed = true;
    if (lookups != null) {
      lookups.close();
    }
  }
}
