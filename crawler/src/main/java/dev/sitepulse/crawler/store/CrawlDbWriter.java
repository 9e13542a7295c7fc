package dev.sitepulse.crawler.store;

import dev.sitepulse.pinger.Threads;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * crawl.db's single writer thread. Writes are grouped: whatever queued up while a transaction ran
 * goes into the next one, so the writer keeps up with any number of fetchers. Its queue has no
 * bound of its own, since the crawl's event loop writes here and must never wait: the rows
 * waiting ({@link #rowsWaiting}) are counted instead, and the crawl starts no fetch while too
 * many wait.
 */
final class CrawlDbWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CrawlDbWriter.class);

  /**
   * Rows per executeBatch. sqlite-jdbc keeps its batch array at the largest size a statement has
   * had and clears all of it after every batch: with one batch per page, an index page of 17,000
   * links made every later page clear 200,000 slots (1% of a crawl's CPU time).
   */
  private static final int BATCH_ROWS = 256;

  private final Connection db;
  private final WriteStatements writes;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(Threads.daemonNamed("sitepulse-crawldb"));
  private final Executor runs; // the thread, or what a test wraps around it
  private final List<Consumer<WriteStatements>> pending = new ArrayList<>();
  /** Rows submitted and not yet committed (or lost): what the queue holds in memory. */
  private long rowsWaiting; // guarded by this
  private final List<CompletableFuture<Void>> flushes = new ArrayList<>();
  private boolean drainScheduled;
  private long pendingRows; // the rows of pending; guarded by this
  /**
   * The first batch that could not be written, kept for good: once a batch is lost, crawl.db no
   * longer holds every page handled, so no later flush may vouch for it.
   */
  private IllegalStateException lost; // the writer thread's alone

  /**
   * @param db in manual-commit mode; this writer commits every batch on it
   * @param writerThread the writer's thread as given, or wrapped (a test holds its writes)
   */
  CrawlDbWriter(Connection db, UnaryOperator<Executor> writerThread) throws SQLException {
    this.db = db;
    this.writes = WriteStatements.prepare(db);
    this.runs = writerThread.apply(thread);
  }

  void enqueue(List<PageRecord.QueuedUrl> urls) {
    submit(urls.size(), w -> insertQueued(w, urls));
  }

  void enqueueFromSitemap(List<PageRecord.QueuedUrl> urls, String sitemap) {
    submit(urls.size(), w -> insertQueued(w.queueFromSitemap(), urls, sitemap));
  }

  void markFetching(String url) {
    submit(1, w -> update(w.fetching(), url));
  }

  void markQueuedAgain(String url) {
    submit(1, w -> update(w.queuedAgain(), url));
  }

  void markSkipped(String url, UrlState state, String message, long seq) {
    submit(1, w -> update(w.skipped(), state.column(), message, seq, url));
  }

  void markUnchanged(String url, double fetchMillis) {
    submit(1, w -> update(w.unchanged(), fetchMillis, url));
  }

  void record(PageRecord page, List<String> queuedAgain) {
    submit(1 + page.discovered().size() + page.links().size() + page.embeds().size() + queuedAgain.size(), w -> {
      insertQueued(w, page.discovered());
      write(w, page);
      queuedAgain.forEach(url -> update(w.queuedAgain(), url));
    });
  }

  /** See {@link CrawlDb#rowsWaiting()}. */
  synchronized long rowsWaiting() {
    return rowsWaiting;
  }

  /** See {@link CrawlDb#flush()}. */
  CompletableFuture<Void> flush() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    synchronized (this) {
      flushes.add(done);
    }
    submit(0, w -> {}); // makes sure a drain runs; the future completes after its commit
    return done;
  }

  /** Waits for what was submitted, then closes the statements; the connection stays open. */
  @Override
  public void close() throws SQLException {
    flush().exceptionally(reportedAlready -> null).join();
    synchronized (this) { // no submit is between its check and its execute
      thread.shutdown();
    }
    writes.close(); // the flush above was the writer's last use of them
  }

  /** @throws IllegalStateException once closed: the write would wait for a writer that is gone */
  private synchronized void submit(int rows, Consumer<WriteStatements> op) {
    if (thread.isShutdown()) {
      throw new IllegalStateException("crawl.db is closed");
    }
    pending.add(op);
    rowsWaiting += rows;
    pendingRows += rows;
    if (!drainScheduled) {
      drainScheduled = true;
      runs.execute(this::drain);
    }
  }

  private void drain() {
    List<Consumer<WriteStatements>> batch;
    List<CompletableFuture<Void>> flushed;
    long rows;
    synchronized (this) {
      batch = new ArrayList<>(pending);
      pending.clear();
      rows = pendingRows;
      pendingRows = 0;
      flushed = new ArrayList<>(flushes);
      flushes.clear();
      drainScheduled = false;
    }
    try {
      for (Consumer<WriteStatements> op : batch) {
        op.accept(writes);
      }
      db.commit();
    } catch (Error e) { // out of memory, say: the rows still count out and the flushes fail below
      lose(e, e.toString());
      throw e;
    } catch (RuntimeException | SQLException e) {
      LOG.debug("crawl.db write failed", e);
      lose(e, e.getCause() instanceof SQLException sql ? sql.getMessage() : e.getMessage());
    } finally {
      synchronized (this) { // before the flushes complete: a crawl waiting on one reads the count next
        rowsWaiting -= rows;
      }
      for (CompletableFuture<Void> f : flushed) { // only now is everything before them durable, or not
        if (lost == null) {
          f.complete(null);
        } else {
          f.completeExceptionally(lost);
        }
      }
    }
  }

  /**
   * Undoes a batch that failed part way: left in the transaction, or in a statement's batch, its
   * rows would be committed with the next one (a close's flush too), the batched ones bound to the
   * failed page's id.
   */
  private void lose(Throwable e, String why) {
    if (lost == null) {
      lost = new IllegalStateException("crawl.db write failed: " + why, e);
    }
    try {
      db.rollback();
      writes.clearBatches();
    } catch (SQLException ignored) {
      // the connection is gone; the failure above says what matters
    }
  }

  private static void insertQueued(WriteStatements w, List<PageRecord.QueuedUrl> urls) {
    insertQueued(w.queue(), urls, null);
  }

  /** @param sitemap the sitemap that lists them, a third parameter of {@code s}; null for none */
  private static void insertQueued(PreparedStatement s, List<PageRecord.QueuedUrl> urls, String sitemap) {
    if (urls.isEmpty()) {
      return;
    }
    try {
      int batched = 0;
      for (PageRecord.QueuedUrl u : urls) { // a sitemap's 50,000 come at once
        if (batched == BATCH_ROWS) {
          s.executeBatch();
          batched = 0;
        }
        s.setString(1, u.url());
        s.setInt(2, u.depth());
        if (sitemap != null) {
          s.setString(3, sitemap);
        }
        s.addBatch();
        batched++;
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(WriteStatements w, PageRecord p) {
    try {
      long id = updatePage(w.page(), p);
      if (id < 0) {
        if (p.links().isEmpty() && p.embeds().isEmpty()) {
          return;
        }
        throw new IllegalStateException("crawl.db has no row for " + p.url());
      }
      // Always, even with nothing new: a page refetched without links (or gone, or a redirect now)
      // keeps none of its old ones. An indexed DELETE of no rows costs microseconds.
      replace(w.deleteLinks(), w.link(), id, p.links(), CrawlDbWriter::bindLink);
      replace(w.deleteEmbeds(), w.embed(), id, p.embeds(), CrawlDbWriter::bindEmbed);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return the page's id, or -1 if crawl.db has no row for it */
  private static long updatePage(PreparedStatement s, PageRecord p) throws SQLException {
    bind(s, p.state().column(), p.status(), p.errorKind(), p.message(), p.contentType(), p.bytes(),
        p.fetchMillis(), p.fetchedAtMillis(), p.contentHash(), p.simhash(), p.title(), p.duplicateOf(),
        p.canonical(), p.redirectTo(), p.seq(), p.indexed() ? 1 : 0, p.anchors(), p.nonHttpLinks(),
        p.validators().etag(), p.validators().lastModified(),
        p.unavailableAfterMillis() == 0 ? null : p.unavailableAfterMillis(), p.url());
    try (ResultSet rs = s.executeQuery()) { // closing it resets the statement for the next page
      return rs.next() ? rs.getLong(1) : -1;
    }
  }

  /** Binds one row's columns after the page's id, which is parameter 1. */
  private interface RowBinder<T> {
    void bind(PreparedStatement s, T row) throws SQLException;
  }

  /** A re-fetched page replaces its rows. */
  private static <T> void replace(PreparedStatement delete, PreparedStatement insert, long from,
      List<T> rows, RowBinder<T> binder) throws SQLException {
    delete.setLong(1, from);
    delete.executeUpdate();
    int batched = 0;
    for (T row : rows) {
      if (batched == BATCH_ROWS) {
        insert.executeBatch();
        batched = 0;
      }
      insert.setLong(1, from);
      binder.bind(insert, row);
      insert.addBatch();
      batched++;
    }
    if (batched > 0) {
      insert.executeBatch();
    }
  }

  private static void bindLink(PreparedStatement s, PageRecord.LinkRecord l) throws SQLException {
    s.setString(2, l.to());
    s.setString(3, l.fragment());
    s.setString(4, l.anchor());
    if (l.line() > 0) {
      s.setInt(5, l.line());
    } else {
      s.setNull(5, Types.INTEGER); // not tracked in this crawl
    }
    s.setInt(6, l.nofollow() ? 1 : 0);
  }

  private static void bindEmbed(PreparedStatement s, PageRecord.EmbedRecord e) throws SQLException {
    s.setString(2, e.to());
    s.setString(3, e.element());
    s.setString(4, e.alt().isEmpty() ? null : e.alt());
    s.setInt(5, e.line());
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
