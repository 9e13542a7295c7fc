package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.index.IndexLag;
import dev.sitepulse.crawler.index.IndexedPage;
import dev.sitepulse.crawler.index.PageIndex;
import dev.sitepulse.crawler.store.CrawlDb;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongConsumer;

/**
 * Keeps the index and crawl.db in step across a crash. Each handled page gets a sequence number,
 * its index update and its crawl.db record under the shared side of a read-write lock; a commit
 * takes the exclusive side just long enough to read the last sequence, which waits out every page
 * in progress, so every page numbered up to it is in the index and queued to crawl.db. It then
 * flushes crawl.db and stores that sequence in the Lucene commit. On resume, pages recorded with
 * a higher sequence were never committed to the index and are fetched again; nothing committed is.
 *
 * <p>Pages share the lock because indexing is a third of a crawl's CPU time: with one plain lock,
 * a parser that finished its page waited for the other's Lucene update instead of running on its
 * own core. Pages handled while the commit runs get higher numbers, and should the commit take
 * some of them along, a resume fetches them again and replaces their documents by URL. A crawl
 * without an index (a link check) has a null index, and a commit just flushes crawl.db.
 *
 * <p>"Every page numbered up to it" means every page with a document. A page without one (a
 * redirect, an error) is numbered by {@link #nextSeq} on the event loop and recorded just after,
 * outside the lock, so a commit may count its number before its row is queued. That loses
 * nothing: its row is still 'fetching', which a resume queues again.
 */
final class IndexCommits {

  static final String SEQ = IndexLag.SEQ;

  /**
   * The index refused a page's change: a full disk, or a writer Lucene closed after such a failure.
   * That is the crawl's failure, not the page's: recorded as the page's, every page after it would
   * be failed for good, and a resume would not fetch them again.
   */
  static final class IndexWriteFailed extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    IndexWriteFailed(RuntimeException cause) {
      super("index write failed: " + cause.getMessage(), cause);
    }
  }

  private final PageIndex index;
  private final Executor helper;
  private final CrawlDb db;
  private final ReadWriteLock pages = new ReentrantReadWriteLock();
  private final Object commitLock = new Object();
  private final AtomicLong seq = new AtomicLong();
  private final AtomicLong sinceCommit = new AtomicLong();
  private long committed; // guarded by commitLock

  /** @param helper runs part of each commit's work, to use a core the crawl leaves idle */
  IndexCommits(PageIndex index, CrawlDb db, long lastSeq, Executor helper) {
    this.index = index;
    this.helper = helper;
    this.db = db;
    this.seq.set(lastSeq);
    this.committed = lastSeq;
  }

  /** The last sequence the index holds; without an index, everything recorded stands. */
  static long committedSeq(PageIndex index) {
    if (index == null) {
      return Long.MAX_VALUE;
    }
    String value = index.lastCommitData().get(SEQ);
    return value == null ? 0 : Long.parseLong(value);
  }

  /**
   * Removes the documents of pages that crawl.db recorded as having none after the index's last
   * commit (see {@link CrawlDb#withoutDocumentSince}), and commits up to {@code lastSeq}: call it
   * once crawl.db has queued again the indexed pages past that commit, so that everything numbered
   * up to {@code lastSeq} is then in the index or queued.
   */
  static void removeAgain(PageIndex index, List<String> urls, long lastSeq) {
    if (!urls.isEmpty()) {
      urls.forEach(index::delete);
      index.commit(Map.of(SEQ, Long.toString(lastSeq)));
    }
  }

  /** Indexes {@code doc} (null: nothing to index) and records the page with its sequence number. */
  void add(IndexedPage doc, LongConsumer record) {
    change(doc == null ? null : () -> index.upsert(doc), record);
  }

  /**
   * Removes the document of {@code url}, which an earlier crawl indexed, and records the page.
   * Takes the lock, unlike {@link #nextSeq}: call it from a worker, never the event loop.
   */
  void remove(String url, LongConsumer record) {
    change(index == null ? null : () -> index.delete(url), record);
  }

  private void change(Runnable indexChange, LongConsumer record) {
    pages.readLock().lock();
    try {
      long number = seq.incrementAndGet();
      if (indexChange != null) {
        try {
          indexChange.run();
        } catch (RuntimeException e) {
          throw new IndexWriteFailed(e);
        }
      }
      record.accept(number);
      sinceCommit.incrementAndGet();
    } finally {
      pages.readLock().unlock();
    }
  }

  /** Lock-free: the event loop asks, and must not wait for a commit in progress. */
  long pagesSinceCommit() {
    return sinceCommit.get();
  }

  /** Makes everything added so far durable; runs on an indexing worker, never the event loop. */
  void commit() {
    synchronized (commitLock) {
      long last;
      long added;
      // Waits out the pages in progress: all numbered up to last are in the index and queued to db.
      pages.writeLock().lock();
      try {
        last = seq.get();
        added = sinceCommit.get();
      } finally {
        pages.writeLock().unlock();
      }
      // Flushed though no page was numbered since the last commit: a batch that failed meanwhile
      // (a stop's putting the fetches it cut back in the queue) is said, not dropped at close.
      try {
        db.flush().join();
      } catch (CompletionException e) { // crawl.db lost a batch: the index must not count its pages
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
      if (last == committed) {
        return;
      }
      if (index != null) {
        flushOnTwoThreads();
        index.commit(Map.of(SEQ, Long.toString(last)));
      }
      committed = last;
      sinceCommit.addAndGet(-added);
    }
  }

  /**
   * IndexWriter keeps a buffer per thread that indexed (each parser), and a commit writes them out
   * one after another on its own thread. The helper writes one meanwhile: at the end of a crawl
   * its core would otherwise idle. On the Python docs, the 500-page commit's buffers took 70 and
   * 160 ms; written in turn, they held up the end of the crawl 40 ms longer. A helper still busy
   * with pages never gets to it, and the commit, which waits for a flush under way, writes both.
   */
  private void flushOnTwoThreads() {
    CompletableFuture<Boolean> helped = CompletableFuture.supplyAsync(index::flushBuffer, helper);
    index.flushBuffer();
    helped.cancel(false); // if not started, it never runs: a later flush would make a tiny segment
  }

  /**
   * Numbers a page that is recorded but never indexed (a redirect, an error, a PDF). Lock-free, so
   * the event loop never waits for a commit: only indexed pages are checked against the commit.
   */
  long nextSeq() {
    return seq.incrementAndGet();
  }
}
