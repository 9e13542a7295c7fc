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

/**
 * The page at {@code /}: the HTML report of the last 24 hours, refreshing itself every 30 s.
 * Rendering reads the history, so it runs on a worker; a page younger than {@link #REUSE} is
 * served again, so many open browsers cost one query.
 */
final class LivePage {

  static final Duration WINDOW = Duration.ofHours(24);
  static final int REFRESH_SECONDS = 30;
  static final Duration REUSE = Duration.ofSeconds(10);

  private final HistoryStore history;
  private final Clock clock;
  private String page;
  private Instant renderedAt = Instant.MIN;

  LivePage(HistoryStore history, Clock clock) {
    this.history = history;
    this.clock = clock;
  }

  /** Blocks on the history: call it from a worker. */
  synchronized String render() {
    Instant now = clock.instant();
    if (page != null && now.isBefore(renderedAt.plus(REUSE))) {
      return page;
    }
    history.flush().join(); // so the page shows the latest checks
    Report report;
    try (LatencyStatistics stats = new AnalyticsLatencies()) {
      report = new ReportBuilder(history.reader(), stats).build(now.minus(WINDOW), now, null);
    }
    page = HtmlReport.render(report, now, REFRESH_SECONDS);
    renderedAt = now;
    return page;
  }
}
