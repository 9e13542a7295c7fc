package dev.sitepulse.crawler.politeness;

import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.pinger.FetchResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What the crawl does with a fetch that did not give a page: a network failure is retried after
 * 1 s and 2 s, then recorded; a 429 or 503 holds its host back (as long as Retry-After asks, else
 * 2 s, 4 s …, at most a minute) and the URL is tried again, up to 5 times; a host whose pages stop
 * reaching it is given up on, and so is one that its 429s and 503s would hold back longer than
 * --max-backoff in all (a Retry-After longer than that at once), so that a crawl ends however long
 * a host keeps asking it to wait. It only decides: the crawl
 * loop sets the timers and writes crawl.db. Touched only on the event loop; the caller passes the
 * time in.
 */
public final class FetchRetries {

  static final int MAX_NETWORK_RETRIES = 2;
  /**
   * Pages of one host in a row that got nothing from it, each after its retries, before the crawl
   * gives up on the host: a server that went away mid-crawl would otherwise cost every one of its
   * queued URLs three connect attempts or timeouts, and record them all as failed.
   */
  public static final int UNREACHABLE_PAGES_IN_A_ROW = 5;
  public static final int MAX_BACKOFF_RETRIES = 5;
  /** The longest wait of a 429 or 503 without Retry-After, doubling from 2 s. */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
  /**
   * The longest Retry-After taken as asked; one longer counts as this long. Past any --max-backoff
   * a crawl would wait out, and far from overflowing System.nanoTime() arithmetic, which a
   * Retry-After date in the year 9999 would.
   */
  static final Duration LONGEST_WAIT = Duration.ofDays(7);

  /** What to do with one fetch's result. */
  public sealed interface Decision permits Page, Retry, BackOff, GiveUp, LeftForLater {}

  /** Not a setback: any answer but a 429 or 503 is handled as the page. */
  record Page() implements Decision {}

  /** A transient network failure: fetch the URL again after {@code delay}. */
  public record Retry(Duration delay) implements Decision {}

  /**
   * A 429 or 503: the host fetches nothing before {@code hostWaitsUntil} (System.nanoTime()), and
   * the URL is queued again, or, past its retries, recorded with its status. With
   * {@code abandonHost} the wait would take the host past --max-backoff: the URL is recorded, and
   * the crawl gives up on the host.
   */
  public record BackOff(long hostWaitsUntil, boolean requeue, boolean abandonHost) implements Decision {

    BackOff(long hostWaitsUntil, boolean requeue) {
      this(hostWaitsUntil, requeue, false);
    }
  }

  /**
   * A 429 or 503 to a fetch that was under way as its host was given up on for --max-backoff: the
   * URL is left queued in crawl.db for a later run, as the host's other URLs are, rather than
   * recorded with an answer that only says the host was busy.
   */
  public record LeftForLater() implements Decision {}

  /** A network failure past its retries: record it, and give up on the host if it says so. */
  public record GiveUp(boolean abandonHost) implements Decision {}

  private static final Page PAGE = new Page();
  private static final LeftForLater LEFT_FOR_LATER = new LeftForLater();

  private final CrawlPurpose purpose;
  private final long maxBackoffNanos;
  /**
   * By URL: its fetches that failed on the network, and apart from them those told to wait, so
   * that neither kind uses up the other's retries.
   */
  private final Map<String, Integer> networkFailures = new HashMap<>();
  private final Map<String, Integer> backOffs = new HashMap<>();
  /** By origin: its pages in a row that got nothing from it; any answer resets it. */
  private final Map<String, Integer> unreachableInARow = new HashMap<>();
  /** By origin: how long its back-offs have held it so far, overlapping waits counted once. */
  private final Map<String, HostHold> holds = new HashMap<>();

  /**
   * @param purpose only a search gives up on a host that stops answering: a link check must report
   *     every broken link; both give up on one that keeps asking them to wait, or they would not end
   * @param maxBackoff how long 429s and 503s may hold one host back in all
   */
  public FetchRetries(CrawlPurpose purpose, Duration maxBackoff) {
    this.purpose = purpose;
    this.maxBackoffNanos = maxBackoff.toNanos();
  }

  /** @param now System.nanoTime() when the fetch ended */
  public Decision decide(Frontier.Next next, FetchResult r, long now) {
    if (!unreachable(r)) {
      unreachableInARow.remove(next.origin()); // it answered, or got far enough to fail otherwise
    }
    if (r.failed()) {
      return failed(next, r);
    }
    if (asksToWait(r)) {
      return backOff(next, r, now);
    }
    // Answered at last: a crawl of a million pages keeps no count for each one it had to retry.
    networkFailures.remove(next.url());
    backOffs.remove(next.url());
    return PAGE;
  }

  /** URLs with tries counted, for a test: those still to be fetched again. */
  int urlsWithTriesCounted() {
    return networkFailures.size() + backOffs.size();
  }

