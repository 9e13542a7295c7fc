package dev.sitepulse.crawler.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * The crawl's durable state in SQLite (WAL): every URL with its state, every link. Reads run on the
 * caller's thread; writes are handed to one {@linkplain CrawlDbWriter writer thread}, SQLite's
 * single writer, and grouped into transactions.
 */
public final class CrawlDb implements AutoCloseable {

  /**
   * A URL read back at start-up; {@code prior} is null unless it is queued to be fetched again
   * and has validators, a document or an original it duplicated,
   * {@code contentHash} unless it is a page done in an earlier run and no duplicate, whose copies
   * this run must still find; in a search crawl, one indexed or deferring to its canonical (a
   * noindex page claims no bytes: its copy is indexed).
   */
  public record KnownUrl(String url, int depth, UrlState state, PriorFetch prior, String contentHash) {}

  /** Why a crawl refuses a database: adding our tables to it would change what is not ours. */
  public static final String ANOTHER_PROGRAMS =
      "not a sitepulse crawl.db: it holds another program's tables, and nothing in it is changed; give another --data";

  /** Who made an existing crawl.db, as one read-only look tells before a crawl opens it. */
  public enum Maker {
    /** A search crawl, or nobody can tell: a file that is no SQLite database (a damaged crawl.db). */
    CRAWL,
    /** A link check: it has no index for a search crawl to resume. */
    LINK_CHECK,
    /** Another program: tables, but no crawl's urls table. */
    ANOTHER_PROGRAM
  }

  /** The database's name in a crawl's data folder. */
  public static final String FILE_NAME = "crawl.db";

  private final Connection db;
  private final CrawlDbWriter writer;
  private final CanonicalLookup lookup;

  private CrawlDb(Connection db, CrawlDbWriter writer, Path file) {
    this.db = db;
    this.writer = writer;
    this.lookup = new CanonicalLookup(file);
  }

  public static CrawlDb open(Path file) throws SQLException {
    return open(file, false);
  }

  /** @param linkChecks whether a link check makes this crawl.db, which a search crawl must not resume */
  public static CrawlDb open(Path file, boolean linkChecks) throws SQLException {
    return open(file, linkChecks, UnaryOperator.identity());
  }

  /**
   * A connection that reads {@code file} as it is, for a report or a link check over a crawl that
   * may be running: nothing made, brought up to date or written, not even a WAL checkpoint.
   */
  public static Connection readOnly(Path file) throws SQLException {
    return CrawlDbSchema.readOnly(file);
  }

  /**
   * @param writerThread the writer's thread as given, or wrapped: a test holds its writes, as a slow
   *     disk would
   */
  public static CrawlDb open(Path file, boolean linkChecks, UnaryOperator<Executor> writerThread)
      throws SQLException {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (java.io.IOException e) {
      throw new SQLException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
    }
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try {
      CrawlDbSchema.prepare(c, linkChecks);
      c.setAutoCommit(false);
      c.commit();
      return new CrawlDb(c, new CrawlDbWriter(c, writerThread), file);
    } catch (SQLException e) {
      c.close(); // and with it any statement already prepared
      throw e;
    }
  }

  public static Maker makerOf(Path file) {
    return CrawlDbSchema.makerOf(file);
  }

  /**
   * Replaces the near-duplicate clusters of the last analysis with {@code clusters}, each a list of
   * page URLs, numbered from 1. Runs on the caller's connection and in its transaction, so that
   * {@code analyze} stores them with its ranks, all or nothing.
   */
  public static void replaceDuplicateClusters(Connection db, List<List<String>> clusters) throws SQLException {
    AnalysisTables.replaceDuplicateClusters(db, clusters);
  }

  /**
   * Records that {@code analyze} stored ranks and clusters at {@code at}, over {@code pages} pages,
   * read as {@code read} digests it ({@link AnalyzedCrawl}), replacing the record of the run
   * before, in the caller's transaction as the ranks are: a reader tells "never analyzed" from "no
   * clusters", and ranks of the crawl as it is from ranks of pages that changed, came or went since.
   */
  public static void recordAnalysis(Connection db, Instant at, long pages, CrawlDigest read) throws SQLException {
    AnalysisTables.recordAnalysis(db, at, pages, read);
  }

  /**
   * Prepares a resumed crawl: URLs left "fetching" by a killed run go back to the queue, and so do
   * pages whose index documents were not committed (seq beyond the index's last commit). Their
   * validators go: a 304 must not stand for a document the index never got.
   */
  public void resume(long committedSeq) throws SQLException {
    ResumeRepairs.resume(db, committedSeq);
  }

