package dev.sitepulse.crawler.store;

import dev.sitepulse.pinger.Threads;
import dev.sitepulse.pinger.Validators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The crawl's durable state in SQLite (WAL): every URL with its state, every link. All writes run
 * on one thread, SQLite's single writer, and are grouped: whatever queued up while a transaction
 * ran goes into the next one, so the writer keeps up with any number of fetchers.
 */
public final class CrawlDb implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CrawlDb.class);

  /** A URL read back at start-up; {@code prior} is null unless it is queued to be fetched again. */
  public record KnownUrl(String url, int depth, UrlState state, PriorFetch prior) {}

  private final Connection db;
  private final Writes writes;
  private final ExecutorService writer = Executors.newSingleThreadExecutor(Threads.daemonNamed("sitepulse-crawldb"));
  private final List<Consumer<Writes>> pending = new ArrayList<>();
  private final List<CompletableFuture<Void>> flushes = new ArrayList<>();
  private boolean drainScheduled;
  /**
   * The first batch that could not be written, kept for good: once a batch is lost, crawl.db no
   * longer holds every page handled, so no later flush may vouch for it.
   */
  private IllegalStateException lost; // the writer thread's alone

  private CrawlDb(Connection db, Writes writes) {
    this.db = db;
    this.writes = writes;
  }

  /**
   * The writer's statements, prepared once per connection rather than again for every page. Only
   * the writer thread uses them: resume() and the other start-up methods run before anything is
   * submitted, with statements of their own.
   */
  private record Writes(PreparedStatement queue, PreparedStatement fetching, PreparedStatement skipped,
      PreparedStatement unchanged, PreparedStatement page, PreparedStatement deleteLinks,
      PreparedStatement link) implements AutoCloseable {

    static Writes prepare(Connection c) throws SQLException {
      return new Writes(
          c.prepareStatement("INSERT OR IGNORE INTO urls(url, depth, state) VALUES(?, ?, 'queued')"),
          c.prepareStatement("UPDATE urls SET state='fetching', attempts=attempts+1 WHERE url=?"),
          c.prepareStatement("UPDATE urls SET state=?, message=? WHERE url=?"),
          // A 304: fetched_at stays the time of the content on record, as the index's document does
          // and as a WARC revisit record refers to it.
          c.prepareStatement("UPDATE urls SET state='done', fetch_ms=? WHERE url=?"),
          // RETURNING gives the page's id for its links without looking the URL up a second time
          c.prepareStatement("""
              UPDATE urls SET state=?, status=?, error_kind=?, message=?, content_type=?, bytes=?,
                fetch_ms=?, fetched_at=?, content_hash=?, simhash=?, title=?, duplicate_of=?,
                canonical=?, redirect_to=?, seq=?, indexed=?, anchors=?, non_http_links=?, etag=?,
                last_modified=? WHERE url=? RETURNING id"""),
          c.prepareStatement("DELETE FROM links WHERE from_id=?"),
          c.prepareStatement(
              "INSERT INTO links(from_id, to_url, fragment, anchor, line, nofollow) VALUES(?, ?, ?, ?, ?, ?)"));
    }

    /** After a failed transaction: a batch left half-built must not run in the next one. */
    void clearBatches() throws SQLException {
      queue.clearBatch();
      link.clearBatch();
    }

    @Override
    public void close() throws SQLException {
      for (PreparedStatement s : List.of(queue, fetching, skipped, unchanged, page, deleteLinks, link)) {
        s.close();
      }
    }
  }

  /** PRAGMA user_version of a crawl.db a link check made: it has no index to resume. */
  private static final int LINK_CHECKS = 1;

  public static CrawlDb open(Path file) throws SQLException {
    return open(file, false);
  }

  /** @param linkChecks whether a link check makes this crawl.db, which a search crawl must not resume */
  public static CrawlDb open(Path file, boolean linkChecks) throws SQLException {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (java.io.IOException e) {
      throw new SQLException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
    }
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try {
      prepareSchema(c);
      if (linkChecks) {
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA user_version=" + LINK_CHECKS);
        }
      }
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    c.setAutoCommit(false);
    c.commit();
    try {
      return new CrawlDb(c, Writes.prepare(c));
    } catch (SQLException e) {
      c.close(); // and with it any statement already prepared
      throw e;
    }
  }

  private static void prepareSchema(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      refuseAnotherProgramsDatabase(s);
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
            etag TEXT, last_modified TEXT)""");
      // A crawl.db made by an earlier version gets the newer columns, empty.
      addColumnIfMissing(s, "non_http_links", "INTEGER");
      addColumnIfMissing(s, "etag", "TEXT");
      addColumnIfMissing(s, "last_modified", "TEXT");
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
      s.execute("CREATE INDEX IF NOT EXISTS urls_state ON urls(state)");
    }
  }

  /** Why a crawl refuses a database: adding our tables to it would change what is not ours. */
  public static final String ANOTHER_PROGRAMS =
      "not a sitepulse crawl.db: it holds another program's tables, and nothing in it is changed; give another --data";

  private static void refuseAnotherProgramsDatabase(Statement s) throws SQLException {
    if (holdsAnotherProgramsTables(s)) {
      throw new SQLException(ANOTHER_PROGRAMS);
    }
  }

  /** Who made an existing crawl.db, as one read-only look tells before a crawl opens it. */
  public enum Maker {
    /** A search crawl, or nobody can tell: a file that is no SQLite database (a damaged crawl.db). */
    CRAWL,
    /** A link check: it has no index for a search crawl to resume. */
    LINK_CHECK,
    /** Another program: tables, but no crawl's urls table. */
    ANOTHER_PROGRAM
  }

  public static Maker makerOf(Path file) {
    SQLiteConfig readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    try (Connection c = readOnly.createConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      if (holdsAnotherProgramsTables(s)) {
        return Maker.ANOTHER_PROGRAM;
      }
      try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
        return rs.next() && rs.getInt(1) == LINK_CHECKS ? Maker.LINK_CHECK : Maker.CRAWL;
      }
    } catch (SQLException unreadable) {
      return Maker.CRAWL;
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

  private static void addColumnIfMissing(Statement s, String column, String type) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT 1 FROM pragma_table_info('urls') WHERE name='" + column + "'")) {
      if (rs.next()) {
        return;
      }
    }
    s.execute("ALTER TABLE urls ADD COLUMN " + column + " " + type);
  }

  /** A crawl.db from before links were keyed by page id keeps its links, rewritten in place. */
  private static void migrateLinksKeyedByUrl(Statement s) throws SQLException {
    boolean old;
    try (ResultSet rs = s.executeQuery("SELECT 1 FROM pragma_table_info('links') WHERE name='from_url'")) {
      old = rs.next();
    }
    if (!old) {
      return;
    }
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
    LOG.info("crawl.db: links rewritten to refer to pages by id");
  }

  /**
   * Prepares a resumed crawl: URLs left "fetching" by a killed run go back to the queue, and so do
   * pages whose index documents were not committed (seq beyond the index's last commit). Their
   * validators go: a 304 must not stand for a document the index never got.
   */
  public void resume(long committedSeq) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("""
        UPDATE urls SET state='queued', etag=NULL, last_modified=NULL
        WHERE state='fetching' OR (indexed=1 AND seq>?)""")) {
      s.setLong(1, committedSeq);
      int reset = s.executeUpdate();
      if (reset > 0) {
        LOG.info("resuming: {} URLs were in flight or not yet committed and go back to the queue", reset);
      }
    }
    db.commit();
  }

  /**
   * URLs recorded without a document after the index's last commit: a refresh found them gone
   * (404, noindex, a redirect), but the process may have died before the commit that removed their
   * documents. Resuming removes them again; removing a document that is not there does nothing.
   */
  public List<String> withoutDocumentSince(long committedSeq) throws SQLException {
    List<String> urls = new ArrayList<>();
    try (PreparedStatement s = db.prepareStatement("SELECT url FROM urls WHERE indexed=0 AND seq>?")) {
      s.setLong(1, committedSeq);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          urls.add(rs.getString(1));
        }
      }
    }
    return urls;
  }

  /**
   * rel=canonical is a hint. Pages that deferred to a canonical URL which then ended without a
   * document (not indexed, and no duplicate of a page that is) go back to the queue, without
   * validators, to index their own text. Returns those canonical URLs: a page that names one
   * again indexes its own text.
   */
  public List<String> queueAgainPagesOfCanonicalsWithoutDocument() throws SQLException {
    List<String> canonicals = new ArrayList<>();
    try (Statement s = db.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT DISTINCT c.url FROM urls v JOIN urls c ON c.url = v.canonical"
          + " WHERE v.canonical IS NOT NULL AND v.state='done' AND v.indexed=0 AND "
          + endedWithoutDocument("v"))) {
        while (rs.next()) {
          canonicals.add(rs.getString(1));
        }
      }
      if (!canonicals.isEmpty()) {
        int again = s.executeUpdate("UPDATE urls SET state='queued', etag=NULL, last_modified=NULL"
            + " WHERE canonical IS NOT NULL AND state='done' AND indexed=0 AND EXISTS (SELECT 1 FROM urls c"
            + " WHERE c.url = urls.canonical AND " + endedWithoutDocument("urls") + ")");
        LOG.info("resuming: {} pages whose canonical URL has no document go back to the queue", again);
      }
    }
    db.commit();
    return canonicals;
  }

  /**
   * Canonical {@code c} of page {@code variant} was fetched and holds no text: not indexed, and no
   * duplicate of an indexed page (the variant itself, when it had the same bytes and came first).
   */
  private static String endedWithoutDocument(String variant) {
    return "c.state NOT IN ('queued', 'fetching') AND c.indexed=0"
        + " AND (c.duplicate_of IS NULL OR c.duplicate_of = " + variant + ".url)";
  }

  /** A page that left its text to its canonical URL, which is still queued. */
  public record DeferredPage(String url, int depth, String canonical) {}

  /** Pages that deferred to a canonical URL not fetched yet: they wait for it to be indexed. */
  public List<DeferredPage> pagesAwaitingCanonical() throws SQLException {
    List<DeferredPage> pages = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("""
            SELECT v.url, v.depth, v.canonical FROM urls v JOIN urls c ON c.url = v.canonical
            WHERE v.canonical IS NOT NULL AND v.state='done' AND v.indexed=0
              AND c.state IN ('queued', 'fetching')""")) {
      while (rs.next()) {
        pages.add(new DeferredPage(rs.getString(1), rs.getInt(2), rs.getString(3)));
      }
    }
    return pages;
  }

  /**
   * Queues every known URL again, for a refresh; what their last fetch left stays, but for the
   * validators of pages that left their text to a canonical: fetched whole, they wait on it
   * again, and index their own text should it have none now. A 304 would leave them out.
   */
  public void queueAllAgain() throws SQLException {
    try (Statement s = db.createStatement()) {
      s.executeUpdate("UPDATE urls SET etag=NULL, last_modified=NULL WHERE canonical IS NOT NULL AND indexed=0");
      int again = s.executeUpdate("UPDATE urls SET state='queued' WHERE state<>'queued'");
      LOG.info("refresh: {} known URLs are queued again", again);
    }
    db.commit();
  }

  /** Every URL crawl.db knows, in the order it learnt them. */
  public List<KnownUrl> knownUrls() throws SQLException {
    List<KnownUrl> all = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("""
            SELECT url, depth, state, etag, last_modified, content_hash, duplicate_of, indexed, fetched_at
            FROM urls ORDER BY id""")) {
      while (rs.next()) {
        UrlState state = UrlState.valueOf(
            rs.getString(3).toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        Validators validators = new Validators(rs.getString(4), rs.getString(5));
        boolean indexed = rs.getInt(8) == 1;
        PriorFetch prior = state == UrlState.QUEUED && (validators.any() || indexed)
            ? new PriorFetch(validators, rs.getString(6), rs.getString(7) != null, indexed, rs.getLong(9))
            : null;
        all.add(new KnownUrl(rs.getString(1), rs.getInt(2), state, prior));
      }
    }
    return all;
  }

  /** URLs queued, or left in flight by a crawl that stopped. */
  public long queuedOrFetching() throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM urls WHERE state IN ('queued', 'fetching')")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** Whether crawl.db holds {@code url}, in any state. */
  public boolean knows(String url) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("SELECT 1 FROM urls WHERE url=?")) {
      s.setString(1, url);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The highest seq recorded, so a resumed crawl numbers its pages after it. */
  public long maxSeq() throws SQLException {
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(seq) FROM urls")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  public void enqueue(List<PageRecord.QueuedUrl> urls) {
    submit(w -> insertQueued(w, urls));
  }

  public void markFetching(String url) {
    submit(w -> update(w.fetching(), url));
  }

  public void markSkipped(String url, UrlState state, String message) {
    submit(w -> update(w.skipped(), state.column(), message, url));
  }

  /** A 304 Not Modified: the page, its document and its links stand; only the fetch is new. */
  public void markUnchanged(String url, double fetchMillis) {
    submit(w -> update(w.unchanged(), fetchMillis, url));
  }

  public void record(PageRecord page) {
    submit(w -> {
      insertQueued(w, page.discovered());
      write(w, page);
    });
  }

  /**
   * Completes once every write submitted before it is committed; completes exceptionally, naming
   * the cause, if any batch before it could not be written (the writer goes on with later ones).
   */
  public CompletableFuture<Void> flush() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    synchronized (this) {
      flushes.add(done);
    }
    submit(w -> {}); // makes sure a drain runs; the future completes after its commit
    return done;
  }

  public Connection connectionForReading() {
    return db;
  }

  @Override
  public void close() throws SQLException {
    flush().exceptionally(reportedAlready -> null).join();
    writer.shutdown();
    try {
      writes.close(); // the flush above was the writer's last use of them
    } finally {
      db.close();
    }
  }

  private synchronized void submit(Consumer<Writes> op) {
    pending.add(op);
    if (!drainScheduled) {
      drainScheduled = true;
      writer.execute(this::drain);
    }
  }

  private void drain() {
    List<Consumer<Writes>> batch;
    List<CompletableFuture<Void>> flushed;
    synchronized (this) {
      batch = new ArrayList<>(pending);
      pending.clear();
      flushed = new ArrayList<>(flushes);
      flushes.clear();
      drainScheduled = false;
    }
    try {
      for (Consumer<Writes> op : batch) {
        op.accept(writes);
      }
      db.commit();
    } catch (RuntimeException | SQLException e) {
      LOG.debug("crawl.db write failed", e);
      if (lost == null) {
        String why = e.getCause() instanceof SQLException sql ? sql.getMessage() : e.getMessage();
        lost = new IllegalStateException("crawl.db write failed: " + why, e);
      }
      try {
        db.rollback();
        writes.clearBatches();
      } catch (SQLException ignored) {
        // the connection is gone; the failure above says what matters
      }
    }
    for (CompletableFuture<Void> f : flushed) { // only now is everything before them durable, or not
      if (lost == null) {
        f.complete(null);
      } else {
        f.completeExceptionally(lost);
      }
    }
  }

  private static void insertQueued(Writes w, List<PageRecord.QueuedUrl> urls) {
    if (urls.isEmpty()) {
      return;
    }
    PreparedStatement s = w.queue();
    try {
      for (PageRecord.QueuedUrl u : urls) {
        s.setString(1, u.url());
        s.setInt(2, u.depth());
        s.addBatch();
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Writes w, PageRecord p) {
    try {
      long id = updatePage(w.page(), p);
      if (p.links().isEmpty()) {
        return;
      }
      if (id < 0) {
        throw new IllegalStateException("crawl.db has no row for " + p.url());
      }
      replaceLinks(w, id, p.links());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return the page's id, or -1 if crawl.db has no row for it */
  private static long updatePage(PreparedStatement s, PageRecord p) throws SQLException {
    bind(s, p.state().column(), p.status(), p.errorKind(), p.message(), p.contentType(), p.bytes(),
        p.fetchMillis(), p.fetchedAtMillis(), p.contentHash(), p.simhash(), p.title(), p.duplicateOf(),
        p.canonical(), p.redirectTo(), p.seq(), p.indexed() ? 1 : 0, p.anchors(), p.nonHttpLinks(),
        p.validators().etag(), p.validators().lastModified(), p.url());
    try (ResultSet rs = s.executeQuery()) { // closing it resets the statement for the next page
      return rs.next() ? rs.getLong(1) : -1;
    }
  }

  /**
   * Rows per executeBatch. sqlite-jdbc keeps its batch array at the largest size a statement has
   * had and clears all of it after every batch: with one batch per page, an index page of 17,000
   * links made every later page clear 200,000 slots (1% of a crawl's CPU time).
   */
  private static final int LINK_BATCH = 256;

  /** A re-fetched page replaces its links. */
  private static void replaceLinks(Writes w, long from, List<PageRecord.LinkRecord> links) throws SQLException {
    w.deleteLinks().setLong(1, from);
    w.deleteLinks().executeUpdate();
    PreparedStatement s = w.link();
    int batched = 0;
    for (PageRecord.LinkRecord l : links) {
      if (batched == LINK_BATCH) {
        s.executeBatch();
        batched = 0;
      }
      s.setLong(1, from);
      s.setString(2, l.to());
      s.setString(3, l.fragment());
      s.setString(4, l.anchor());
      if (l.line() > 0) {
        s.setInt(5, l.line());
      } else {
        s.setNull(5, java.sql.Types.INTEGER); // not tracked in this crawl
      }
      s.setInt(6, l.nofollow() ? 1 : 0);
      s.addBatch();
      batched++;
    }
    s.executeBatch();
  }

  private static void update(PreparedStatement s, Object... args) {
    try {
      bind(s, args);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Binds every parameter, so nothing of a reused statement's last use is left; null is NULL. */
  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }
}