  private Decision failed(Frontier.Next next, FetchResult r) {
    int tries = networkFailures.merge(next.url(), 1, Integer::sum);
    boolean retryable = r.errorKind() == null || r.errorKind().isTransient();
    if (retryable && tries <= MAX_NETWORK_RETRIES) {
      return new Retry(networkRetryWait(tries));
    }
    // A link check goes on: each link to the host is broken, and it must say so for every one.
    return new GiveUp(purpose == CrawlPurpose.SEARCH && unreachable(r)
        && unreachableInARow.merge(next.origin(), 1, Integer::sum) == UNREACHABLE_PAGES_IN_A_ROW);
  }

  /**
   * The host waits as long as it asks (Retry-After), or longer each time, unless that would hold
   * it past --max-backoff: a wait that overlaps one under way adds only what runs past it.
   */
  private Decision backOff(Frontier.Next next, FetchResult r, long now) {
    HostHold hold = holds.computeIfAbsent(next.origin(), o -> new HostHold(maxBackoffNanos));
    if (hold.givenUp()) { // a fetch that was under way as the host was given up on
      return LEFT_FOR_LATER;
    }
    int tries = backOffs.merge(next.url(), 1, Integer::sum);
    long until = now + hostWait(r.retryAfter(), tries).toNanos();
    if (!hold.holdUntil(now, until)) {
      return new BackOff(until, false, true);
    }
    return new BackOff(until, tries <= MAX_BACKOFF_RETRIES);
  }

  /**
   * A robots.txt's or sitemap's 429 or 503, read again after {@code wait} from {@code now}
   * (System.nanoTime()), holds its host back within the budget its pages' answers use: whether it
   * is held, or, past --max-backoff in all (or given up on already), not, and the read is final.
   */
  public boolean holdsForRead(String origin, long now, Duration wait) {
    HostHold hold = holds.computeIfAbsent(origin, o -> new HostHold(maxBackoffNanos));
    return !hold.givenUp() && hold.holdUntil(now, now + wait.toNanos());
  }

  /**
   * Gives the host up for a robots.txt's or sitemap's 429 or 503 whose wait alone passes
   * --max-backoff: its pages' fetches then under way are left for later, as after a page's.
   */
  public void giveUp(String origin) {
    holds.computeIfAbsent(origin, o -> new HostHold(maxBackoffNanos)).giveUp();
  }

  /** A 429 or 503: the server asks the crawler to come back later, and its host is held back. */
  public static boolean asksToWait(FetchResult r) {
    return asksToWait(r.status());
  }

  /** As {@link #asksToWait(FetchResult)}, for an answer of {@code status}: a link check's checks online too. */
  public static boolean asksToWait(int status) {
    return status == 429 || status == 503;
  }

  /** The wait before the {@code tries}-th retry of a transient network failure: 1 s, then 2 s. */
  static Duration networkRetryWait(int tries) {
    return Duration.ofSeconds(1L << (tries - 1));
  }

  /**
   * How long a host that answered 429 or 503 is left alone, for the crawl and for a link check's
   * external targets alike: its Retry-After (at most {@link #LONGEST_WAIT}), else 2 s, 4 s … for
   * the {@code tries}-th time, at most {@link #MAX_BACKOFF}. Callers weigh it against
   * --max-backoff: a server that asks for an hour is not asked again a minute later.
   *
   * @param retryAfter what the server asked for, or null
   */
  public static Duration hostWait(Duration retryAfter, int tries) {
    if (retryAfter != null) {
      return retryAfter.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : retryAfter;
    }
    Duration doubling = Duration.ofSeconds(1L << Math.min(tries, 6));
    return doubling.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubling;
  }

  /**
   * How long to wait before reading a robots.txt or a sitemap again, or null to take this read as
   * final: only one that may pass (no answer, a 429 or a 503; for robots.txt any server error) is
   * read again, as a page would be (1 s, then 2 s; a 429 or 503 as long as it asks), at most twice
   * and within --max-backoff in all, since one blip would otherwise lose a host or a sitemap. The
   * crawl's reads and a link check's alike; the crawl's also book a 429's or 503's wait into their
   * host's budget ({@link #holdsForRead}).
   *
   * @param waited by the tries before this one
   */
  public static Duration readRetryWait(FetchResult r, boolean mayPass, int tries, Duration waited,
      Duration maxBackoff) {
    if (!mayPass || outOfReadTries(tries) || r.failed() && r.errorKind() != null && !r.errorKind().isTransient()) {
      return null;
    }
    Duration wait = asksToWait(r) ? hostWait(r.retryAfter(), tries) : networkRetryWait(tries);
    return waited.plus(wait).compareTo(maxBackoff) > 0 ? null : wait;
  }

  /** Whether a read's {@code tries}-th answer is final however it went: it was tried again as often as it may be. */
  public static boolean outOfReadTries(int tries) {
    return tries > MAX_NETWORK_RETRIES;
  }

  /**
   * Whether the fetch got nothing from the host: no address, no connection, or a connection on
   * which nothing came back before the timeout (a hung server, which would cost every page three
   * timeouts). A reset, an error status or a body that stalled is an answer.
   */
  private static boolean unreachable(FetchResult r) {
    return r.failed() && (r.errorKind() != null && r.errorKind().hostUnreachable() || r.unanswered());
  }
}
