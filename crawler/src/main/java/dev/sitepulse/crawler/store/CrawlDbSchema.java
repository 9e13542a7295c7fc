package dev.sitepulse.crawler.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/** crawl.db's tables: made on first use, brought up to date from earlier versions, and told apart from others'. */
final class CrawlDbSchema {

  private static final Logger LOG = LoggerFactory.getLogger(CrawlDbSchema.class);

  /** PRAGMA user_version of a crawl.db a link check made: it has no index to resume. */
  private static final int LINK_CHECKS = 1;

  private CrawlDbSchema() {}

  /**
   * Makes or updates the tables; refuses, with {@link CrawlDb#ANOTHER_PROGRAMS}, a database that is
   * not ours, and one with a URL state this version does not know, before changing anything.
   */
  static void prepare(Connection c, boolean linkChecks) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (holdsAnotherProgramsTables(s)) {
        throw new SQLException(CrawlDb.ANOTHER_PROGRAMS);
      }
      String unknown = unknownState(s);
      if (unknown != null) {
        throw new SQLException(unknown);
      }
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=NORMAL");
      s.execute("""
          CREATE TABLE IF NOT EXISTS urls(
            id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, depth INTEGER NOT NULL,
            state TEXT NOT NULL, status INTEGER, error_kind TEXT, message TEXT,
            content_type TEXT, bytes INTEGER, fetch_ms REAL, fetched_at INTEGER,
            content_hash TEXT, simhash INTEGER, title TEXT, duplicate_of TEXT, canonical TEXT,
            redirect_to TEXT, seq INTEGER, indexed INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0, pagerank REAL, anchors TEXT, non_http_links INTEGER,
            etag TEXT, last_modified TEXT, unavailable_after INTEGER, sitemap TEXT)""");
      // A crawl.db made by an earlier version gets the newer columns, empty (CrawlDbVersions tells
      // a reader of one as it is which it lacks).
      addColumnIfMissing(s, "non_http_links", "INTEGER");
      addColumnIfMissing(s, "etag", "TEXT");
      addColumnIfMissing(s, "last_modified", "TEXT");
      addColumnIfMissing(s, "unavailable_after", "INTEGER");
      addColumnIfMissing(s, "sitemap", "TEXT");
      migrateLinksKeyedByUrl(s);
      // Links are keyed by the page's integer id, indexed only for replacing a re-fetched page's
      // links: a crawl writes hundreds of links per page, and two text indexes over them were
      // most of crawl.db's cost. page_links shows them with URLs, for readers and for people.
      s.execute("""
          CREATE TABLE IF NOT EXISTS links(
            from_id INTEGER NOT NULL REFERENCES urls(id), to_url TEXT NOT NULL, fragment TEXT,
            anchor TEXT, line INTEGER, nofollow INTEGER NOT NULL DEFAULT 0)""");
      s.execute("CREATE INDEX IF NOT EXISTS links_from ON links(from_id)");
      s.execute("""
          CREATE VIEW IF NOT EXISTS page_links AS
          SELECT u.url AS from_url, l.to_url, l.fragment, l.anchor, l.line, l.nofollow
          FROM links l JOIN urls u ON u.id = l.from_id""");
      // What a page embeds (images, stylesheets, scripts…), written by a link check only. A table
      // of its own rather than a kind column on links: every reader of links (analyze's PageRank,
      // report's counts, anyone's SQL over page_links) takes links for the link graph, and would
      // otherwise have to learn to leave resources out. A crawl for search writes no row here.
      s.execute("""
          CREATE TABLE IF NOT EXISTS embeds(
            from_id INTEGER NOT NULL REFERENCES urls(id), to_url TEXT NOT NULL, element TEXT NOT NULL,
            alt TEXT, line INTEGER NOT NULL)""");
      s.execute("CREATE INDEX IF NOT EXISTS embeds_from ON embeds(from_id)");
      s.execute("""
          CREATE VIEW IF NOT EXISTS page_embeds AS
          SELECT u.url AS from_url, e.to_url, e.element, e.alt, e.line
          FROM embeds e JOIN urls u ON u.id = e.from_id""");
      s.execute("CREATE INDEX IF NOT EXISTS urls_state ON urls(state)");
      createDuplicateClusters(s);
      createAnalysis(s);
      if (linkChecks) {
        s.execute("PRAGMA user_version=" + LINK_CHECKS);
      }
    }
  }

  /**
   * The near-duplicate clusters {@code analyze} stores, one row per page. Every crawl.db has it; one
   * from before crawls made it gets it when a crawl opens it or {@code analyze} first stores there.
   */
  static void createDuplicateClusters(Statement s) throws SQLException {
    s.execute("CREATE TABLE IF NOT EXISTS duplicate_clusters(cluster INTEGER NOT NULL, url TEXT NOT NULL)");
  }

  /**
   * The record of the last {@code analyze}, one row at most: when, over how many pages, and the
   * digest of what it read ({@link CrawlDigest}). Made as {@link #createDuplicateClusters} is.
   */
  static void createAnalysis(Statement s) throws SQLException {
    s.execute("CREATE TABLE IF NOT EXISTS analysis(analyzed_at INTEGER NOT NULL, pages INTEGER NOT NULL,"
        + " urls_digest INTEGER NOT NULL, links_digest INTEGER NOT NULL, seq_sum INTEGER NOT NULL)");
  }

  /** A connection that reads {@code file} as it is: nothing made, brought up to date or written. */
  static Connection readOnly(Path file) throws SQLException {
    SQLiteConfig readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    return readOnly.createConnection("jdbc:sqlite:" + file);
  }

  static CrawlDb.Maker makerOf(Path file) {
    try (Connection c = readOnly(file);
        Statement s = c.createStatement()) {
      if (holdsAnotherProgramsTables(s)) {
        return CrawlDb.Maker.ANOTHER_PROGRAM;
      }
      try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
        return rs.next() && rs.getInt(1) == LINK_CHECKS ? CrawlDb.Maker.LINK_CHECK : CrawlDb.Maker.CRAWL;
      }
    } catch (SQLException unreadable) {
      return CrawlDb.Maker.CRAWL;
    }
  }

  private static boolean holdsAnotherProgramsTables(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type='table' LIMIT 1")) {
      if (!rs.next()) {
        return false;
      }
    }
    int columns = 0;
    try (ResultSet rs = s.executeQuery("SELECT 1 FROM pragma_table_info('urls') WHERE name IN ('url', 'state')")) {
      while (rs.next()) {
        columns++;
      }
    }
    return columns < 2;
  }

  /**
   * The first URL in a state this version never writes (a newer sitepulse's, or one set by hand),
   * said as "url id 2 (URL) is in state "x", ..."; null when every state is known or there is no
   * urls table yet. Asked once {@link #holdsAnotherProgramsTables} has found ours or none.
   */
  private static String unknownState(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type='table' AND name='urls'")) {
      if (!rs.next()) {
        return null;
      }
    }
    StringBuilder known = new StringBuilder();
    for (UrlState state : UrlState.values()) {
      known.append(known.isEmpty() ? "" : ", ").append(state.sql());
    }
    try (ResultSet rs = s.executeQuery(
        "SELECT rowid, url, state FROM urls WHERE state NOT IN (" + known + ") LIMIT 1")) {
      return rs.next() ? "url id " + rs.getLong(1) + " (" + rs.getString(2) + ") is in state \"" + rs.getString(3)
          + "\", which this sitepulse does not know (a newer one wrote it, or a hand); nothing in it is changed;"
          + " crawl again with --fresh, or give another --data" : null;
    }
  }

  private static void addColumnIfMissing(Statement s, String column, String type) throws SQLException {
    if (CrawlDbVersions.hasColumn(s, "urls", column)) {
      return;
    }
    s.execute("ALTER TABLE urls ADD COLUMN " + column + " " + type);
  }

  /**
   * A crawl.db from before links were keyed by page id keeps its links, rewritten in place in one
   * transaction: a kill or a failure half-way (between the rename and the copy) leaves them as
   * they were, for the next open to rewrite, rather than an empty table beside an orphaned copy.
   */
  private static void migrateLinksKeyedByUrl(Statement s) throws SQLException {
    if (!CrawlDbVersions.linksKeyedByUrl(s)) {
      return;
    }
    Connection c = s.getConnection();
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      rewriteLinksByPageId(s);
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
    LOG.info("crawl.db: links rewritten to refer to pages by id");
  }

  private static void rewriteLinksByPageId(Statement s) throws SQLException {
    s.execute("DROP INDEX IF EXISTS links_to");
    s.execute("DROP INDEX IF EXISTS links_from");
    s.execute("ALTER TABLE links RENAME TO links_by_url");
    s.execute("""
        CREATE TABLE links(
          from_id INTEGER NOT NULL REFERENCES urls(id), to_url TEXT NOT NULL, fragment TEXT,
          anchor TEXT, line INTEGER, nofollow INTEGER NOT NULL DEFAULT 0)""");
    s.execute("""
        INSERT INTO links(from_id, to_url, fragment, anchor, line, nofollow)
        SELECT u.id, l.to_url, l.fragment, l.anchor, l.line, l.nofollow
        FROM links_by_url l JOIN urls u ON u.url = l.from_url ORDER BY l.rowid""");
    s.execute("DROP TABLE links_by_url");
  }
}
