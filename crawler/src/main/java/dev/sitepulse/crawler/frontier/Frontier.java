package dev.sitepulse.crawler.frontier;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to fetch next, and when: a queue per host, a global in-flight limit, a per-host limit and
 * delay. Owned by one event-loop thread, so nothing here is locked; the caller passes the time
 * in, so politeness is testable without waiting.
 */
public final class Frontier {

  /** A URL handed out for fetching. */
  public record Next(String url, String origin, int depth) {}

  /**
   * The host a 429 or 503 holds back the longest: until when (System.nanoTime()), for which
   * answer, whether its Retry-After set the wait, and how many hosts are held back so.
   */
  public record BackedOff(String origin, long untilNanos, int status, boolean retryAfter, int hosts) {}

  /**
   * The host whose delay between fetches holds the whole crawl: until when (System.nanoTime()), and
   * whether its own delay (a Crawl-delay) set it, or the crawl's.
   */
  public record DelayedHost(String origin, long untilNanos, boolean crawlDelay) {}

  private final int maxInFlight;
  private final int perHost;
  private final long defaultDelayNanos;
  private final Map<String, HostQueue> hosts = new HashMap<>();
  private final ArrayDeque<HostQueue> rotation = new ArrayDeque<>();
  private final LongHashSet seen = new LongHashSet();
  private int queued;
  private int inFlight;
  private int abandonedUrls;
  /** Fetches this run may still start: {@link #limitFetches}. */
  private int fetchesLeft = Integer.MAX_VALUE;
  private int pastReach;

  public Frontier(int maxInFlight, int perHost, long defaultDelayNanos) {
    this.maxInFlight = maxInFlight;
    this.perHost = perHost;
    this.defaultDelayNanos = defaultDelayNanos;
  }

  /** Remembers a URL as known without queueing it (already done in an earlier run). */
  public void markSeen(String url) {
    seen.add(hash(url));
  }

  /**
   * Queues a normalized absolute URL (lower-case scheme and host, no default port, as
   * BasicURLNormalizer makes it) unless it was seen before, or is past the run's reach
   * ({@link #limitFetches}); returns whether it is new. */
  public boolean offer(String url, int depth) {
    if (!seen.add(hash(url))) {
      return false;
    }
    HostQueue q = queueOf(url);
    if (q != null && q.size() >= fetchesLeft) {
      pastReach++;
    } else if (q != null) {
      q.add(depth, url.substring(q.origin.length()));
      queued++;
    }
    return true;
  }

  /**
   * Queues a URL again (a retry, a back-off), whether or not it was seen, before the host's new
   * URLs; not on a host given up on.
   */
  public void requeue(String url, int depth) {
    HostQueue q = queueOf(url);
    if (q != null) {
      q.addAgain(depth, url.substring(q.origin.length()));
      queued++;
    }
  }

  /** The host's queue, made on first sight; null for a host given up on, whose URL is counted. */
  private HostQueue queueOf(String url) {
    HostQueue q = hosts.computeIfAbsent(originOf(url), o -> {
      HostQueue created = new HostQueue(o, defaultDelayNanos);
      rotation.add(created);
      return created;
    });
    if (q.abandoned) {
      abandonedUrls++;
      return null;
    }
    return q;
  }

  /** The next URL whose host allows a fetch at {@code now}, or null. */
  public Next poll(long now) {
    if (inFlight >= maxInFlight) {
      return null;
    }
    for (int i = rotation.size(); i > 0; i--) {
      HostQueue q = rotation.poll();
      rotation.add(q);
      if (q.readyAt(now, perHost)) {
        PackedUrlQueue.Entry e = q.poll();
        queued--;
        fetchesLeft -= fetchesLeft == Integer.MAX_VALUE ? 0 : 1;
        q.inFlight++;
        inFlight++;
        // The delay runs from the start of this fetch; done() pushes it past the end as well.
        q.started(now);
        return new Next(q.origin + e.path(), q.origin, e.depth());
      }
    }
    return null;
  }

  /** A fetch for this origin finished; the host's next fetch waits its delay from now. */
  public void done(String origin, long now) {
    HostQueue q = hosts.get(origin);
    q.inFlight--;
    inFlight--;
    q.notBefore(now + q.delayNanos);
  }

