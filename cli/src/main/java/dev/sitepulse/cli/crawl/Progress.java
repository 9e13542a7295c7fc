package dev.sitepulse.cli.crawl;

import dev.sitepulse.cli.Amounts;
import dev.sitepulse.cli.ProgressLine;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.HostsHeldBack;
import dev.sitepulse.crawler.PolitenessWait;
import dev.sitepulse.pinger.config.Durations;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Crawl progress on a {@link ProgressLine}: pages done and queued, pages/s, errors, bytes, and
 * the host a 429 or 503 holds back, until when: a run that waits on it is not hung.
 */
public final class Progress implements CrawlListener {

  private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
  /** A wait between fetches shorter than this passes before anyone wonders: not named. */
  private static final Duration NAMED_WAIT = Duration.ofSeconds(5);

  private final ProgressLine line;
  private final String fetch;
  private final ZoneId zone;

  /** A crawl's: its fetches are pages. */
  public Progress(ProgressLine line) {
    this(line, "page");
  }

  /**
   * @param fetch what one of the crawl's fetches is called, in the singular: a link check's are
   *     pages and resources
   */
  public Progress(ProgressLine line, String fetch) {
    this(line, fetch, ZoneId.systemDefault());
  }

  /** @param zone where the time a host is held back until is told, as the log's times are */
  Progress(ProgressLine line, String fetch, ZoneId zone) {
    this.line = line;
    this.fetch = fetch;
    this.zone = zone;
  }

  @Override
  public void progress(CrawlStats s) {
    line.show(s.pages(), s.pages() + s.queued(), text(s));
  }

  /** 1 page, 40 queued, 12.5 pages/s, 0 errors, 1.2 MiB, and any host held back (see {@link #heldBack}) */
  String text(CrawlStats s) {
    return String.format(Locale.ROOT, "%s, %d queued, %.1f %ss/s, %s, %s", Amounts.count(s.pages(), fetch), s.queued(),
        s.pagesPerSecond(), fetch, Amounts.count(s.errorCount(), "error"), Amounts.bytes(s.bytes()))
        + (s.heldBack() == null ? "" : "; " + heldBack(s.heldBack()))
        + (s.politenessWait() == null || s.politenessWait().left().compareTo(NAMED_WAIT) < 0 ? ""
            : "; " + politenessWait(s.politenessWait()));
  }

  /**
   * {@code waiting 28s for http://host:8941's Crawl-delay}, or {@code waiting 12s for --delay before
   * http://host:8941}: the wait between a host's fetches that holds the crawl.
   */
  private static String politenessWait(PolitenessWait w) {
    String left = Durations.format(roundedUp(w.left()));
    return w.crawlDelay() ? "waiting " + left + " for " + w.origin() + "'s Crawl-delay"
        : "waiting " + left + " for --delay before " + w.origin();
  }

  /** Whole seconds, rounded up: "0s more" would read as done. */
  private static Duration roundedUp(Duration d) {
    return Duration.ofSeconds(Math.max(1, (d.toMillis() + 999) / 1000));
  }

  /**
   * {@code http://host:8779 held back until 15:32:10 (4m50s more) by its 503's Retry-After}, or
   * {@code … after its 503} when the crawl chose the wait, or with several hosts {@code 3 hosts
   * held back by 429 or 503 answers, the longest, http://host:8779, until 15:32:10 (4m50s more)}.
   */
  private String heldBack(HostsHeldBack h) {
    Duration left = roundedUp(h.left());
    String until = "until " + CLOCK_TIME.format(LocalTime.ofInstant(h.until(), zone).truncatedTo(ChronoUnit.SECONDS))
        + " (" + Durations.format(left) + " more)";
    if (h.hosts() > 1) {
      return h.hosts() + " hosts held back by 429 or 503 answers, the longest, " + h.origin() + ", " + until;
    }
    return h.origin() + " held back " + until + (h.retryAfter() ? " by its " + h.status() + "'s Retry-After"
        : " after its " + h.status());
  }

  @Override
  public void finished(CrawlStats s) {
    line.clear();
  }
}
