package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.politeness.FetchRetries;
import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.Fetcher;
import io.vertx.core.Context;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the sitemaps to read as their hosts' pages are fetched: one at a time on a host and its
 * delay apart, where an index listing a thousand would otherwise go out all at once; one that got
 * no answer, a 429 or a 503 is fetched again after a wait. Each counts as the loop's outstanding
 * work from the moment it is queued. Confined to the crawl's event loop.
 */
final class SitemapTurns {

  /** Logged as {@link RobotsAndSitemaps}, whose reads these are. */
  private static final Logger LOG = LoggerFactory.getLogger(RobotsAndSitemaps.class);

  private final CrawlConfig config;
  private final LoopTimers timers;
  /** The loop's time, which its hosts' turns and back-offs are told by. */
  private final LongSupplier nanoTime;
  private final Context context;
  private final Frontier frontier;
  private final Fetcher fetcher;
  private final ReadRetries retries;
  private final SitemapLimits limits;
  private final ReadsUnderWay reads;
  private final SitemapsCut cut;
  private final SitemapPages pages;
  /** Sitemaps waiting for their host's one under way, by origin. */
  private final Map<String, ArrayDeque<NamedSitemap>> queues = new HashMap<>();
  /** The sitemap reads waiting for their host's delay to pass, by origin: each a timer's id. */
  private final Map<String, Long> starts = new HashMap<>();
  /** The sitemap each of {@link #starts} waits to read, by origin. */
  private final Map<String, NamedSitemap> due = new HashMap<>();

  SitemapTurns(CrawlSetup setup, ReadRetries retries, SitemapLimits limits,
      ReadsUnderWay reads, SitemapsCut cut, SitemapPages pages) {
    this.config = setup.config();
    this.timers = setup.timers();
    this.nanoTime = setup.nanoTime();
    this.context = setup.context();
    this.frontier = setup.frontier();
    this.fetcher = setup.fetcher();
    this.retries = retries;
    this.limits = limits;
    this.reads = reads;
    this.cut = cut;
    this.pages = pages;
  }

  /** Starts the read of a sitemap of {@code origin}: now, or once the host's earlier ones are read. */
  void queue(String origin, NamedSitemap named) {
    reads.started();
    ArrayDeque<NamedSitemap> waiting = queues.get(origin);
    if (waiting != null) {
      waiting.add(named);
      return;
    }
    queues.put(origin, new ArrayDeque<>());
    // On the loop's next turn: a page of the host that this turn polls (a seed, as its robots.txt
    // is read) goes first, and the sitemap a delay after it.
    context.runOnContext(v -> readWhenDue(origin, named, 1, Duration.ZERO));
  }

  /**
   * Reads one sitemap of the host at a time, each as one of its pages would be fetched: a delay
   * after the host's last fetch (its Crawl-delay, a back-off), pushing its next page past it. A
   * read tried again ({@code tries} > 1, after waiting {@code waited} in all) takes its turn so too.
   */
  private void readWhenDue(String origin, NamedSitemap sitemap, int tries, Duration waited) {
    if (reads.abandoned()) { // dropWaiting found it in neither a queue nor a timer: it counts as done here
      cut.sitemap(sitemap);
      reads.done();
      return;
    }
    // Sitemaps queued all they may, or the crawl gave up on the host (a back-off past --max-backoff
    // would hold this read for minutes): this one and the host's others book no slot.
    if (limits.spent() || frontier.abandoned(origin)) {
      cutHost(origin, sitemap);
      return;
    }
    long now = nanoTime.getAsLong();
    long waitMs = (frontier.book(origin, now) - now) / 1_000_000;
    if (waitMs <= 0) {
      readNow(origin, sitemap, tries, waited);
      return;
    }
    due.put(origin, sitemap);
    starts.put(origin, timers.set(waitMs, () -> {
      starts.remove(origin);
      due.remove(origin);
      if (reads.abandoned()) { // fired as the crawl ended early, too late for dropWaiting to cancel
        frontier.dropBooking(origin);
        cut.sitemap(sitemap);
        reads.done();
      } else if (frontier.abandoned(origin)) { // fired as its host was given up on
        cutHost(origin, sitemap);
      } else {
        readNow(origin, sitemap, tries, waited);
      }
    }));
  }

