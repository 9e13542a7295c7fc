package dev.sitepulse.crawler.internal;

/**
 * How long one host's 429s and 503s have held it back, and until when its latest wait runs: a wait
 * that overlaps one under way adds only what runs past it, so that two pages answered 429 at once
 * hold their host back once. One that would take the host past --max-backoff gives it up. Not
 * thread-safe: its owner keeps it to one thread, or locks.
 */
public final class HostHold {

  private final long maxNanos;
  private long heldNanos;
  private long until = Long.MIN_VALUE;
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
    long added = Math.max(0, until - Math.max(now, this.until));
    if (heldNanos + added > maxNanos) {
      givenUp = true;
      return false;
    }
    heldNanos += added;
    this.until = Math.max(this.until, until);
    return true;
  }

  public boolean givenUp() {
    return givenUp;
  }
}