  /**
   * Books a fetch of this origin that is not one of its queued URLs (a sitemap): returns the time
   * (System.nanoTime()) it may start, its delay after the host's last fetch or back-off, and pushes
   * the host's next fetch a delay past that. {@link #bookedDone} or {@link #dropBooking} follows
   * it; the host books one such fetch at a time.
   */
  public long book(String origin, long now) {
    HostQueue q = host(origin);
    long start = q.startAt(now);
    q.book(start);
    return start;
  }

  /** A booked fetch finished: the host's next fetch waits its delay from now, as after {@link #done}. */
  public void bookedDone(String origin, long now) {
    host(origin).bookingOver(now, true);
  }

  /**
   * A booked fetch was not made after all: the host's next fetch waits only for its last request,
   * not for a slot nothing used, which would have it wait two delays between two requests.
   */
  public void dropBooking(String origin) {
    host(origin).bookingOver(0, false);
  }

  /** Takes back the last poll of this origin without a fetch (robots.txt disallowed it). */
  public void skip(String origin) {
    HostQueue q = hosts.get(origin);
    q.inFlight--;
    inFlight--;
    fetchesLeft += fetchesLeft == Integer.MAX_VALUE ? 0 : 1;
    q.takeBack();
  }

  /**
   * Holds a host back until {@code untilNanos} after a 429 or 503 ({@code status}), as long as its
   * Retry-After asked ({@code retryAfter}) or the crawl chose: {@link #longestBackoff} tells it.
   */
  public void backoff(String origin, long untilNanos, int status, boolean retryAfter) {
    HostQueue q = hosts.get(origin);
    if (q != null) {
      q.notBefore(untilNanos);
      if (!q.backedOff || untilNanos - q.backedOffUntilNanos >= 0) {
        q.backedOff = true;
        q.backedOffUntilNanos = untilNanos;
        q.backedOffStatus = status;
        q.backedOffRetryAfter = retryAfter;
      }
    }
  }

  /**
   * The host a 429 or 503 holds back the longest at {@code now}, or null when none is: what a
   * run's progress names, lest a quiet line read as a hang. A host with nothing queued, or given
   * up on, holds nothing back.
   */
  public BackedOff longestBackoff(long now) {
    HostQueue longest = null;
    int held = 0;
    for (HostQueue q : rotation) {
      if (q.backedOff && !q.abandoned && !q.isEmpty() && q.backedOffUntilNanos - now > 0) {
        held++;
        if (longest == null || q.backedOffUntilNanos - longest.backedOffUntilNanos > 0) {
          longest = q;
        }
      }
    }
    return longest == null ? null : new BackedOff(longest.origin, longest.backedOffUntilNanos,
        longest.backedOffStatus, longest.backedOffRetryAfter, held);
  }

  /** Sets the delay between fetches for a host from its robots.txt's Crawl-delay, in place of the crawl's. */
  public void delay(String origin, long delayNanos) {
    HostQueue q = host(origin);
    q.delayNanos = delayNanos;
    q.crawlDelay = true;
  }

  /** The delay between fetches for a host: its Crawl-delay, or the crawl's. */
  public long delayNanos(String origin) {
    HostQueue q = hosts.get(origin);
    return q == null ? defaultDelayNanos : q.delayNanos;
  }

  /**
   * Gives up on a host for this crawl: its queued URLs leave the frontier, and none is queued for
   * it again. Returns how many left; crawl.db still holds them as queued, for a later run.
   */
  public int abandon(String origin) {
    HostQueue q = host(origin);
    int dropped = q.size();
    q.clear();
    q.abandoned = true;
    queued -= dropped;
    abandonedUrls += dropped;
    return dropped;
  }

  /** Whether this crawl gave up on the host ({@link #abandon}). */
  public boolean abandoned(String origin) {
    HostQueue q = hosts.get(origin);
    return q != null && q.abandoned;
  }

  /** A URL of a host given up on, whose fetch was under way: left for a later run with the rest. */
  public void leftOnAbandonedHost() {
    abandonedUrls++;
  }

  /**
   * The hosts given up on (past --max-backoff, or, in a crawl for search, no longer answering for
   * their pages or robots.txt), as origins: crawl.db holds their URLs left as queued.
   */
  public Set<String> abandonedOrigins() {
    return hosts.values().stream().filter(q -> q.abandoned).map(q -> q.origin).collect(Collectors.toSet());
  }

