package dev.sitepulse.crawler.politeness;

/**
 * How long one host's 429s and 503s have held it back, and until when its latest wait runs: a wait
 * that overlaps one under way adds only what runs past it, so that two pages answered 429 at once
 * hold their host back once. One that would take the host past --max-backoff gives it up. Not
 * thread-safe: its owner keeps it to one thread, or locks.
 */
public final class HostHold {

  private final long maxNanos;
  private long heldNanos;
  /** When the latest wait ends; meaningful once {@link #holding}. */
  private long until;
  private boolean holding;
  private boolean givenUp;

  /** @param maxNanos how long the host may be held back in all (--max-backoff) */
  public HostHold(long maxNanos) {
    this.maxNanos = maxNanos;
  }

  /**
   * Holds the host back until {@code until}, both System.nanoTime() values, unless that would take
   * it past --max-backoff in all: then the host is given up on, and this says so.
   *
   * @return whether the host is held, not given up on
   */
  public boolean holdUntil(long now, long until) {
    // nanoTime values compare by their difference: either may have wrapped past Long.MAX_VALUE.
    long from = holding && this.until - now > 0 ? this.until : now;
    long added = Math.max(0, until - from);
    if (heldNanos + added > maxNanos) {
      givenUp = true;
      return false;
    }
    heldNanos += added;
    if (!holding || until - this.until > 0) {
      this.until = until;
    }
    holding = true;
    return true;
  }

  public boolean givenUp() {
    return givenUp;
  }

  /** Gives the host up for a wait asked of another read than this hold's (a sitemap's, a robots.txt's). */
  void giveUp() {
    givenUp = true;
  }
}
