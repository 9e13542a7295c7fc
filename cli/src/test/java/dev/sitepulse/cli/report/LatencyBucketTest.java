package dev.sitepulse.cli.report;

import static dev.sitepulse.cli.report.HandMadeHistory.T0;
import static dev.sitepulse.cli.report.HandMadeHistory.UNTIL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.history.SqliteHistory;
import dev.sitepulse.pinger.history.TimeSeries;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
}