  /**
   * Cuts {@code sitemap}, whose host its left line names, and drops the host's others, each a read
   * done, with the slot any of them booked.
   */
  private void cutHost(String origin, NamedSitemap sitemap) {
    frontier.dropBooking(origin);
    cut.sitemap(sitemap);
    ArrayDeque<NamedSitemap> waiting = queues.remove(origin);
    int dropped = 1 + (waiting == null ? 0 : waiting.size()); // each counted as started
    for (int i = 0; i < dropped; i++) {
      reads.done();
    }
  }

  /**
   * The crawl gave up on {@code origin}: a read of its sitemaps waiting for the host's turn, which
   * a back-off may have pushed minutes out, is cut at once with the host's others, rather than
   * holding the crawl's end up until the host's turn comes. One under way ends as it would.
   */
  void hostAbandoned(String origin) {
    Long timer = starts.get(origin);
    if (timer != null && timers.cancel(timer)) {
      starts.remove(origin);
      cutHost(origin, due.remove(origin));
    }
  }

  /**
   * Fetches one sitemap; one that got no answer, a 429 or a 503 is fetched again after a wait, as
   * robots.txt is, and a 429 or 503 holds its host's pages back too, within the same --max-backoff:
   * past it the read is final, and the host is given up on as for its pages. Once the sitemaps
   * have queued all they may, it is not fetched at all.
   */
  private void readNow(String origin, NamedSitemap sitemap, int tries, Duration waited) {
    if (limits.spent()) {
      cut.sitemap(sitemap);
      frontier.dropBooking(origin); // not read: the host's next page waits for its last request only
      following(origin);
      reads.done();
      return;
    }
    CompletableFuture<FetchResult> fetch = fetcher.fetch(sitemap.url());
    reads.fetching(fetch);
    fetch.whenComplete((r, error) -> context.runOnContext(v -> {
      reads.fetched(fetch);
      long now = nanoTime.getAsLong();
      Duration wait = r == null || reads.abandoned() ? null : retryWait(origin, r, tries, waited, now);
      if (wait == null) {
        pages.read(sitemap, fetch, () -> next(origin));
        return;
      }
      LOG.debug("sitemap {}: {}; trying again in {} ms", sitemap.url(), r.message(), wait.toMillis());
      frontier.bookedDone(origin, now); // a failed read was a request to the host all the same
      // Then booked as the first read was: not at once, beside a page of the host due meanwhile.
      due.put(origin, sitemap);
      starts.put(origin, timers.set(Math.max(1, wait.toMillis()), () -> {
        starts.remove(origin);
        due.remove(origin);
        readWhenDue(origin, sitemap, tries + 1, waited.plus(wait));
      }));
    }));
  }

  /**
   * How long to wait before reading the sitemap again, or null to take this read as final: a 429's
   * or 503's wait counts against its host's --max-backoff, which its robots.txt and pages share,
   * and past it the host is given up on, as for its pages.
   */
  private Duration retryWait(String origin, FetchResult r, int tries, Duration waited, long now) {
    return retries.after(origin, r, r.failed() || FetchRetries.asksToWait(r), tries, waited, now);
  }

  /** The host's sitemap is read: its next one, if any, is due a delay after it. */
  private void next(String origin) {
    frontier.bookedDone(origin, nanoTime.getAsLong());
    following(origin);
  }

  /** Starts the read of the host's next sitemap waiting, if any. */
  private void following(String origin) {
    ArrayDeque<NamedSitemap> waiting = queues.get(origin);
    NamedSitemap following = waiting == null ? null : waiting.poll();
    if (following == null) {
      queues.remove(origin);
    } else {
      readWhenDue(origin, following, 1, Duration.ZERO);
    }
  }

  /**
   * Forgets the sitemaps still waiting (queued, or for their host's delay), when the crawl ends
   * early; returns how many were dropped. A timer that fired but whose handler has not run yet is
   * left to it: the handler counts its read as done.
   */
  int dropWaiting() {
    starts.keySet().forEach(origin -> {
      cut.sitemap(due.get(origin));
      frontier.dropBooking(origin);
    });
    due.clear();
    int dropped = 0;
    for (long timer : starts.values()) {
      if (timers.cancel(timer)) {
        dropped++;
      }
    }
    starts.clear();
    for (ArrayDeque<NamedSitemap> waiting : queues.values()) {
      waiting.forEach(cut::sitemap);
      dropped += waiting.size();
      waiting.clear();
    }
    return dropped;
  }
}
