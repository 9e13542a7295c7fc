package dev.sitepulse.crawler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The tables {@code analyze} writes besides {@code urls.pagerank}: its near-duplicate clusters and
 * the record of its run. Both run on the caller's connection and in its transaction, so that
 * {@link AnalysisStore} stores them with the ranks, all or nothing.
 */
final class AnalysisTables {

  private AnalysisTables() {}

  /**
   * Replaces the near-duplicate clusters of the last analysis with {@code clusters}, each a list of
   * page URLs, numbered from 1.
   */
  static void replaceDuplicateClusters(Connection db, List<List<String>> clusters) throws SQLException {
    try (Statement s = db.createStatement()) {
      CrawlDbSchema.createDuplicateClusters(s);
      s.execute("DELETE FROM duplicate_clusters");
    }
    try (PreparedStatement s = db.prepareStatement("INSERT INTO duplicate_clusters(cluster, url) VALUES(?, ?)")) {
      for (int c = 0; c < clusters.size(); c++) {
        for (String url : clusters.get(c)) {
          s.setInt(1, c + 1);
          s.setString(2, url);
          s.addBatch();
        }
      }
      s.executeBatch();
    }
  }

  /**
   * Records that {@code analyze} stored ranks and clusters at {@code at}, over {@code pages} pages,
   * read as {@code read} digests it ({@link AnalyzedCrawl}), replacing the record of the run
   * before: a reader tells "never analyzed" from "no clusters", and ranks of the crawl as it is
   * from ranks of pages that changed, came or went since.
   */
  static void recordAnalysis(Connection db, Instant at, long pages, CrawlDigest read) throws SQLException {
    try (Statement s = db.createStatement()) {
      // Made anew rather than emptied: the record is analyze's alone, and a table of another shape
      // (an unreleased build's, or none in a crawl.db no crawl of this version opened) is replaced.
      s.execute("DROP TABLE IF EXISTS analysis");
      CrawlDbSchema.createAnalysis(s);
    }
    try (PreparedStatement s = db.prepareStatement(
        "INSERT INTO analysis(analyzed_at, pages, urls_digest, links_digest, seq_sum) VALUES(?, ?, ?, ?, ?)")) {
      s.setLong(1, at.toEpochMilli());
      s.setLong(2, pages);
      s.setLong(3, read.urls());
      s.setLong(4, read.links());
      s.setLong(5, read.written());
      s.executeUpdate();
    }
  }
}
