package dev.sitepulse.crawler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LinkGraph over crawl.db's own schema, as the crawler makes it. */
class LinkGraphTest {

  @TempDir Path dir;

  /** Pages a, b, c; /old redirects to b; /gone is a 404. a links to /old and c, b and c to a. */
  static Connection crawlDb(Path dir) throws Exception {
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

  /** The edges as "from->to" by page number. */
  private static List<String> edges(LinkGraph graph) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < graph.edgeCount(); i++) {
      out.add(graph.sources()[i] + "->" + graph.targets()[i]);
    }
    return out;
  }

  @Test
  void thePagesAreTheHtmlThatAnsweredInTheOrderCrawlDbLearntThem() throws Exception {
    try (Connection db = crawlDb(dir)) {
      LinkGraph graph = LinkGraph.read(db);

      assertThat(graph.urls()).containsExactly("http://s/a", "http://s/b", "http://s/c");
      assertThat(graph.titles()).containsExactly("A", "B", "C");
      assertThat(graph.simHashes()).containsExactly(1, 2, 3);
      assertThat(db.getAutoCommit()).as("the read transaction is ended").isTrue();
    }
  }

  @Test
  void aLinkThroughARedirectCountsForThePageItLandsOn() throws Exception {
    try (Connection db = crawlDb(dir)) {
      assertThat(edges(LinkGraph.read(db))).containsExactlyInAnyOrder("0->1", "0->2", "1->0", "2->0");
    }
  }

  @Test
  void aPageLinkingToAnotherManyTimesOrToItselfOrFromAnErrorPageCountsOnceOrNotAtAll() throws Exception {
    try (Connection db = crawlDb(dir)) {
      try (Statement s = db.createStatement()) {
        s.execute("""
            INSERT INTO links(from_id, to_url) VALUES
              (1, 'http://s/c'), (1, 'http://s/b'), (1, 'http://s/a'), (5, 'http://s/c'), (3, 'http://s/a')""");
      }

      assertThat(edges(LinkGraph.read(db))).as("a->b (twice, once through /old), a->c (twice), b->a, c->a (twice)")
          .containsExactlyInAnyOrder("0->1", "0->2", "1->0", "2->0");
    }
  }

  @Test
  void aCrawlDbFromBeforeLinksWereKeyedByPageIdIsReadAsItIs() throws Exception {
    try (Connection db = crawlDb(dir)) {
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

      assertThat(edges(LinkGraph.read(db))).containsExactlyInAnyOrder("0->1", "0->2", "1->0", "2->0");
    }
  }

  /**
   * A hand-edited crawl.db: b's row id anywhere SQLite allows, negative, past an int, or far above
   * the row count (an array indexed by it would take 4 GB).
   */
  @ParameterizedTest
  @ValueSource(longs = {-5, 0, Integer.MAX_VALUE, 1_000_000_000L, 4_294_967_297L, Long.MAX_VALUE})
  void aPageReadsTheSameWhateverItsRowId(long id) throws Exception {
    try (Connection db = crawlDb(dir)) {
      try (Statement s = db.createStatement()) {
        s.execute("UPDATE urls SET id = " + id + " WHERE id = 2");
        s.execute("UPDATE links SET from_id = " + id + " WHERE from_id = 2");
      }
      LinkGraph graph = LinkGraph.read(db);

      boolean first = id < 1; // pages are numbered in the order of their ids: b first, or last
      String a = first ? "1" : "0", b = first ? "0" : "2", c = first ? "2" : "1";
      assertThat(graph.urls().get(Integer.parseInt(b))).isEqualTo("http://s/b");
      assertThat(edges(graph)).containsExactlyInAnyOrder(a + "->" + b, a + "->" + c, b + "->" + a, c + "->" + a);
      assertThat(AnalyzedCrawl.changedSince(db, graph.digest())).as("the digest is of the ids as they are").isFalse();
    }
  }

  /**
   * A hand-made or damaged crawl.db: a link's page id that is no integer read as one (text as 0, a
   * real cut to its integer part) gave a wrong graph without a word.
   */
  @ParameterizedTest
  @ValueSource(strings = {"'abc' | text", "1.5 | a real number", "x'02' | a blob"})
  void aLinksPageIdThatIsNoIntegerIsNamedByTableColumnAndRow(String valueAndType) throws Exception {
    String[] v = valueAndType.split(" \\| ");
    try (Connection db = crawlDb(dir)) {
      try (Statement s = db.createStatement()) {
        s.execute("UPDATE links SET from_id = " + v[0] + " WHERE rowid = 3");
      }

      assertThatThrownBy(() -> LinkGraph.read(db)).isInstanceOf(RuntimeException.class)
          .hasMessage("links.from_id of row 3 holds " + v[1] + ", not a page's row id");
    }
  }

  @Test
  void aPagesIdThatIsNoIntegerInAHandMadeUrlsTableIsNamedByTableColumnAndRow() throws Exception {
    try (Connection db = crawlDb(dir)) {
      try (Statement s = db.createStatement()) { // urls.id no longer the row id, so it may hold NULL
        s.execute("DROP VIEW page_links");
        s.execute("DROP VIEW page_embeds");
        s.execute("ALTER TABLE urls RENAME TO old_urls");
        s.execute("CREATE TABLE urls AS SELECT * FROM old_urls");
        s.execute("UPDATE urls SET id = NULL WHERE url = 'http://s/b'");
      }

      assertThatThrownBy(() -> LinkGraph.read(db)).isInstanceOf(RuntimeException.class)
          .hasMessage("urls.id of row 2 holds NULL, not a page's row id");
    }
  }

  @Test
  void aNofollowLinkCastsNoVoteInEitherLayout() throws Exception {
    try (Connection db = crawlDb(dir)) {
      try (Statement s = db.createStatement()) {
        s.execute("INSERT INTO links(from_id, to_url, nofollow) VALUES (2, 'http://s/c', 1)");
      }

      assertThat(edges(LinkGraph.read(db))).containsExactlyInAnyOrder("0->1", "0->2", "1->0", "2->0");
    }
  }

  @Test
  void whatAPageEmbedsIsNoEdgeEvenWhenItIsAnotherPage() throws Exception {
    try (Connection db = crawlDb(dir)) {
      try (Statement s = db.createStatement()) {
        s.execute("INSERT INTO embeds(from_id, to_url, element, line) VALUES (2, 'http://s/c', 'iframe', 1)");
      }

      assertThat(edges(LinkGraph.read(db))).containsExactlyInAnyOrder("0->1", "0->2", "1->0", "2->0");
    }
  }

  @Test
  void theDigestIsOfWhatWasReadSoThatAnUnchangedCrawlReadsAsUnchanged() throws Exception {
    try (Connection db = crawlDb(dir)) {
      CrawlDigest read = LinkGraph.read(db).digest();

      assertThat(AnalyzedCrawl.changedSince(db, read)).isFalse();
      try (Statement s = db.createStatement()) {
        s.execute("INSERT INTO links(from_id, to_url) VALUES (2, 'http://s/c')");
      }
      assertThat(AnalyzedCrawl.changedSince(db, read)).as("a link added, seq unchanged: not read again").isFalse();
      try (Statement s = db.createStatement()) {
        s.execute("UPDATE urls SET seq = 7 WHERE id = 2");
      }
      assertThat(AnalyzedCrawl.changedSince(db, read)).as("b recorded again, with its new link").isTrue();
    }
  }
}
