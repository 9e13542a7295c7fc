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
  /** Whether {@link #delayNanos} is the host's robots.txt Crawl-delay rather than the crawl's --delay. */
  boolean crawlDelay;
  /**
   * System.nanoTime() before which the host's next fetch may not start, once {@link #timed}. Its
   * values are compared by their difference only, as nanoTime's origin is arbitrary: any value,
   * negative ones too, may be the present, and a sum past Long.MAX_VALUE wraps to a later time.
   */
  private long nextFetchNanos;
  /** Whether a fetch or a back-off has set nextFetchNanos: a host never fetched may go at once. */
  private boolean timed;
  /**
   * A fetch booked outside the queue (a sitemap) starts at bookedStartNanos: the host's pages wait
   * a delay past it, kept apart from nextFetchNanos so that a booking dropped unused takes back
   * only its own wait.
   */
  boolean booked;
  long bookedStartNanos;
  private long previousNextFetchNanos;
  private boolean previousTimed;
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
    return !held && !isEmpty() && inFlight < perHost && (!waitsForTime() || now - nextFetchNanos() >= 0);
  }

  /** Whether the host has URLs and a fetch free, and waits for time alone, at {@code now}. */
  boolean waitsOnTimeAt(long now, int perHost) {
    return !held && !isEmpty() && inFlight < perHost && waitsForTime() && nextFetchNanos() - now > 0;
  }

  /** When the host's next page may start: its delay after its last fetch, back-off or booking. */
  long nextFetchNanos() {
    if (!booked) {
      return nextFetchNanos;
    }
    long afterBooking = bookedStartNanos + delayNanos;
    return timed ? later(nextFetchNanos, afterBooking) : afterBooking;
  }

  /** Whether a fetch, a back-off or a booking set a time before which the next fetch waits. */
  private boolean waitsForTime() {
    return timed || booked;
  }

  /** A fetch outside the queue starts at {@code start}: the host's pages wait a delay past it. */
  void book(long start) {
    booked = true;
    bookedStartNanos = start;
  }

  /** The booked fetch is over at {@code now}, or was not made (with {@code fetched} false). */
  void bookingOver(long now, boolean fetched) {
    booked = false;
    if (fetched) {
      notBefore(now + delayNanos);
    }
  }

  /** A fetch starts at {@code now}: the next waits the delay from then. {@link #takeBack} undoes it. */
  void started(long now) {
    previousNextFetchNanos = nextFetchNanos;
    previousTimed = timed;
    nextFetchNanos = now + delayNanos;
    timed = true;
  }

  /** Undoes the last {@link #started}: the fetch did not happen. */
  void takeBack() {
    nextFetchNanos = previousNextFetchNanos;
    timed = previousTimed;
  }

  /** The next fetch starts no sooner than {@code nanos}; a later time already set stands. */
  void notBefore(long nanos) {
    nextFetchNanos = timed ? later(nextFetchNanos, nanos) : nanos;
    timed = true;
  }

  /** The time a fetch asked for at {@code now} may start: now, or the host's next fetch if later. */
  long startAt(long now) {
    return waitsForTime() ? later(now, nextFetchNanos()) : now;
  }

  /** The later of two System.nanoTime() values. */
  static long later(long a, long b) {
    return a - b >= 0 ? a : b;
  }
}
