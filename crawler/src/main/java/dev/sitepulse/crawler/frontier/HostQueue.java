package dev.sitepulse.crawler.frontier;

/**
 * The URLs waiting for one host (StormCrawler's FetchItemQueue idea), with the politeness state
 * that decides when the next may go: a delay between fetches, a cap on parallel fetches, and a
 * hold while robots.txt is being read.
 */
final class HostQueue {

  final String origin; // scheme://host:port, shared by every queued path
  final PackedUrlQueue urls = new PackedUrlQueue();
  long delayNanos;
  long nextFetchNanos;
  long previousNextFetchNanos;
  int inFlight;
  boolean held;
  /** Given up on for this crawl: nothing more is queued for it. */
  boolean abandoned;

  HostQueue(String origin, long delayNanos) {
    this.origin = origin;
    this.delayNanos = delayNanos;
  }

  boolean readyAt(long now, int perHost) {
    return !held && !urls.isEmpty() && inFlight < perHost && now >= nextFetchNanos;
  }
}
