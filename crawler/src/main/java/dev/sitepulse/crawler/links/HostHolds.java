package dev.sitepulse.crawler.links;

import dev.sitepulse.crawler.politeness.FetchRetries;
import dev.sitepulse.crawler.politeness.HostHold;
import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.config.Durations;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long each origin's 429s and 503s have held it back while its targets are checked online, or
 * its pages read for their ids, counted as the crawl counts them: a wait that overlaps one under
 * way adds only what runs past it. One that would pass --max-backoff in all gives the origin up, as
 * the crawl gives up on such a host. Each is said once for a host, held back and given up on, so
 * that minutes spent at "N of N targets checked online" are explained.
 */
final class HostHolds {

  private static final Logger LOG = LoggerFactory.getLogger(HostHolds.class);

  /** What the requests held back are for, in the warnings' words (SLF4J patterns). */
  enum Asking {
    /** The checks online of targets on the crawl's own hosts. */
    CHECKS("{}: it answered {} to a target checked online; its targets wait {} and that one is asked again,"
        + " within --max-backoff {}", "{}: its {} answers would hold the link check back more than --max-backoff {}"
        + " in all; each of its targets not checked yet is judged by its first answer"),
    /** The reads of pages checked online for their ids. */
    IDS("{}: it answered {} to a page read for its ids; its pages wait {} and are asked again, within"
        + " --max-backoff {}", "{}: its {} answers would hold the link check back more than --max-backoff {} in"
        + " all; its pages are not read for their ids");

    private final String heldBack;
    private final String givenUp;

    Asking(String heldBack, String givenUp) {
      this.heldBack = heldBack;
      this.givenUp = givenUp;
    }
  }

  private final Duration maxBackoff;
  private final long maxNanos;
  private final Asking asking;
  private final LongSupplier nanoTime;
  private final Map<String, HostHold> byOrigin = new HashMap<>();

  /** @param nanoTime the clock, System.nanoTime() but in a test */
  HostHolds(Duration maxBackoff, Asking asking, LongSupplier nanoTime) {
    this.maxBackoff = maxBackoff;
    this.maxNanos = maxBackoff.toNanos();
    this.asking = asking;
    this.nanoTime = nanoTime;
  }

  /**
   * How long to hold {@code origin} back after {@code f}, its {@code tries}-th answer to one URL
   * (none when it was not asked, or when this gives the origin up).
   */
  Duration hold(String origin, FetchResult f, int tries) {
    return f == null ? Duration.ZERO : hold(origin, f.status(), f.retryAfter(), tries);
  }

  /** As {@link #hold(String, FetchResult, int)}, for an answer of {@code status}. */
  synchronized Duration hold(String origin, int status, Duration retryAfter, int tries) {
    if (!FetchRetries.asksToWait(status) || givenUp(origin)) {
      return Duration.ZERO;
    }
    boolean first = !byOrigin.containsKey(origin);
    HostHold hold = byOrigin.computeIfAbsent(origin, o -> new HostHold(maxNanos));
    Duration wait = FetchRetries.hostWait(retryAfter, tries);
    long now = nanoTime.getAsLong();
    if (!hold.holdUntil(now, now + wait.toNanos())) {
      LOG.warn(asking.givenUp, origin, status, Durations.format(maxBackoff));
      return Duration.ZERO;
    }
    if (first) {
      LOG.warn(asking.heldBack, origin, status, Durations.format(wait), Durations.format(maxBackoff));
    }
    return wait;
  }

  synchronized boolean givenUp(String origin) {
    HostHold hold = byOrigin.get(origin);
    return hold != null && hold.givenUp();
  }
}