  /** URLs left on hosts given up on: queued before, offered after, or in flight then. */
  public int abandonedUrls() {
    return abandonedUrls;
  }

  /** Holds or releases a host, e.g. while its robots.txt is read. */
  public void hold(String origin, boolean held) {
    host(origin).held = held;
  }

  /**
   * The earliest time (System.nanoTime()) a host waiting on time alone could fetch, or empty when
   * none is: every nanoTime value may be a time, so none can mean "none".
   */
  public OptionalLong nextWake(long now) {
    HostQueue earliest = earliestWaitingOnTime(now);
    return earliest == null ? OptionalLong.empty() : OptionalLong.of(earliest.nextFetchNanos());
  }

  /**
   * The host the crawl waits on at {@code now} for its delay between requests alone: nothing is in
   * flight, and its next request is due the soonest, not held by a back-off ({@link #longestBackoff}
   * names that). That request is a booked one (a sitemap) when the host has one to come, since its
   * next page waits a delay past it. Null when the crawl waits on nothing so.
   */
  public DelayedHost politenessWait(long now) {
    if (inFlight > 0) {
      return null;
    }
    HostQueue earliest = null;
    long due = 0;
    for (HostQueue q : rotation) {
      if (q.abandoned) {
        continue;
      }
      if (q.booked && q.bookedStartNanos - now <= 0) {
        return null; // its booked fetch is under way: the crawl reads, it does not wait
      }
      boolean waits = q.booked || q.waitsOnTimeAt(now, perHost);
      long at = q.booked ? q.bookedStartNanos : q.nextFetchNanos();
      if (waits && (earliest == null || due - at > 0)) {
        earliest = q;
        due = at;
      }
    }
    if (earliest == null || earliest.backedOff && earliest.backedOffUntilNanos - due >= 0) {
      return null;
    }
    return new DelayedHost(earliest.origin, due, earliest.crawlDelay);
  }

  /** The host waiting on time alone that is due the soonest at {@code now}, or null. */
  private HostQueue earliestWaitingOnTime(long now) {
    HostQueue earliest = null;
    for (HostQueue q : rotation) {
      if (q.waitsOnTimeAt(now, perHost)
          && (earliest == null || earliest.nextFetchNanos() - q.nextFetchNanos() > 0)) {
        earliest = q;
      }
    }
    return earliest;
  }

  public int queued() {
    return queued;
  }

  /**
   * This run starts at most {@code n} fetches (--max-pages; 0 for no limit): from now on, a host
   * holds no more new URLs than the run can still fetch. One past that could only be fetched were
   * the host's URLs before it skipped (robots.txt); it is seen, and new to the crawl, as
   * {@link #offer} says, for crawl.db to keep queued for a later run, and counted by
   * {@link #pastReach}, but not held: a link trap's thousands of links a page would fill memory.
   */
  public void limitFetches(int n) {
    fetchesLeft = n == 0 ? Integer.MAX_VALUE : n;
  }

  /** New URLs not held as past what the run can still fetch ({@link #limitFetches}). */
  public int pastReach() {
    return pastReach;
  }

  public int inFlight() {
    return inFlight;
  }

  int known() {
    return seen.size();
  }

  private HostQueue host(String origin) {
    return hosts.computeIfAbsent(origin, o -> {
      HostQueue created = new HostQueue(o, defaultDelayNanos);
      rotation.add(created);
      return created;
    });
  }

  /** scheme://host:port of an absolute URL, lower-case; the part every URL of a host shares. */
  public static String originOf(String url) {
    URI u = URI.create(url);
    int port = u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    String origin = u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT);
    boolean defaultPort = (port == 80 && origin.startsWith("http:")) || (port == 443 && origin.startsWith("https:"));
    String candidate = defaultPort ? origin : origin + ":" + port;
    if (!url.startsWith(candidate)) {
      throw new IllegalArgumentException("not a normalized URL: " + url);
    }
    return candidate;
  }

  /** 64-bit FNV-1a over UTF-8 with a final mix: collisions are negligible at millions of URLs. */
  static long hash(String url) {
    long h = 0xcbf29ce484222325L;
    for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
      h ^= b;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }
}
