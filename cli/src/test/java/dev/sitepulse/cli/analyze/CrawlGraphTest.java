package dev.sitepulse.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.crawler.store.CrawlDigest;
import dev.sitepulse.crawler.store.LinkGraph;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CrawlGraph over crawl.db's own schema, as the crawler makes it: the graph analyze ranks. What is
 * read of crawl.db is the crawler's LinkGraphTest.
 */
class CrawlGraphTest {

  private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");

  @TempDir Path dir;

  private Connection crawlDb() throws Exception {
    Path file = dir.resolve("crawl.db");
    CrawlDb.open(file).close();
    Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = db.createStatement()) {
      s.execute("""
          INSERT INTO urls(id, url, depth, title, state, status, simhash, redirect_to) VALUES
            (1, 'http://s/a', 0, 'A', 'done', 200, 1, NULL),
            (2, 'http://s/b', 1, 'B', 'done', 200, 2, NULL),
            (3, 'http://s/c', 1, 'C', 'done', 200, 3, NULL),
            (4, 'http://s/old', 1, NULL, 'done', 301, NULL, 'http://s/b'),
            (5, 'http://s/gone', 1, 'Gone', 'done', 404, NULL, NULL)""");
      s.execute("""
          INSERT INTO links(from_id, to_url) VALUES
            (1, 'http://s/old'), (1, 'http://s/c'), (2, 'http://s/a'), (3, 'http://s/a')""");
    }
    return db;
  }

  @Test
  void eachLinkedPairIsOneEdgeByDestinationHoweverOftenItWasRead() throws Exception {
    // a->b twice (a page fetched again writes its links anew), a->c, b->a, c->a
    LinkGraph read = new LinkGraph(List.of("http://s/a", "http://s/b", "http://s/c"), List.of("A", "B", "C"),
        new long[] {1, 2, 3}, new int[] {0, 0, 1, 2, 0}, new int[] {1, 2, 0, 0, 1}, new CrawlDigest(1, 2, 3));

    CrawlGraph crawl = CrawlGraph.of(read);

    assertThat(crawl.urls).containsExactly("http://s/a", "http://s/b", "http://s/c");
    assertThat(crawl.graph.edgeCount()).isEqualTo(4);
    assertThat(crawl.graph.outDegree()).containsExactly(2, 1, 1);
    assertThat(crawl.graph.inDegree(1)).as("b, from a once").isEqualTo(1);
    assertThat(crawl.digest).isEqualTo(new CrawlDigest(1, 2, 3));
  }

  @Test
  void storingRanksClearsTheRankOfAPageThatLeftTheGraph() throws Exception {
    try (Connection db = crawlDb()) {
      try (Statement s = db.createStatement()) {
        s.execute("UPDATE urls SET pagerank=0.02 WHERE url='http://s/gone'"); // ranked before it went 404
      }
      CrawlGraph crawl = CrawlGraph.load(db);

      crawl.store(db, new double[] {0.5, 0.25, 0.25}, List.of(), AT);

      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("SELECT SUM(pagerank), COUNT(pagerank) FROM urls")) {
        assertThat(rs.getDouble(1)).isEqualTo(1.0);
        assertThat(rs.getInt(2)).isEqualTo(3);
      }
    }
  }
  @Test
  void aCrawlDbFromBeforeCrawlsMadeTheClustersTableGetsItWhenItIsFirstAnalyzed() throws Exception {
    try (Connection db = crawlDb()) {
      db.createStatement().execute("DROP TABLE duplicate_clusters");
      CrawlGraph crawl = CrawlGraph.load(db);

      crawl.store(db, new double[] {0.5, 0.25, 0.25}, List.of(new int[] {1, 2}), AT);

      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("SELECT group_concat(cluster || ' ' || url) FROM duplicate_clusters")) {
        assertThat(rs.getString(1)).isEqualTo("1 http://s/b,1 http://s/c");
      }
    }
  }

  @Test
  void aWriteThatFailsHalfWayLeavesTheRanksAndClustersOfTheLastAnalysis() throws Exception {
    try (Connection db = crawlDb()) {
      CrawlGraph crawl = CrawlGraph.load(db);
      crawl.store(db, new double[] {0.5, 0.25, 0.25}, List.of(new int[] {0, 1}), AT);
      try (Statement s = db.createStatement()) {
        // As a full disk would, half-way: the rank of the third page cannot be written.
        s.execute("""
            CREATE TRIGGER full BEFORE UPDATE OF pagerank ON urls
            WHEN NEW.url = 'http://s/c' AND NEW.pagerank IS NOT NULL
            BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END""");
      }

      assertThatThrownBy(() -> crawl.store(db, new double[] {0.2, 0.3, 0.5}, List.of(new int[] {1, 2}), AT))
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
    try (Connection db = crawlDb()) {
      CrawlGraph crawl = CrawlGraph.load(db);
      crawl.store(db, new double[] {0.5, 0.25, 0.25}, List.of(), AT);
      try (Statement s = db.createStatement()) {
        s.execute("""
            CREATE TRIGGER full BEFORE INSERT ON duplicate_clusters
            BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END""");
      }

      assertThatThrownBy(() -> crawl.store(db, new double[] {0.2, 0.3, 0.5}, List.of(new int[] {1, 2}), AT))
          .isInstanceOf(SQLException.class);

      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("SELECT group_concat(pagerank) FROM (SELECT pagerank FROM urls ORDER BY id)")) {
        assertThat(rs.getString(1)).as("ranks and clusters go in together or not at all").isEqualTo("0.5,0.25,0.25");
      }
    }
  }
  @Test
  void aFailureThatSqliteRolledBackItselfIsReportedWithItsOwnCause() throws Exception {
    try (Connection db = crawlDb()) {
      CrawlGraph crawl = CrawlGraph.load(db);
      try (Statement s = db.createStatement()) {
        // SQLite ends the transaction itself on some errors (a full disk, I/O errors), as this does.
        s.execute("""
            CREATE TRIGGER full BEFORE UPDATE OF pagerank ON urls WHEN NEW.pagerank IS NOT NULL
            BEGIN SELECT RAISE(ROLLBACK, 'database or disk is full'); END""");
      }

      assertThatThrownBy(() -> crawl.store(db, new double[] {0.2, 0.3, 0.5}, List.of(), AT))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("database or disk is full");
      assertThat(db.getAutoCommit()).isTrue();
    }
  }
}
