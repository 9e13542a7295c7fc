package dev.sitepulse.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** CrawlGraph over the two things it reads from crawl.db: the urls table and the page_links view. */
class CrawlGraphTest {

  private static Connection crawlDb() throws Exception {
    Connection db = DriverManager.getConnection("jdbc:sqlite::memory:");
    try (Statement s = db.createStatement()) {
      s.execute("""
          CREATE TABLE urls(id INTEGER PRIMARY KEY, url TEXT, title TEXT, state TEXT, status INTEGER,
              simhash INTEGER, redirect_to TEXT, pagerank REAL)""");
      s.execute("CREATE TABLE page_links(from_url TEXT, to_url TEXT)");
      s.execute("""
          INSERT INTO urls(url, title, state, status, simhash, redirect_to) VALUES
            ('http://s/a', 'A', 'done', 200, 1, NULL),
            ('http://s/b', 'B', 'done', 200, 2, NULL),
            ('http://s/c', 'C', 'done', 200, 3, NULL),
            ('http://s/old', NULL, 'done', 301, NULL, 'http://s/b'),
            ('http://s/gone', 'Gone', 'done', 404, NULL, NULL)""");
      s.execute("""
          INSERT INTO page_links VALUES
            ('http://s/a', 'http://s/old'), ('http://s/a', 'http://s/c'),
            ('http://s/b', 'http://s/a'), ('http://s/c', 'http://s/a')""");
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
  void storingRanksClearsTheRankOfAPageThatLeftTheGraph() throws Exception {
    try (Connection db = crawlDb()) {
      try (Statement s = db.createStatement()) {
        s.execute("UPDATE urls SET pagerank=0.02 WHERE url='http://s/gone'"); // ranked before it went 404
      }
      CrawlGraph crawl = CrawlGraph.load(db);

      crawl.storeRanks(db, new double[] {0.5, 0.25, 0.25});

      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("SELECT SUM(pagerank), COUNT(pagerank) FROM urls")) {
        assertThat(rs.getDouble(1)).isEqualTo(1.0);
        assertThat(rs.getInt(2)).isEqualTo(3);
      }
    }
  }
}
