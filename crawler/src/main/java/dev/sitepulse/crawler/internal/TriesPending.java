package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.store.CrawlDb;
import java.util.HashSet;
import java.util.Set;

/**
 * URLs whose fetch got no answer to keep (a network failure, a 429 or 503) and that are to be tried
 * again: crawl.db has them in flight from that fetch until the next one starts. The crawl's end
 * (its page limit, a stop, a host given up on) may come first: then they are left queued in
 * crawl.db, as if never fetched, for a later run, and named, so that a link check reports them as
 * not checked rather than skip them as it skips the URLs the limit never reached. Touched only on
 * the event loop; few at a time, those waiting out a retry or a back-off.
 */
final class TriesPending {

  private final CrawlDb db;
  private final Set<String> pending = new HashSet<>();

  TriesPending(CrawlDb db) {
    this.db = db;
  }

  /** {@code url}'s fetch got nothing to keep, and it is queued to be tried again. */
  void toTryAgain(String url) {
    pending.add(url);
  }

  /** {@code url}'s next fetch starts (or it is recorded otherwise): it is tried again after all. */
  void tried(String url) {
    pending.remove(url);
  }

  /**
   * The crawl ends: the URLs not tried again go back to the queue in crawl.db, and are returned,
   * no longer pending.
   */
  Set<String> leaveQueued() {
    pending.forEach(db::markQueuedAgain);
    Set<String> cut = Set.copyOf(pending);
    pending.clear();
    return cut;
  }
}