  /**
   * Pages recorded with a document after the index's last commit: a killed run indexed them, and
   * the index may not hold them ({@link #markWithoutDocument}), or hold what an earlier run did.
   */
  public List<String> indexedSince(long committedSeq) throws SQLException {
    return ResumeRepairs.indexedSince(db, committedSeq);
  }

  /**
   * Pages crawl.db says are indexed but the index does not hold, as a kill before the commit leaves
   * them: without a document until fetched again, so that a failed fetch keeps none, and their
   * copies, which would point at no document, are queued again
   * ({@link #queueAgainCopiesOfPagesWithoutTheirBytes}).
   */
  public void markWithoutDocument(List<String> urls) throws SQLException {
    ResumeRepairs.markWithoutDocument(db, urls);
  }

  /**
   * Pages a killed run indexed that the index's last commit holds an earlier run's document of,
   * with the hash of the bytes that document was made from: they hold those bytes again, not the
   * ones the killed run indexed and never committed (a refresh that found them changed), so that a
   * fetch that fails, keeping the document, keeps bytes it does hold, and their copies of the newer
   * bytes go back to the queue ({@link #queueAgainCopiesOfPagesWithoutTheirBytes}). The same
   * bytes, as a refresh that found the page unchanged leaves, stay as they are.
   */
  public void holdBytesOfCommittedDocuments(Map<String, String> contentHashes) throws SQLException {
    ResumeRepairs.holdBytesOfCommittedDocuments(db, contentHashes);
  }

  /**
   * URLs recorded without a document after the index's last commit: a refresh found them gone
   * (404, noindex, a redirect), but the process may have died before the commit that removed their
   * documents. Resuming removes them again; removing a document that is not there does nothing.
   */
  public List<String> withoutDocumentSince(long committedSeq) throws SQLException {
    return ResumeRepairs.withoutDocumentSince(db, committedSeq);
  }

  /**
   * rel=canonical is a hint. Pages that deferred to a canonical URL which then ended without a
   * document (not indexed, and no duplicate of a page that is) go back to the queue, without
   * validators, to index their own text. Returns those canonical URLs: a page that names one
   * again indexes its own text.
   */
  public List<String> queueAgainPagesOfCanonicalsWithoutDocument() throws SQLException {
    return Requeues.pagesOfCanonicalsWithoutDocument(db);
  }

  /**
   * Exact duplicates go back to the queue, without validators, when the page they copied no longer
   * holds their bytes: it changed, or ended without a document, after they were found (a crawl
   * queues them again at once, but ended, or was killed, before fetching them), or a killed run
   * recorded it indexed and the index never got it ({@link #markWithoutDocument}), or it deferred
   * to its canonical and is queued again (its bytes are no run's to watch: only an indexed page's
   * are, {@link #copiesOfQueuedPages}). Left as they are, their text would be in no document. A page that keeps a document a failed fetch left it
   * (no bytes on record) still holds them.
   */
  public void queueAgainCopiesOfPagesWithoutTheirBytes() throws SQLException {
    Requeues.copiesOfPagesWithoutTheirBytes(db);
  }

  /**
   * Whether {@code canonical}, which {@code variant} names, was fetched (by an earlier run, as far
   * as the writer has committed) and holds no text, as {@link #queueAgainPagesOfCanonicalsWithoutDocument}
   * judges: a page that defers to it would wait for ever, since a resume does not fetch it again.
   * Called from parse workers, for the few pages that defer to a canonical.
   */
  public boolean endedWithoutDocument(String canonical, String variant) throws SQLException {
    return lookup.endedWithoutDocument(canonical, variant);
  }

  /** A page that left its text to its canonical URL, which is still queued. */
  public record DeferredPage(String url, int depth, String canonical) {}

  /** Pages that deferred to a canonical URL not fetched yet: they wait for it to be indexed. */
  public List<DeferredPage> pagesAwaitingCanonical() throws SQLException {
    return WaitingPages.awaitingCanonical(db);
  }

  /** An exact duplicate done in an earlier run, of a page queued to be fetched again. */
  public record CopyOfQueued(String url, int depth, String original) {}

  /**
   * Exact duplicates an earlier run recorded of pages now queued again (a killed refresh found
   * them before their original came): should the original not keep their bytes, they are fetched
   * again, as copies found in this run are.
   */
  public List<CopyOfQueued> copiesOfQueuedPages() throws SQLException {
    return WaitingPages.copiesOfQueuedPages(db);
  }

