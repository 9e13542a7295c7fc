package dev.sitepulse.cli.report;

import static dev.sitepulse.cli.report.HandMadeHistory.B_CERT;
import static dev.sitepulse.cli.report.HandMadeHistory.T0;
import static dev.sitepulse.cli.report.HandMadeHistory.UNTIL;
import static dev.sitepulse.cli.report.HandMadeHistory.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.history.SqliteHistory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportNumbersTest {

  @TempDir Path dir;

  private Report report;

  @BeforeEach
  void build() {
    HandMadeHistory.write(dir);
    try (LatencyStatistics stats = new AnalyticsLatencies()) {
      report = new ReportBuilder(SqliteHistory.openForReading(dir), stats).build(T0, UNTIL, null);
    }
  }

  private TargetReport target(String name) {
    return report.targets().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  /**
   * HdrHistogram at 3 significant digits over the same microseconds: the report's definition, a
   * nearest-rank percentile (rank = ceil(p * n)) to within 0.1%, capped at the exact maximum.
   */
  private static double hdr(double percentile, int fromMs, int toMs) {
    Histogram h = new Histogram(3);
    for (int ms = fromMs; ms <= toMs; ms++) {
      h.recordValue(ms * 1000L);
    }
    return h.getValueAtPercentile(percentile) / 1000.0;
  }

  @Test
  void aHistoryYoungerThanTheWindowAskedForIsReportedFromItsFirstRecord() {
    Report all;
    Report a;
    try (LatencyStatistics stats = new AnalyticsLatencies()) {
      ReportBuilder builder = new ReportBuilder(SqliteHistory.openForReading(dir), stats);
      all = builder.build(UNTIL.minus(Duration.ofDays(1)), UNTIL, null);
      a = builder.build(UNTIL.minus(Duration.ofDays(1)), UNTIL, "a");
    }

    // b's first record is a state change ten minutes before a's first check.
    assertThat(all.since()).isEqualTo(minute(-10));
    assertThat(all.coversWholeHistory()).isTrue();
    assertThat(all.targets().get(0).series().start()).isEqualTo(minute(-10));
    assertThat(all.availability()).isEqualTo(report.availability());
    assertThat(a.since()).isEqualTo(T0);
  }

  @Test
  void aHistoryYoungerThanAMinuteIsReportedOverTheLastMinuteAndCalledTheWholeHistory() {
    Instant until = minute(-10).plusSeconds(30); // b's first record is 30 s old
    Report young;
    try (LatencyStatistics stats = new AnalyticsLatencies()) {
      young = new ReportBuilder(SqliteHistory.openForReading(dir), stats)
          .build(until.minus(Duration.ofDays(1)), until, null);
    }
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    TableReport.write(young, new PrintStream(table, true, StandardCharsets.UTF_8));

    assertThat(young.since()).isEqualTo(until.minus(Duration.ofMinutes(1)));
    assertThat(young.coversWholeHistory()).isTrue();
    assertThat(table.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
        .contains(", the whole history (1m): ");
  }

  @Test
  void theTableAndThePagesTitleAndHeadingNameTheWindowInTheSameWords() {
    Report whole;
    try (LatencyStatistics stats = new AnalyticsLatencies()) {
      whole = new ReportBuilder(SqliteHistory.openForReading(dir), stats).build(UNTIL.minus(Duration.ofDays(1)), UNTIL,
          null);
    }
    String last = "last " + Figures.duration(Duration.between(report.since(), report.until()));
    String all = "the whole history (" + Figures.duration(Duration.between(whole.since(), whole.until())) + ")";

    for (Map.Entry<Report, String> r : Map.of(report, last, whole, all).entrySet()) {
      ByteArrayOutputStream table = new ByteArrayOutputStream();
      TableReport.write(r.getKey(), new PrintStream(table, true, StandardCharsets.UTF_8));
      String html = HtmlReport.render(r.getKey(), UNTIL, 0);
      String heading = Character.toUpperCase(r.getValue().charAt(0)) + r.getValue().substring(1);

      assertThat(table.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
          .contains(" to " + Figures.time(UNTIL) + ", " + r.getValue() + ": ");
      assertThat(html).contains("<title>sitepulse: " + r.getValue() + " up to " + Figures.time(UNTIL) + "</title>")
          .contains("<p class=\"window\">" + heading + ": ");
    }
  }

  @Test
  void theIncidentsCardSaysItsDowntimeIsSummedOverTargetsNotTimeThatPassed() {
    Duration sum = target("a").downtime().plus(target("b").downtime());
    assertThat(sum).as("longer than the window, as it may be").isGreaterThan(Duration.ofMinutes(20));

    String html = HtmlReport.render(report, UNTIL, 0);

    assertThat(html).contains("<p class=\"note\">" + Figures.duration(sum) + " of downtime summed over 2 targets</p>")
        .doesNotContain("down in all");
  }

  @Test
  void aHistoryOlderThanTheWindowIsReportedOverTheWindowAskedFor() {
    assertThat(report.since()).isEqualTo(T0);
    assertThat(report.coversWholeHistory()).isFalse();
  }

  @Test
  void availabilityIsTheShareOfChecksThatReachedTheTarget() {
    assertThat(target("a").checks()).isEqualTo(100);
    assertThat(target("a").availability()).isEqualTo(new Availability(80, 100));
    assertThat(target("b").availability()).isEqualTo(new Availability(96, 100));
    assertThat(report.availability()).isEqualTo(new Availability(176, 200));
    assertThat(target("a").verdicts()).isEqualTo(Map.of(Verdict.UP, 80L, Verdict.DOWN, 15L, Verdict.ERROR, 5L));
  }

  @Test
  void incidentsRunFromTheFirstFailedCheckToTheFirstGoodOne() {
    TargetReport a = target("a");
    assertThat(a.incidents())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("failed")
        .as("no watch writes the history: the open one ends a minute past the last check")
        .containsExactly(
            new Incident(minute(30), minute(40), Duration.ofMinutes(10), null, null),
            new Incident(minute(90), null, Duration.ofMinutes(10), minute(99), null));
    assertThat(a.downtime()).isEqualTo(Duration.ofMinutes(20));
    assertThat(a.state()).isEqualTo("DOWN");
    assertThat(report.incidents()).isEqualTo(3);
  }

  @Test
  void anIncidentThatBeganBeforeTheWindowCountsOnlyItsPartInside() {
    TargetReport b = target("b");
    assertThat(b.incidents())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("failed")
        .containsExactly(new Incident(minute(-15), minute(4), Duration.ofMinutes(4), null, null));
    assertThat(b.state()).isEqualTo("UP");
    assertThat(b.periods()).extracting(StatePeriod::state).containsExactly("DOWN", "UP");
  }

  @Test
  void percentilesAreHdrHistogramsOverTheChecksThatGotAResponse() {
    Latency l = target("a").latency();
    assertThat(l.count()).as("the 5 refused connections have no latency").isEqualTo(95);
    assertThat(l.p50()).isEqualTo(hdr(50, 1, 95)).isCloseTo(48.0, withinPercentage(0.1));
    assertThat(l.p95()).isEqualTo(hdr(95, 1, 95)).isCloseTo(91.0, withinPercentage(0.1));
    assertThat(hdr(99, 1, 95)).isEqualTo(95.039);
    assertThat(l.p99()).as("HdrHistogram's 95.039, but never above the maximum").isEqualTo(95.0);
    assertThat(l.max()).isEqualTo(95.0);
    Latency b = target("b").latency();
    assertThat(b.p50()).isEqualTo(Math.min(hdr(50, 20, 20), 20.0)).isEqualTo(20.0);
    assertThat(b.max()).as("the maximum is exact").isEqualTo(20.0);
  }

  @Test
  void statusCodesErrorKindsAndTheCertificateAreCounted() {
    assertThat(target("a").statuses()).isEqualTo(Map.of(200, 80L, 500, 15L));
    assertThat(target("a").errors()).isEqualTo(Map.of("CONNECT_REFUSED", 5L));
    assertThat(target("b").statuses()).isEqualTo(Map.of(200, 96L, 503, 4L));
    assertThat(target("a").tlsExpiry()).isNull();
    assertThat(target("b").tlsExpiry()).isEqualTo(B_CERT);
    assertThat(report.soonestTlsExpiry().name()).isEqualTo("b");
  }

  @Test
  void theTableShowsTheSameFigures() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    TableReport.write(report, new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
    String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(text).contains("2 targets, 200 checks, availability 88.00%, 3 incidents");
    assertThat(text.lines().filter(l -> l.startsWith("a ") && l.contains("80.00%"))).singleElement().asString()
        .matches("a\\s+DOWN\\s+80\\.00%\\s+100\\s+2\\s+20m\\s+48\\.0\\s+91\\.0\\s+95\\.0\\s+95\\.0\\s+200×80 500×15"
            + "\\s+CONNECT_REFUSED×5\\s+-\\s+CONNECT_REFUSED");
    assertThat(text).containsPattern(
        "\na\\s+2026-05-01 11:30:00Z\\s+open when checks stopped at 2026-05-01 11:39:00Z\\s+10m"
            + "\\s+\\d+\\s+\\S[^\n]*\n");
  }
}
