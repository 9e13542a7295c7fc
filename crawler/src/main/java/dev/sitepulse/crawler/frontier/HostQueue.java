package dev.sitepulse.crawler.frontier;

import java.util.ArrayDeque;

/**
 * The URLs waiting for one host (StormCrawler's FetchItemQueue idea), with the politeness state
 * that decides when the next may go: a delay between fetches, a cap on parallel fetches, and a
 * hold while robots.txt is being read. URLs queued again (a retry, a back-off's URL) go before
 * the new ones: a page finishes its tries before the host's other pages are begun, so a host that
 * has stopped answering is seen as such after a few pages, not after every page was tried once.
 */
final class HostQueue {

  final String origin; // scheme://host:port, shared by every queued path
  private final PackedUrlQueue urls = new PackedUrlQueue();
  /** Queued again; null until a URL is, as most hosts never need it. */
  private ArrayDeque<PackedUrlQueue.Entry> again;
  long delayNanos;
  long nextFetchNanos;
  long previousNextFetchNanos;
  int inFlight;
  boolean held;
  /** Held back by a 429 or 503 until backedOffUntilNanos: which answer, and whether it said how long. */
  boolean backedOff;
  long backedOffUntilNanos;
  int backedOffStatus;
  boolean backedOffRetryAfter;
  /** Given up on for this crawl: nothing more is queued for it. */
  boolean abandoned;

  HostQueue(String origin, long delayNanos) {
    this.origin = origin;
    this.delayNanos = delayNanos;
  }

  void add(int depth, String path) {
    urls.add(depth, path);
  }

  void addAgain(int depth, String path) {
    if (again == null) {
      again = new ArrayDeque<>();
    }
    again.add(new PackedUrlQueue.Entry(depth, path));
  }

  /** The next URL: one queued again first, else the next new one. */
  PackedUrlQueue.Entry poll() {
    return again != null && !again.isEmpty() ? again.poll() : urls.poll();
  }

  boolean isEmpty() {
    return urls.isEmpty() && (again == null || again.isEmpty());
  }

  int size() {
    return urls.size() + (again == null ? 0 : again.size());
  }

  void clear() {
    urls.clear();
    again = null;
  }

  boolean readyAt(long now, int perHost) {
    return !held && !isEmpty() && inFlight < perHost && now >= nextFetchNanos;
  }
}