  /**
   * Queues every known URL again, for a refresh; what their last fetch left stays, but for the
   * validators of pages that left their text to a canonical: fetched whole, they wait on it
   * again, and index their own text should it have none now. A 304 would leave them out.
   */
  public void queueAllAgain() throws SQLException {
    Requeues.queueAllAgain(db);
  }

  /**
   * Every URL crawl.db knows, in the order it learnt them.
   *
   * @param indexes whether the crawl indexes: then only indexed pages and those deferring to a
   *     canonical hold their bytes
   */
  public List<KnownUrl> knownUrls(boolean indexes) throws SQLException {
    return StartReads.knownUrls(db, indexes);
  }

  /**
   * The Content-Type a URL an earlier run fetched as a seed (depth 0) answered 200 with, or null:
   * a resume reads a seed that was a sitemap again, which it does not fetch as a page. Null for
   * one queued or being fetched (a refresh keeps the status and type of what it queues again):
   * that is read when it is fetched, and reading it now too would fetch it twice.
   */
  public String seedContentType(String url) throws SQLException {
    return StartReads.seedContentType(db, url);
  }

  /**
   * Queued URLs that pages embed other than as {@code frames} and no page links to: resources a
   * link check fetches without parsing them. Empty where no link check wrote.
   */
  public List<String> queuedResources(Set<String> frames) throws SQLException {
    return StartReads.queuedResources(db, frames);
  }

  /**
   * What a crawl left to fetch in {@code file}: URLs queued or left in flight, and the first of
   * {@code seeds} it does not know (null if none).
   */
  public record Unfinished(long queuedOrFetching, String unknownSeed) {}

  /**
   * Reads what the crawl in {@code file} left unfinished without opening it for a crawl: a
   * crawl.db from an earlier version is not brought up to date, so one a caller then refuses to
   * touch is left exactly as it was.
   */
  public static Unfinished unfinished(Path file, List<String> seeds) throws SQLException {
    return StartReads.unfinished(file, seeds);
  }

  /** The highest seq recorded, so a resumed crawl numbers its pages after it. */
  public long maxSeq() throws SQLException {
    return StartReads.maxSeq(db);
  }

  public void enqueue(List<PageRecord.QueuedUrl> urls) {
    writer.enqueue(urls);
  }

  /** URLs that {@code sitemap} lists, queued: the sitemap is kept with each, as what led to it. */
  public void enqueueFromSitemap(List<PageRecord.QueuedUrl> urls, String sitemap) {
    writer.enqueueFromSitemap(urls, sitemap);
  }

  public void markFetching(String url) {
    writer.markFetching(url);
  }

  /**
   * A URL fetched to no avail, left for a later run as if never fetched: what its last fetch by an
   * earlier run left (validators, document) stays.
   */
  public void markQueuedAgain(String url) {
    writer.markQueuedAgain(url);
  }

  /**
   * A URL not fetched, or whose fetch brought nothing new (a 304 after its unavailable_after
   * date): recorded as {@code seq}, without a document or validators.
   */
  public void markSkipped(String url, UrlState state, String message, long seq) {
    writer.markSkipped(url, state, message, seq);
  }

  /** A 304 Not Modified: the page, its document and its links stand; only the fetch is new. */
  public void markUnchanged(String url, double fetchMillis) {
    writer.markUnchanged(url, fetchMillis);
  }

  public void record(PageRecord page) {
    writer.record(page, List.of());
  }

  /**
   * As {@link #record}, with URLs done before queued again in the same transaction, as
   * {@link #markQueuedAgain} would: the copies of bytes a page that keeps a document of other bytes
   * gave up. Written apart, a kill between the two would leave them its duplicates, their text in
   * no document, and no resume would queue them.
   */
  public void record(PageRecord page, List<String> queuedAgain) {
    writer.record(page, List.copyOf(queuedAgain));
  }

  /**
   * Rows handed to the writer and not yet committed: each held in memory until then. The crawl starts
   * no fetch while too many wait, as when the disk is slow.
   */
  public long rowsWaiting() {
    return writer.rowsWaiting();
  }

  /**
   * Completes once every write submitted before it is committed; completes exceptionally, naming
   * the cause, if any batch before it could not be written (the writer goes on with later ones).
   */
  public CompletableFuture<Void> flush() {
    return writer.flush();
  }

  @Override
  public void close() throws SQLException {
    try {
      writer.close();
    } finally {
      try {
        db.close();
      } finally {
        lookup.close();
      }
    }
  }
}
