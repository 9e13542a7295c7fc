package dev.sitepulse.cli.watch;

import dev.sitepulse.cli.report.AnalyticsLatencies;
import dev.sitepulse.cli.report.HtmlReport;
import dev.sitepulse.cli.report.LatencyStatistics;
import dev.sitepulse.cli.report.Report;
import dev.sitepulse.cli.report.ReportBuilder;
import dev.sitepulse.pinger.history.HistoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The page at {@code /}: the HTML report of the last 24 hours, refreshing itself every 30 s.
 * Rendering reads the history, so it runs on a worker; a page younger than {@link #REUSE} is
 * served again, so many open browsers cost one query. A history that does not write what is
 * queued within {@link #FLUSH_WAIT} (a stalled disk), or that a stop has closed, gets the last page
 * served again, or {@link Unavailable} before there is one, rather than a worker held until it does.
 */
final class LivePage {

  static final Duration WINDOW = Duration.ofHours(24);
  static final int REFRESH_SECONDS = 30;
  static final Duration REUSE = Duration.ofSeconds(10);
  /** How long a render waits for the history to write what is queued: a batch takes milliseconds. */
  static final Duration FLUSH_WAIT = Duration.ofSeconds(2);

  /** No page to serve: the history is slow or closed, and none was rendered before. A 503, not an error. */
  static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unavailable(String why) {
      super(why, null, false, false);
    }
  }

  private final HistoryStore history;
  private final Clock clock;
  private final Duration flushWait;
  private String page;
  private Instant renderedAt = Instant.MIN;
  /** The flush a render gave up waiting for, while it is under way: the next render does not wait again. */
  private CompletableFuture<Void> slowFlush;

  LivePage(HistoryStore history, Clock clock) {
    this(history, clock, FLUSH_WAIT);
  }

  /** @param flushWait {@link #FLUSH_WAIT} but in tests */
  LivePage(HistoryStore history, Clock clock, Duration flushWait) {
    this.history = history;
    this.clock = clock;
    this.flushWait = flushWait;
  }

  /** Blocks on the history, at most {@link #FLUSH_WAIT} before it reads: call it from a worker. */
  synchronized String render() {
    Instant now = clock.instant();
    if (page != null && now.isBefore(renderedAt.plus(REUSE))) {
      return page;
    }
    if (slowFlush != null && !slowFlush.isDone()) {
      return lastPageOr("the history is slow to write: try again in a moment");
    }
    CompletableFuture<Void> flushed;
    try {
      flushed = history.flush(); // so the page shows the latest checks
    } catch (RejectedExecutionException closed) { // the stop closes the history before the server
      return lastPageOr("the watch is stopping");
    }
    try {
      flushed.get(flushWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      slowFlush = flushed;
      return lastPageOr("the history is slow to write: try again in a moment");
    } catch (ExecutionException e) {
      Throwable why = e.getCause();
      return lastPageOr("the history could not be written: "
          + (why.getMessage() != null ? why.getMessage() : why.getClass().getSimpleName()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return lastPageOr("the watch is stopping");
    }
    Report report;
    try (LatencyStatistics stats = new AnalyticsLatencies()) {
      report = new ReportBuilder(history.reader(), stats).build(now.minus(WINDOW), now, null);
    }
    page = HtmlReport.render(report, now, REFRESH_SECONDS);
    renderedAt = now;
    return page;
  }

  private String lastPageOr(String why) {
    if (page == null) {
      throw new Unavailable(why);
    }
    return page;
  }
}
