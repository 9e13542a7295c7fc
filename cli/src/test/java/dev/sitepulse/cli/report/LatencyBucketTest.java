package dev.sitepulse.cli.report;

import static dev.sitepulse.cli.report.HandMadeHistory.T0;
import static dev.sitepulse.cli.report.HandMadeHistory.UNTIL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.history.CheckRecord;
import dev.sitepulse.pinger.history.SqliteHistory;
import dev.sitepulse.pinger.history.TimeSeries;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyBucketTest {

  private static final Instant NOW = Instant.parse("2026-12-06T23:30:16.321Z");

  @TempDir Path dir;

  private static Duration bucket(Duration window) {
    return ReportBuilder.bucketWidth(NOW.minus(window), NOW);
  }

  @Test
  void theLatencyBucketIsAReadableStepAtLeastAHundredAndTwentiethOfTheWindow() {
    assertThat(bucket(Duration.ofSeconds(85))).as("709ms before").isEqualTo(Duration.ofSeconds(1));
    assertThat(bucket(Duration.ofMinutes(1))).as("500ms before").isEqualTo(Duration.ofSeconds(1));
    assertThat(bucket(Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(5));
    assertThat(bucket(Duration.ofMinutes(45))).isEqualTo(Duration.ofSeconds(30));
    assertThat(bucket(Duration.ofHours(24))).isEqualTo(Duration.ofMinutes(15));
    assertThat(bucket(Duration.ofDays(7))).isEqualTo(Duration.ofHours(2));
    assertThat(bucket(Duration.ofDays(365))).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void thePagesLegendSaysTheReadableStepAndTheBucketsAreThatWide() {
    HandMadeHistory.write(dir);
    Report r;
    try (LatencyStatistics stats = new AnalyticsLatencies()) {
      r = new ReportBuilder(SqliteHistory.openForReading(dir), stats).build(T0, UNTIL, null);
    }

    String legend = Jsoup.parse(HtmlReport.render(r, UNTIL, 0)).selectFirst("#latency .legend").text();

    assertThat(legend).endsWith("maximum, per 1m"); // 100 minutes / 120 is 50s
    TimeSeries s = r.targets().get(0).series();
    assertThat(s.width()).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.buckets()).isEqualTo(100);
    assertThat(s.checks()[99]).isEqualTo(1);
  }

  /** Checks of {@code api} a minute apart from 10:00 to 14:14, all UP in 10 ms, and its report from 10:03:20 to 14:14. */
  private Report aReportFromAnOddTime() {
    Instant first = Instant.parse("2026-05-01T10:00:00Z");
    Instant until = Instant.parse("2026-05-01T14:14:00Z");
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(3650), Clock.fixed(until, ZoneOffset.UTC))) {
      for (Instant t = first; t.isBefore(until); t = t.plus(Duration.ofMinutes(1))) {
        h.append(CheckRecord.of("api", t, Verdict.UP, 200, 10));
      }
    }
    try (LatencyStatistics stats = new AnalyticsLatencies()) {
      return new ReportBuilder(SqliteHistory.openForReading(dir), stats)
          .build(Instant.parse("2026-05-01T10:03:20Z"), until, null);
    }
  }

  @Test
  void latencyBucketsStartAtRoundTimesOfTheirWidthTheFirstPartial() {
    Report r = aReportFromAnOddTime();

    TimeSeries s = r.targets().get(0).series();
    assertThat(s.width()).isEqualTo(Duration.ofMinutes(5)); // 250m40s / 120 is 2m05s
    assertThat(s.start()).isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
    assertThat(s.bucketStart(1)).isEqualTo(Instant.parse("2026-05-01T10:05:00Z"));
    assertThat(s.checks()[0]).as("10:04 only: 10:00 to 10:03 are before the report").isEqualTo(1);
    assertThat(s.checks()[1]).isEqualTo(5);
    assertThat(s.bucketStart(s.buckets() - 1)).as("the last, 14:10 to 14:15, holds 14:10-14:13")
        .isEqualTo(Instant.parse("2026-05-01T14:10:00Z"));
    assertThat(s.checks()[s.buckets() - 1]).isEqualTo(4);
  }

  @Test
  void theLatencyChartsAxisRunsFromTheReportsStartToItsEndNotToTheLastBucketsEnd() {
    Report r = aReportFromAnOddTime();

    List<String> labels = Jsoup.parse(HtmlReport.render(r, r.until(), 0))
        .select("#latency svg text.tick-label").eachText();

    assertThat(labels).contains("2026-05-01 10:03:20Z", "2026-05-01 14:14:00Z")
        .doesNotContain("2026-05-01 14:15:00Z", "2026-05-01 14:18:20Z");
  }

  @Test
  void theAlignedBucketsHoldJustTheChecksTheTableCounts() {
    Report r = aReportFromAnOddTime();

    TargetReport api = r.targets().get(0);
    long inBuckets = Arrays.stream(api.series().checks()).sum();
    assertThat(inBuckets).isEqualTo(api.checks()).isEqualTo(250); // 10:04 to 14:13
  }
}
