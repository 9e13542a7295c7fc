package dev.sitepulse.crawler.links;

import dev.sitepulse.crawler.internal.FetchRetries;
import dev.sitepulse.crawler.internal.HostHold;
import dev.sitepulse.pinger.FetchResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How long each origin's 429s and 503s have held it back while pages are read for their ids,
 * counted as the crawl counts them: a wait that overlaps one under way adds only what runs past
 * it. One that would pass --max-backoff in all gives the origin up, as the crawl gives up on such
 * a host.
 */
final class HostHolds {

  private final long maxNanos;
  private final LongSupplier nanoTime;
  private final Map<String, HostHold> byOrigin = new HashMap<>();

  /** @param nanoTime the clock, System.nanoTime() but in a test */
  HostHolds(Duration maxBackoff, LongSupplier nanoTime) {
    this.maxNanos = maxBackoff.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * How long to hold {@code origin} back after {@code f}, its {@code tries}-th answer to one URL
   * (none when it was not asked, or when this gives the origin up).
   */
  synchronized Duration hold(String origin, FetchResult f, int tries) {
    HostHold hold = byOrigin.computeIfAbsent(origin, o -> new HostHold(maxNanos));
    if (f == null || !FetchRetries.asksToWait(f) || hold.givenUp()) {
      return Duration.ZERO;
    }
    Duration wait = FetchRetries.hostWait(f.retryAfter(), tries);
    long now = nanoTime.getAsLong();
    return hold.holdUntil(now, now + wait.toNanos()) ? wait : Duration.ZERO;
  }

  synchronized boolean givenUp(String origin) {
    HostHold hold = byOrigin.get(origin);
    return hold != null && hold.givenUp();
  }
}
