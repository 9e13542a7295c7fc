package dev.sitepulse.crawler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AnalysisStore over crawl.db's own schema, the pages of {@link LinkGraphTest}'s crawl. */
class AnalysisStoreTest {

  private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");

  @TempDir Path dir;

  /** Stores as analyze does: clusters of page numbers, as the analytics give them. */
  private static void store(Connection db, LinkGraph graph, double[] ranks, List<int[]> clusters)
      throws SQLException {
    List<List<String>> pages = clusters.stream()
        .map(c -> Arrays.stream(c).mapToObj(graph.urls()::get).toList()).toList();
    AnalysisStore.store(db, graph.urls(), ranks, pages, AT, graph.digest());
  }

  @Test
  void storingRanksClearsTheRankOfAPageThatLeftTheGraph() throws Exception {
    try (Connection db = LinkGraphTest.crawlDb(dir)) {
      try (Statement s = db.createStatement()) {
        s.execute("UPDATE urls SET pagerank=0.02 WHERE url='http://s/gone'"); // ranked before it went 404
      }
      LinkGraph graph = LinkGraph.read(db);

      store(db, graph, new double[] {0.5, 0.25, 0.25}, List.of());

      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("SELECT SUM(pagerank), COUNT(pagerank) FROM urls")) {
        assertThat(rs.getDouble(1)).isEqualTo(1.0);
        assertThat(rs.getInt(2)).isEqualTo(3);
      }
    }
  }

  @Test
  void aCrawlDbFromBeforeCrawlsMadeTheClustersTableGetsItWhenItIsFirstAnalyzed() throws Exception {
    try (Connection db = LinkGraphTest.crawlDb(dir)) {
      db.createStatement().execute("DROP TABLE duplicate_clusters");
      LinkGraph graph = LinkGraph.read(db);

      store(db, graph, new double[] {0.5, 0.25, 0.25}, List.of(new int[] {1, 2}));

      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("SELECT group_concat(cluster || ' ' || url) FROM duplicate_clusters")) {
        assertThat(rs.getString(1)).isEqualTo("1 http://s/b,1 http://s/c");
      }
    }
  }

  @Test
  void aWriteThatFailsHalfWayLeavesTheRanksAndClustersOfTheLastAnalysis() throws Exception {
    try (Connection db = LinkGraphTest.crawlDb(dir)) {
      LinkGraph graph = LinkGraph.read(db);
      store(db, graph, new double[] {0.5, 0.25, 0.25}, List.of(new int[] {0, 1}));
      try (Statement s = db.createStatement()) {
        // As a full disk would, half-way: the rank of the third page cannot be written.
        s.execute("""
            CREATE TRIGGER full BEFORE UPDATE OF pagerank ON urls
            WHEN NEW.url = 'http://s/c' AND NEW.pagerank IS NOT NULL
            BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END""");
      }

      assertThatThrownBy(() -> store(db, graph, new double[] {0.2, 0.3, 0.5}, List.of(new int[] {1, 2})))
          .isInstanceOf(SQLException.class);

      assertThat(db.getAutoCommit()).isTrue();
      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("SELECT group_concat(pagerank) FROM (SELECT pagerank FROM urls ORDER BY id)")) {
        assertThat(rs.getString(1)).isEqualTo("0.5,0.25,0.25");
      }
      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("SELECT group_concat(url) FROM duplicate_clusters")) {
        assertThat(rs.getString(1)).isEqualTo("http://s/a,http://s/b");
      }
    }
  }

  @Test
  void clustersThatCannotBeWrittenLeaveTheRanksOfTheLastAnalysisToo() throws Exception {
    try (Connection db = LinkGraphTest.crawlDb(dir)) {
      LinkGraph graph = LinkGraph.read(db);
      store(db, graph, new double[] {0.5, 0.25, 0.25}, List.of());
      try (Statement s = db.createStatement()) {
        s.execute("""
            CREATE TRIGGER full BEFORE INSERT ON duplicate_clusters
            BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END""");
      }

      assertThatThrownBy(() -> store(db, graph, new double[] {0.2, 0.3, 0.5}, List.of(new int[] {1, 2})))
          .isInstanceOf(SQLException.class);

      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("SELECT group_concat(pagerank) FROM (SELECT pagerank FROM urls ORDER BY id)")) {
        assertThat(rs.getString(1)).as("ranks and clusters go in together or not at all").isEqualTo("0.5,0.25,0.25");
      }
    }
  }

  @Test
  void aFailureThatSqliteRolledBackItselfIsReportedWithItsOwnCause() throws Exception {
    try (Connection db = LinkGraphTest.crawlDb(dir)) {
      LinkGraph graph = LinkGraph.read(db);
      try (Statement s = db.createStatement()) {
        // SQLite ends the transaction itself on some errors (a full disk, I/O errors), as this does.
        s.execute("""
            CREATE TRIGGER full BEFORE UPDATE OF pagerank ON urls WHEN NEW.pagerank IS NOT NULL
            BEGIN SELECT RAISE(ROLLBACK, 'database or disk is full'); END""");
      }

      assertThatThrownBy(() -> store(db, graph, new double[] {0.2, 0.3, 0.5}, List.of()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("database or disk is full");
      assertThat(db.getAutoCommit()).isTrue();
    }
  }

  @Test
  void theRecordOfTheRunHoldsTheDigestOfWhatWasRead() throws Exception {
    try (Connection db = LinkGraphTest.crawlDb(dir)) {
      LinkGraph graph = LinkGraph.read(db);
      store(db, graph, new double[] {0.5, 0.25, 0.25}, List.of());

      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("SELECT analyzed_at, pages, urls_digest, links_digest, seq_sum FROM analysis")) {
        assertThat(rs.getLong(1)).isEqualTo(AT.toEpochMilli());
        assertThat(rs.getLong(2)).isEqualTo(3);
        assertThat(new CrawlDigest(rs.getLong(3), rs.getLong(4), rs.getLong(5))).isEqualTo(graph.digest());
      }
    }
  }
}
