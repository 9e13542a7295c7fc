package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.politeness.FetchRetries;
import dev.sitepulse.pinger.FetchResult;
import java.time.Duration;

/**
 * When a host's robots.txt or sitemap is read again ({@link FetchRetries#readRetryWait}): a 429's
 * or 503's wait counts against the host's --max-backoff, which its robots.txt, sitemaps and pages
 * share, and a wait past it gives the host up, counted and said as a page's is. One path for both
 * reads, lest a robots.txt's be said as one that could not be read.
 */
final class ReadRetries {

  /** Gives up on a host whose 429s or 503s would hold the crawl back past --max-backoff in all. */
  @FunctionalInterface
  interface BackedOffTooLong {
    void giveUp(String origin, int status);
  }

  private final FetchRetries retries;
  private final Duration maxBackoff;
  private final Frontier frontier;
  private final BackedOffTooLong backedOffTooLong;

  ReadRetries(FetchRetries retries, Duration maxBackoff, Frontier frontier, BackedOffTooLong backedOffTooLong) {
    this.retries = retries;
    this.maxBackoff = maxBackoff;
    this.frontier = frontier;
    this.backedOffTooLong = backedOffTooLong;
  }

  /**
   * How long to wait before reading again, or null to take this read as final; a 429 or 503 backs
   * its host off for the wait, or, when the wait would pass the host's budget (this read's waits,
   * or the host's in all), gives it up.
   * A read out of tries is only final, as a page's is.
   *
   * @param mayPass whether the answer is one a read may pass after a wait (see readRetryWait)
   * @param now the loop's time (System.nanoTime() but in a test)
   */
  Duration after(String origin, FetchResult r, boolean mayPass, int tries, Duration waited, long now) {
    Duration wait = FetchRetries.readRetryWait(r, mayPass, tries, waited, maxBackoff);
    if (!mayPass || !FetchRetries.asksToWait(r)) {
      return wait;
    }
    if (wait == null) {
      if (FetchRetries.outOfReadTries(tries)) {
        return null;
      }
    } else if (retries.holdsForRead(origin, now, wait)) {
      // Backed off as for a page's 429 or 503: its pages wait too, and progress names the wait.
      frontier.backoff(origin, now + wait.toNanos(), r.status(), r.retryAfter() != null);
      return wait;
    }
    retries.giveUp(origin); // the budget spent for its pages too: those under way are left for later
    if (!frontier.abandoned(origin)) { // given up on by its pages while this read was under way
      backedOffTooLong.giveUp(origin, r.status());
    }
    return null;
  }
}
