package dev.sitepulse.crawler.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * Where {@code analyze} reads the crawl and stores what it found: each page's PageRank in {@code
 * urls.pagerank}, the near-duplicate clusters and the record of the run ({@link AnalysisTables}).
 * Its caller holds no connection: crawl.db's schema is the crawler's alone.
 */
public final class AnalysisStore implements AutoCloseable {

  private final Connection db;

  private AnalysisStore(Connection db) {
    this.db = db;
  }

  /**
   * Opens {@code file} as it is, to read and store through: not as a crawl does, so nothing is
   * made or brought up to date until results are stored.
   */
  public static AnalysisStore open(Path file) throws SQLException {
    return new AnalysisStore(DriverManager.getConnection("jdbc:sqlite:" + file));
  }

  /**
   * The crawl's pages and links, read in one read transaction ({@link LinkGraph#read}).
   *
   * @throws LinkGraph.TooManyLinksException when the pages have more than {@link LinkGraph#MAX_EDGES}
   *     links between them
   */
  public LinkGraph read() throws SQLException {
    return LinkGraph.read(db);
  }

  /**
   * Stores the ranks and the clusters in one transaction, all or nothing, as
   * {@link #store(Connection, List, double[], List, Instant, CrawlDigest)} says.
   */
  public void store(List<String> pages, double[] ranks, List<List<String>> clusters, Instant at,
      CrawlDigest read) throws SQLException {
    store(db, pages, ranks, clusters, at, read);
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }

  /**
   * Stores the ranks and the clusters in one transaction, all or nothing: a write that fails half
   * way (a full disk, a crawl holding the lock) must leave the last analysis as it was, not ranks
   * cleared for half the pages, nor new ranks next to old clusters. JDBC commits a transaction
   * under way when auto-commit is turned back on, so a failure is rolled back first.
   *
   * @param pages the URLs of the pages ranked, as {@link LinkGraph#urls()} numbers them
   * @param ranks each page's rank
   * @param clusters the URLs of each cluster's pages
   * @param read the digest of what the analysis read, {@link LinkGraph#digest()}
   */
  static void store(Connection db, List<String> pages, double[] ranks, List<List<String>> clusters,
      Instant at, CrawlDigest read) throws SQLException {
    boolean auto = db.getAutoCommit();
    db.setAutoCommit(false);
    try {
      storeRanks(db, pages, ranks);
      AnalysisTables.replaceDuplicateClusters(db, clusters);
      AnalysisTables.recordAnalysis(db, at, ranks.length, read);
      db.commit();
    } catch (SQLException | RuntimeException e) {
      // SQLite ends the transaction itself on some errors (a full disk): then rolling back, and
      // the commit that restoring auto-commit makes, fail too, and must not hide the cause.
      try {
        db.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      try {
        db.setAutoCommit(auto);
      } catch (SQLException restore) {
        e.addSuppressed(restore);
      }
      throw e;
    }
    db.setAutoCommit(auto);
  }

  /**
   * Stores each page's rank in crawl.db's pagerank column, and clears it for the rest: a page that
   * has left the graph since the last analysis (a 404 after a refresh) must not keep its rank.
   */
  private static void storeRanks(Connection db, List<String> pages, double[] ranks) throws SQLException {
    try (Statement clear = db.createStatement()) {
      clear.executeUpdate("UPDATE urls SET pagerank=NULL WHERE pagerank IS NOT NULL");
    }
    try (PreparedStatement s = db.prepareStatement("UPDATE urls SET pagerank=? WHERE url=?")) {
      for (int i = 0; i < ranks.length; i++) {
        s.setDouble(1, ranks[i]);
        s.setString(2, pages.get(i));
        s.addBatch();
      }
      s.executeBatch();
    }
  }
}
