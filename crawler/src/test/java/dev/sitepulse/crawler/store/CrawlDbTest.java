package dev.sitepulse.crawler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.crawler.store.PageRecord.EmbedRecord;
import dev.sitepulse.crawler.store.PageRecord.LinkRecord;
import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import dev.sitepulse.crawler.store.PageRecord.Response;
import dev.sitepulse.pinger.CacheValidators;
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

class CrawlDbTest {

  @TempDir Path dir;

  @Test
  void aCanonicalLookupAfterCloseFailsRatherThanOpeningAConnectionNoOneCloses() throws Exception {
    CrawlDb db = CrawlDb.open(dir.resolve("crawl.db"));
    db.close();

    assertThatThrownBy(() -> db.endedWithoutDocument("http://a/", "http://a/?x"))
        .isInstanceOf(java.sql.SQLException.class).hasMessage("crawl.db is closed");
  }

  @Test
  void everyWriteAfterCloseFailsSayingSoRatherThanWaitingForAWriterThatIsGone() throws Exception {
    CrawlDb db = CrawlDb.open(dir.resolve("crawl.db"));
    db.close();

    for (int i = 0; i < 2; i++) { // the first refusal must not leave the second one queued for ever
      assertThatThrownBy(() -> db.markFetching("http://a/")).isInstanceOf(IllegalStateException.class)
          .hasMessage("crawl.db is closed");
    }
  }

  @Test
  void aCanonicalLookupThatCouldNotBePreparedIsPreparedAgainByTheNextOne() throws Exception {
    Path file = dir.resolve("crawl.db");
    try (CrawlDb db = CrawlDb.open(file)) {
      execute(file, "ALTER TABLE urls RENAME TO urls_away");
      assertThatThrownBy(() -> db.endedWithoutDocument("http://a/", "http://a/?x"))
          .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("no such table: urls");
      execute(file, "ALTER TABLE urls_away RENAME TO urls");

      assertThat(db.endedWithoutDocument("http://a/", "http://a/?x")).isFalse();
    }
  }

  @Test
  void aRefetchedPageReplacesItsLinksAndPageLinksShowsThemByUrl() throws Exception {
    Path file = dir.resolve("crawl.db");
    try (CrawlDb db = CrawlDb.open(file)) {
      db.enqueue(List.of(new QueuedUrl("http://a/", 0)));
      db.record(page("http://a/", new LinkRecord("http://a/x", null, "x", 3, false)));
      db.record(page("http://a/", new LinkRecord("http://a/y", "top", "y", -1, true)));
    }
    assertThat(rows(file, "SELECT from_url, to_url, fragment, anchor, line, nofollow FROM page_links"))
        .containsExactly("http://a/ http://a/y top y null 1");
  }

  @Test
  void aPagesEmbedsGoToTheirOwnTableAndAReFetchReplacesThemLeavingItsLinksAsTheyWere() throws Exception {
    Path file = dir.resolve("crawl.db");
    LinkRecord link = new LinkRecord("http://a/x", null, "x", 3, false);
    try (CrawlDb db = CrawlDb.open(file)) {
      db.enqueue(List.of(new QueuedUrl("http://a/", 0)));
      db.record(page("http://a/", List.of(link), List.of(new EmbedRecord("http://a/old.png", "img", "", 4)), List.of()));
      db.record(page("http://a/", List.of(link), List.of(new EmbedRecord("http://a/site.css", "link rel=stylesheet", "", 2),
          new EmbedRecord("http://a/logo.png", "img", "Acme logo", 5)), List.of()));
    }
    assertThat(rows(file, "SELECT from_url, to_url, element, alt, line FROM page_embeds ORDER BY line"))
        .containsExactly("http://a/ http://a/site.css link rel=stylesheet null 2", "http://a/ http://a/logo.png img Acme logo 5");
    assertThat(rows(file, "SELECT to_url FROM page_links")).containsExactly("http://a/x");
  }

  @Test
  void anotherProgramsDatabaseIsRefusedAndLeftAsItWas() throws Exception {
    Path file = dir.resolve("crawl.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT)");
      s.execute("CREATE TABLE urls(id INTEGER PRIMARY KEY, href TEXT)");
    }

