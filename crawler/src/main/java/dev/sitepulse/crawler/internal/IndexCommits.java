package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.index.IndexedPage;
import dev.sitepulse.crawler.index.PageIndex;
import dev.sitepulse.crawler.store.CrawlDb;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Keeps the index and crawl.db in step across a crash. Each handled page gets a sequence number
 * under one lock with its index update and its crawl.db record; a commit flushes crawl.db first
 * and then stores the last sequence in the Lucene commit. On resume, pages recorded with a higher
 * sequence were never committed to the index and are fetched again; nothing committed is.
 *
 * <p>The lock is held only to read the last sequence, not through the commit: pages handled
 * meanwhile get higher numbers, and should the commit take some of them along, a resume fetches
 * them again and replaces their documents by URL. A crawl without an index (a link check) has a
 * null index, and a commit just flushes crawl.db.
 */
final class IndexCommits {

  static final String SEQ = "sitepulse.seq";

  private final PageIndex index;
  private final CrawlDb db;
  private final Object lock = new Object();
  private final Object commitLock = new Object();
  private final java.util.concurrent.atomic.AtomicLong seq = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong sinceCommit = new java.util.concurrent.atomic.AtomicLong();
  private long committed; // guarded by commitLock

  IndexCommits(PageIndex index, CrawlDb db, long lastSeq) {
    this.index = index;
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

  /** Indexes {@code doc} (null: nothing to index) and records the page with its sequence number. */
  void add(IndexedPage doc, LongConsumer record) {
    synchronized (lock) {
      if (doc != null) {
        index.upsert(doc);
      }
      record.accept(seq.incrementAndGet());
      sinceCommit.incrementAndGet();
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
      long pages;
      synchronized (lock) { // every page numbered up to last is now in the index and queued to db
        last = seq.get();
        pages = sinceCommit.get();
      }
      if (last == committed) {
        return;
      }
      db.flush().join();
      if (index != null) {
        index.commit(Map.of(SEQ, Long.toString(last)));
      }
      committed = last;
      sinceCommit.addAndGet(-pages);
    }
  }

  /**
   * Numbers a page that is recorded but never indexed (a redirect, an error, a PDF). Lock-free, so
   * the event loop never waits for a commit: only indexed pages are checked against the commit.
   */
  long nextSeq() {
    return seq.incrementAndGet();
  }
}
