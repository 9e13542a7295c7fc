package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Pages an earlier run indexed, queued again (a refresh, or a resume of pages left in flight),
 * whose bytes copies fetched now are duplicates of before the original itself is fetched again.
 * Its body hash is claimed from the start, so that a copy fetched whole is the duplicate even when
 * the original's 304 comes after it; should the original then not keep those bytes (changed, gone,
 * noindex now), it gives them up and the copies found meanwhile are fetched again to index their
 * own text. A page whose document in the index may be made from other bytes (a refresh killed
 * before committing its new text, over a document that records no hash of its bytes) keeps them
 * only by being indexed with them again: a fetch that fails keeps that document, not the bytes. Thread-safe: parse workers add copies, the loop and workers
 * settle; one lock.
 */
final class RefreshedOriginals {

  /**
   * The bytes an original held, whether its document in the index is made from them, and the
   * copies of them found before it settled.
   */
  private record Pending(String contentHash, boolean documentOfTheseBytes, List<QueuedUrl> copies,
      List<ChangedCopy> changedCopies) {}

  /** A copy of the original's bytes in the run before, found with {@code contentHash} now. */
  private record ChangedCopy(String contentHash, QueuedUrl copy) {}

  private final Map<String, Pending> pending = new HashMap<>();

  /**
   * {@code url}, holding {@code contentHash}, is to be fetched again; before the loop starts.
   *
   * @param documentOfTheseBytes false when the index's document of the page is an earlier run's
   *     that records no hash of its bytes: made from other bytes, perhaps
   */
  synchronized void queued(String url, String contentHash, boolean documentOfTheseBytes) {
    pending.put(url, new Pending(contentHash, documentOfTheseBytes, new ArrayList<>(0), new ArrayList<>(0)));
  }

  /**
   * Whether {@code original} is still to settle, and {@code copy} was put down to be fetched again
   * should it not keep its bytes. False: it has settled (its bytes are then its own, or free).
   */
  synchronized boolean copied(String original, QueuedUrl copy) {
    Pending p = pending.get(original);
    if (p == null) {
      return false;
    }
    p.copies().add(copy);
    return true;
  }

  /**
   * Whether {@code original} is still to settle, and {@code copy}, its duplicate in the run
   * before, found now with other bytes ({@code contentHash}) that no page holds yet, was put down
   * as its duplicate again: both may have changed alike, and the page indexed before stays the
   * one indexed whichever of the two is fetched first. Should {@code original} not be indexed with
   * those bytes, the copy is fetched again. False: it has settled, and the bytes go to whoever
   * claims them first.
   */
  synchronized boolean changedCopy(String original, String contentHash, QueuedUrl copy) {
    Pending p = pending.get(original);
    if (p == null) {
      return false;
    }
    p.changedCopies().add(new ChangedCopy(contentHash, copy));
    return true;
  }

  /**
   * {@code url} was fetched again and parsed ({@link PageWork}): the document made now replaces the
   * one it had, or none does (noindex, a duplicate, a page deferring to its canonical) and that one
   * goes. It keeps the bytes it held only when indexed with them again; else {@code free} is given
   * their hash, under this lock, and the copies found meanwhile are returned, to be fetched again,
   * as are the {@linkplain #changedCopy changed copies} of bytes other than those it is indexed with.
   *
   * @param indexedHash the hash of the bytes its document is made from now, or null when none is
   */
  synchronized List<QueuedUrl> settledParsed(String url, String indexedHash, Consumer<String> free) {
    Pending p = pending.get(url);
    return settle(url, p != null && p.contentHash().equals(indexedHash), indexedHash, free);
  }

  /**
   * {@code url} was handled without a parse ({@link UnparsedPages}: a failure, a 304, an answer not
   * HTML or not a 2xx, a redirect, a page robots.txt now disallows): no document is made, and the
   * one it had stays only where what went wrong may pass ({@code keptDocument}). It keeps the bytes
   * it held only when it keeps a document made from them, which a refresh killed before its commit
   * may have left made from other bytes; else as {@link #settledParsed}. Its changed copies are
   * fetched again: no document is made of their bytes.
   */
  synchronized List<QueuedUrl> settledUnparsed(String url, boolean keptDocument, Consumer<String> free) {
    Pending p = pending.get(url);
    return settle(url, keptDocument && p != null && p.documentOfTheseBytes(), null, free);
  }

  /**
   * Under the lock: frees the bytes {@code url} held unless it {@code keptBytes}, and returns the
   * copies found meanwhile that it no longer holds the bytes of.
   */
  private List<QueuedUrl> settle(String url, boolean keptBytes, String indexedHash, Consumer<String> free) {
    Pending p = pending.remove(url);
    if (p == null) {
      return List.of();
    }
    List<QueuedUrl> again = new ArrayList<>(0);
    if (!keptBytes) {
      free.accept(p.contentHash());
      again.addAll(p.copies());
    }
    for (ChangedCopy c : p.changedCopies()) {
      if (!c.contentHash().equals(indexedHash)) {
        again.add(c.copy());
      }
    }
    return again;
  }
}
