package dev.sitepulse.crawler.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** Reads what the last {@code analyze} stored in crawl.db, for {@link SiteFigures}. */
final class StoredAnalysis {

  private StoredAnalysis() {}

  /**
   * What analyze stored, null when it never ran: no record of a run, no rank and no cluster (an
   * analyze before runs were recorded left ranks, but no time). The crawl changed since when what
   * analyze would read now is not what it read then: pages come, go or have other text, links or
   * redirects were added, lost or point elsewhere. Not the time of the latest fetch: a refresh of unchanged pages
   * changes nothing, and a crawl running while analyze computed fetched pages it never read.
   */
  static SiteFigures.Analysis read(Statement s) throws SQLException {
    // A crawl.db from before every crawl made the table has none until it is analyzed.
    long clusters = CrawlDbVersions.hasTable(s, "duplicate_clusters")
        ? SiteFiguresReader.one(s, "SELECT count(DISTINCT cluster) FROM duplicate_clusters") : 0;
    if (CrawlDbVersions.hasTable(s, "analysis") && !CrawlDbVersions.hasColumn(s, "analysis", "seq_sum")) {
      // An earlier build's record, whose digest this one cannot compare: its ranks may be stale.
      try (ResultSet rs = s.executeQuery("SELECT analyzed_at, pages FROM analysis")) {
        if (rs.next()) {
          return new SiteFigures.Analysis(Instant.ofEpochMilli(rs.getLong(1)), rs.getLong(2), clusters, true);
        }
      }
    } else if (CrawlDbVersions.hasTable(s, "analysis")) {
      try (ResultSet rs = s.executeQuery("SELECT analyzed_at, pages, urls_digest, links_digest, seq_sum FROM analysis")) {
        if (rs.next()) {
          Instant at = Instant.ofEpochMilli(rs.getLong(1));
          long pages = rs.getLong(2);
          CrawlDigest then = new CrawlDigest(rs.getLong(3), rs.getLong(4), rs.getLong(5));
          rs.close();
          return new SiteFigures.Analysis(at, pages, clusters, AnalyzedCrawl.changedSince(s.getConnection(), then));
        }
      }
    }
    long ranked = SiteFiguresReader.one(s, "SELECT count(*) FROM urls WHERE pagerank IS NOT NULL");
    return ranked == 0 && clusters == 0 ? null : new SiteFigures.Analysis(null, ranked, clusters, false);
  }
}
