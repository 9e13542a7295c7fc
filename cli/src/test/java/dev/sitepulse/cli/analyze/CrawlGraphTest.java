package dev.sitepulse.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sitepulse.analytics.CsrGraphBuilder;
import dev.sitepulse.crawler.store.AnalysisStore;
import dev.sitepulse.crawler.store.CrawlDigest;
import dev.sitepulse.crawler.store.LinkGraph;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CrawlGraph: the graph analyze ranks, made of what the crawler read. What is read of crawl.db,
 * and how results are stored there, is the crawler's LinkGraphTest and AnalysisStoreTest.
 */
class CrawlGraphTest {

  @Test
  void eachLinkedPairIsOneEdgeByDestinationHoweverOftenItWasRead() throws Exception {
    // a->b twice (a page fetched again writes its links anew), a->c, b->a, c->a
    LinkGraph read = new LinkGraph(List.of("http://s/a", "http://s/b", "http://s/c"), List.of("A", "B", "C"),
        new long[] {1, 2, 3}, new int[] {0, 0, 1, 2, 0, 0, 0}, new int[] {1, 2, 0, 0, 1, 0, 0}, 5,
        new CrawlDigest(1, 2, 3)); // two entries of room past the five edges read

    CrawlGraph crawl = CrawlGraph.of(read);

    assertThat(crawl.urls).containsExactly("http://s/a", "http://s/b", "http://s/c");
    assertThat(crawl.graph.edgeCount()).isEqualTo(4);
    assertThat(crawl.graph.outDegree()).containsExactly(2, 1, 1);
    assertThat(crawl.graph.inDegree(1)).as("b, from a once").isEqualTo(1);
    assertThat(crawl.digest).isEqualTo(new CrawlDigest(1, 2, 3));
  }

  @Test
  void ranksAnUlpApartAreStoredEqualSoThatReportListsThemInAnalyzesOrder(@TempDir Path data) throws Exception {
    // report sorts by the stored rank, then by row id: a device that left b an ulp above a listed
    // b first, where analyze's top list (ranks within 1e-12 tie, in page order) lists a first.
    Path file = data.resolve("crawl.db");
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = db.createStatement()) {
      s.execute("CREATE TABLE urls(id INTEGER PRIMARY KEY, url TEXT, title TEXT, state TEXT, status INTEGER,"
          + " simhash INTEGER, seq INTEGER, redirect_to TEXT, pagerank REAL)");
      s.execute("CREATE TABLE links(from_id INTEGER, to_url TEXT, nofollow INTEGER NOT NULL DEFAULT 0)");
      s.execute("INSERT INTO urls(url, state, status, simhash) VALUES ('http://s/a', 'done', 200, 1),"
          + " ('http://s/b', 'done', 200, 2), ('http://s/c', 'done', 200, 3)");
    }
    double rank = 0.06593982856746007;
    try (AnalysisStore db = AnalysisStore.open(file)) {
      CrawlGraph.load(db).store(db, new double[] {rank, Math.nextUp(rank), 1 - 2 * rank}, List.of(), Instant.EPOCH);
    }

    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT url, pagerank FROM urls ORDER BY pagerank DESC, id")) {
      List<String> order = new ArrayList<>();
      List<Double> stored = new ArrayList<>();
      while (rs.next()) {
        order.add(rs.getString(1));
        stored.add(rs.getDouble(2));
      }
      assertThat(order).containsExactly("http://s/c", "http://s/a", "http://s/b");
      assertThat(stored.get(1)).isEqualTo(stored.get(2)).isCloseTo(rank, within(1e-12));
    }
  }

  @Test
  void theCrawlersEdgeLimitIsTheGraphsSoATooBigCrawlIsToldTheLimitPageRankHas() {
    assertThat(LinkGraph.MAX_EDGES).isEqualTo(CsrGraphBuilder.MAX_EDGES);
  }
}
