package dev.sitepulse.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.store.CrawlDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CrawlGraph over crawl.db's own schema, as the crawler makes it. */
class CrawlGraphTest {

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