    assertThatThrownBy(() -> CrawlDb.open(file)).hasMessage(
        "not a sitepulse crawl.db: it holds another program's tables, and nothing in it is changed; give another --data");
    assertThat(rows(file, "SELECT name FROM sqlite_master ORDER BY name")).containsExactly("notes", "urls");
    assertThat(rows(file, "PRAGMA journal_mode")).containsExactly("delete");
  }

  @Test
  void aPageWithThousandsOfLinksKeepsEveryOneOfThem() throws Exception {
    Path file = dir.resolve("crawl.db");
    List<LinkRecord> links = new ArrayList<>();
    for (int i = 0; i < 1000; i++) { // several of the writer's batches, the last one partial
      links.add(new LinkRecord("http://a/" + i, null, "link " + i, i + 1, false));
    }
    try (CrawlDb db = CrawlDb.open(file)) {
      db.enqueue(List.of(new QueuedUrl("http://a/", 0)));
      db.record(page("http://a/", links, List.of()));
    }
    assertThat(rows(file, "SELECT count(*), count(DISTINCT to_url), min(line), max(line) FROM links"))
        .containsExactly("1000 1000 1 1000");
  }

  @Test
  void aFailedWriteRollsBackItsTransactionAndEveryLaterFlushSaysSoWhileTheWriterGoesOn() throws Exception {
    Path file = dir.resolve("crawl.db");
    try (CrawlDb db = CrawlDb.open(file)) {
      db.enqueue(List.of(new QueuedUrl("http://a/", 0)));
      db.flush().join();
      // no row for the page: its transaction fails, and the URL it discovered goes with it
      db.record(page("http://unknown/", new LinkRecord("http://a/z", null, "z", 1, false),
          List.of(new QueuedUrl("http://a/z", 1))));
      assertThatThrownBy(() -> db.flush().join()).hasRootCauseMessage("crawl.db has no row for http://unknown/");
      db.record(page("http://a/", new LinkRecord("http://a/y", null, "y", 2, false)));
      assertThatThrownBy(() -> db.flush().join()).as("a lost batch is never vouched for")
          .hasCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("crawl.db write failed: ");
    }
    assertThat(rows(file, "SELECT url FROM urls")).containsExactly("http://a/");
    assertThat(rows(file, "SELECT from_url, to_url FROM page_links")).containsExactly("http://a/ http://a/y");
  }

  @Test
  void anErrorHalfWayThroughABatchRollsItBackSoNoRowOfItIsCommittedWithTheNext() throws Exception {
    Path file = dir.resolve("crawl.db");
    CrawlDb.open(file).close();
    List<LinkRecord> links = new ArrayList<>();
    for (int i = 0; i < 1000; i++) { // the Error comes after one of the writer's batches ran
      links.add(new LinkRecord("http://a/" + i, null, "link " + i, i + 1, false));
    }
    List<Throwable> died = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      c.setAutoCommit(false);
      try (CrawlDbWriter writer = new CrawlDbWriter(OutOfMemoryAtLinkRow.wrap(c, 300),
          thread -> task -> thread.execute(() -> {
            try {
              task.run();
            } catch (OutOfMemoryError e) { // rethrown by the writer, as it should be
              died.add(e);
            }
          }))) {
        writer.enqueue(List.of(new QueuedUrl("http://a/", 0), new QueuedUrl("http://b/", 0)));
        writer.flush().join();
        writer.record(page("http://a/", links, List.of()), List.of());
        assertThatThrownBy(() -> writer.flush().join()).hasRootCauseInstanceOf(OutOfMemoryError.class);
        writer.record(page("http://b/", new LinkRecord("http://b/x", null, "x", 1, false)), List.of());
      }
    }
    assertThat(died).hasSize(1);
    assertThat(rows(file, "SELECT url, state FROM urls ORDER BY url")).containsExactly("http://a/ queued", "http://b/ done");
    assertThat(rows(file, "SELECT from_url, to_url FROM page_links")).containsExactly("http://b/ http://b/x");
  }

  @Test
  void aCrawlDbFromAnEarlierVersionKeepsItsLinksAndGainsTheNewerColumnsWhenOpened() throws Exception {
    Path file = dir.resolve("crawl.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE urls(id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, depth INTEGER NOT NULL,"
          + " state TEXT NOT NULL, status INTEGER, error_kind TEXT, message TEXT, content_type TEXT,"
          + " bytes INTEGER, fetch_ms REAL, fetched_at INTEGER, content_hash TEXT, simhash INTEGER,"
          + " title TEXT, duplicate_of TEXT, canonical TEXT, redirect_to TEXT, seq INTEGER,"
          + " indexed INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0, pagerank REAL,"
          + " anchors TEXT)");
      s.execute("CREATE TABLE links(from_url TEXT NOT NULL, to_url TEXT NOT NULL, fragment TEXT,"
          + " anchor TEXT, line INTEGER, nofollow INTEGER NOT NULL DEFAULT 0)");
      s.execute("CREATE INDEX links_to ON links(to_url)");
      s.execute("INSERT INTO urls(url, depth, state) VALUES('http://a/', 0, 'done'), ('http://a/b', 1, 'done')");
      s.execute("INSERT INTO links VALUES('http://a/', 'http://a/b', NULL, 'b', 7, 0),"
          + " ('http://a/b', 'http://a/', NULL, 'home', 2, 0)");
    }
    CrawlDb.open(file).close();
    assertThat(rows(file, "SELECT from_url, to_url, fragment, anchor, line, nofollow FROM page_links ORDER BY line"))
        .containsExactly("http://a/b http://a/ null home 2 0", "http://a/ http://a/b null b 7 0");
    assertThat(rows(file, "SELECT name FROM pragma_table_info('urls')"
        + " WHERE name IN ('non_http_links', 'etag', 'last_modified', 'unavailable_after') ORDER BY name"))
        .containsExactly("etag", "last_modified", "non_http_links", "unavailable_after");
    assertThat(rows(file, "SELECT type, name FROM sqlite_master WHERE name LIKE '%embeds' ORDER BY name"))
        .containsExactly("table embeds", "view page_embeds");
  }

  @Test
  void aLinksRewriteThatFailsHalfWayLeavesAnEarlierVersionsLinksAsTheyWere() throws Exception {
    Path file = dir.resolve("crawl.db");
    execute(file,
        "CREATE TABLE urls(id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, depth INTEGER NOT NULL, state TEXT NOT NULL)",
        // A row the rewritten table refuses (to_url NOT NULL) fails the copy after the rename.
        "CREATE TABLE links(from_url TEXT NOT NULL, to_url TEXT, fragment TEXT, anchor TEXT, line INTEGER,"
            + " nofollow INTEGER NOT NULL DEFAULT 0)",
        "INSERT INTO urls(url, depth, state) VALUES('http://a/', 0, 'done')",
        "INSERT INTO links VALUES('http://a/', 'http://a/b', NULL, 'b', 7, 0), ('http://a/', NULL, NULL, 'broken', 8, 0)");

    assertThatThrownBy(() -> CrawlDb.open(file)).hasMessageContaining("NOT NULL");

    assertThat(rows(file, "SELECT from_url, to_url, anchor FROM links ORDER BY line"))
        .containsExactly("http://a/ http://a/b b", "http://a/ null broken");
    assertThat(rows(file, "SELECT name FROM sqlite_master WHERE name LIKE 'links%' ORDER BY name"))
        .containsExactly("links");
  }

  @Test
  void everyCrawlDbHasTheTableOfNearDuplicateClustersAndAnOlderOneKeepsTheClustersAnalyzeStoredThere()
      throws Exception {
    Path fresh = dir.resolve("fresh.db");
    CrawlDb.open(fresh).close();
    assertThat(rows(fresh, "SELECT count(*) FROM duplicate_clusters")).containsExactly("0");

    Path analyzed = dir.resolve("analyzed.db");
    CrawlDb.open(analyzed).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + analyzed)) {
      c.createStatement().execute("DROP TABLE duplicate_clusters"); // as crawls before it made none
      CrawlDb.replaceDuplicateClusters(c, List.of(List.of("http://a/", "http://a/b")));
    }
    CrawlDb.open(analyzed).close();
    assertThat(rows(analyzed, "SELECT cluster, url FROM duplicate_clusters ORDER BY url"))
        .containsExactly("1 http://a/", "1 http://a/b");
  }

  @Test
  void everyCrawlDbHasTheAnalysisTableAndAnalyzeReplacesOneOfAnotherShape() throws Exception {
    Path file = dir.resolve("crawl.db");
    CrawlDb.open(file).close();
    assertThat(rows(file, "SELECT count(*) FROM analysis")).containsExactly("0");

    execute(file, "DROP TABLE analysis", // as an unreleased build made it, before the digest
        "CREATE TABLE analysis(analyzed_at INTEGER NOT NULL, pages INTEGER NOT NULL)",
        "INSERT INTO analysis VALUES(1000, 7)");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      CrawlDb.recordAnalysis(c, Instant.ofEpochMilli(2000), 8, new CrawlDigest(3, -4, 5));
    }
    assertThat(rows(file, "SELECT analyzed_at, pages, urls_digest, links_digest, seq_sum FROM analysis"))
        .containsExactly("2000 8 3 -4 5");
  }

  private static PageRecord page(String url, LinkRecord link) {
    return page(url, link, List.of());
  }

  private static PageRecord page(String url, LinkRecord link, List<QueuedUrl> discovered) {
    return page(url, List.of(link), discovered);
  }

  private static PageRecord page(String url, List<LinkRecord> links, List<QueuedUrl> discovered) {
    return page(url, links, List.of(), discovered);
  }

  private static PageRecord page(String url, List<LinkRecord> links, List<EmbedRecord> embeds,
      List<QueuedUrl> discovered) {
    Response ok = new Response(200, null, "text/html", 10, 1.0, 0L, CacheValidators.NONE);
    // not a duplicate, no canonical elsewhere, no anchors
    return PageRecord.parsed(url, ok, 1, true, "h", 0L, "t", null, null, null, links, embeds,
        discovered, 0, 0);
  }

  private static void execute(Path file, String... sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    }
  }

  private static List<String> rows(Path file, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? " " : "").append(rs.getString(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }
}
