package dev.sitepulse.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.crawler.store.CrawlDb;
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

/** CrawlGraph over crawl.db's own schema, as the crawler makes it. */
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
  void aLinkThroughARedirectCountsForThePageItLandsOn() throws Exception {
    try (Connection db = crawlDb()) {
      CrawlGraph crawl = CrawlGraph.load(db);

      assertThat(crawl.urls).containsExactly("http://s/a", "http://s/b", "http://s/c");
      assertThat(crawl.graph.edgeCount()).isEqualTo(4);
      assertThat(crawl.graph.inDegree(1)).as("b, through /old").isEqualTo(1);
    }
  }

  @Test
  void aPageLinkingToAnotherManyTimesOrToItselfOrFromAnErrorPageCountsOnceOrNotAtAll() throws Exception {
    try (Connection db = crawlDb()) {
      try (Statement s = db.createStatement()) {
        s.execute("""
            INSERT INTO links(from_id, to_url) VALUES
              (1, 'http://s/c'), (1, 'http://s/b'), (1, 'http://s/a'), (5, 'http://s/c'), (3, 'http://s/a')""");
      }
      CrawlGraph crawl = CrawlGraph.load(db);

      assertThat(crawl.graph.edgeCount()).as("a->b (twice, once through /old), a->c (twice), b->a, c->a (twice)")
          .isEqualTo(4);
      assertThat(crawl.graph.outDegree()).containsExactly(2, 1, 1);
      assertThat(crawl.graph.inDegree(2)).as("c, from a only").isEqualTo(1);
    }
  }

  @Test
  void aCrawlDbFromBeforeLinksWereKeyedByPageIdIsReadAsItIs() throws Exception {
    try (Connection db = crawlDb()) {
      try (Statement s = db.createStatement()) { // links as sitepulse wrote them then
        s.execute("DROP VIEW page_links");
        s.execute("DROP TABLE links");
        s.execute("""
            CREATE TABLE links(from_url TEXT NOT NULL, to_url TEXT NOT NULL, fragment TEXT,
              anchor TEXT, line INTEGER, nofollow INTEGER NOT NULL DEFAULT 0)""");
        s.execute("""
            INSERT INTO links(from_url, to_url) VALUES
              ('http://s/a', 'http://s/old'), ('http://s/a', 'http://s/c'), ('http://s/b', 'http://s/a'),
              ('http://s/c', 'http://s/a'), ('http://s/gone', 'http://s/c')""");
        s.execute("INSERT INTO links(from_url, to_url, nofollow) VALUES ('http://s/b', 'http://s/c', 1)");
      }
      CrawlGraph crawl = CrawlGraph.load(db);

      assertThat(crawl.graph.edgeCount()).isEqualTo(4);
      assertThat(crawl.graph.inDegree(1)).as("b, through /old").isEqualTo(1);
      assertThat(crawl.graph.inDegree(2)).as("c, from a only").isEqualTo(1);
    }
  }

  @Test
  void aNofollowLinkCastsNoVoteInEitherLayout() throws Exception {
    try (Connection db = crawlDb()) {
      try (Statement s = db.createStatement()) {
        s.execute("INSERT INTO links(from_id, to_url, nofollow) VALUES (2, 'http://s/c', 1)");
      }
      CrawlGraph crawl = CrawlGraph.load(db);

      assertThat(crawl.graph.edgeCount()).isEqualTo(4);
      assertThat(crawl.graph.inDegree(2)).as("c, from a only").isEqualTo(1);
      assertThat(crawl.graph.outDegree()).containsExactly(2, 1, 1);
    }
  }

  @Test
  void whatAPageEmbedsIsNoEdgeEvenWhenItIsAnotherPage() throws Exception {
    try (Connection db = crawlDb()) {
      try (Statement s = db.createStatement()) {
        s.execute("INSERT INTO embeds(from_id, to_url, element, line) VALUES (2, 'http://s/c', 'iframe', 1)");
      }
      CrawlGraph crawl = CrawlGraph.load(db);

      assertThat(crawl.graph.edgeCount()).isEqualTo(4);
      assertThat(crawl.graph.inDegree(2)).as("c, from a only").isEqualTo(1);
    }
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
