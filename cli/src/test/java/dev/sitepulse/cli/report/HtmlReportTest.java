package dev.sitepulse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.Phases;
import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.history.CheckRecord;
import dev.sitepulse.pinger.history.DeliveryRecord;
import dev.sitepulse.pinger.history.SqliteHistory;
import dev.sitepulse.pinger.history.StateChangeRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  static final String HOSTILE_NAME = "</title><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";
  static final String HOSTILE_URL = "http://127.0.0.1:9/\"><svg onload=\"window.__pwned=3\"></svg>'";
  static final String HOSTILE_ERROR = "<script>window.__pwned=4</script>";

  @TempDir Path dir;

  /** A history whose every outside string tries to break out of the page. */
  static Report hostileReport(Path dir, Instant now) {
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(now, ZoneOffset.UTC))) {
      for (int i = 0; i < 30; i++) {
        Verdict v = i >= 10 && i < 15 ? Verdict.DOWN : Verdict.UP;
        h.append(new CheckRecord(HOSTILE_NAME, HOSTILE_URL, "<b>group</b>", now.minus(Duration.ofMinutes(30 - i)), v,
            null, v == Verdict.UP ? 200 : 500, new Phases(0, 0, 0, 0, 0, (5 + i) * 1_000_000L), 3, 1, HOSTILE_ERROR, null));
      }
      h.append(new StateChangeRecord(HOSTILE_NAME, "UNKNOWN", "UP", now.minus(Duration.ofMinutes(30)), now.minus(Duration.ofMinutes(30))));
      h.append(new StateChangeRecord(HOSTILE_NAME, "UP", "DOWN", now.minus(Duration.ofMinutes(18)), now.minus(Duration.ofMinutes(20))));
      h.append(new StateChangeRecord(HOSTILE_NAME, "DOWN", "UP", now.minus(Duration.ofMinutes(14)), now.minus(Duration.ofMinutes(15))));
      h.append(new DeliveryRecord(HOSTILE_NAME, now.minus(Duration.ofMinutes(17)), "CHANGE", HOSTILE_URL, false, 4,
          HOSTILE_ERROR));
      h.append(CheckRecord.of("plain", now.minus(Duration.ofMinutes(5)), Verdict.UP, 200, 12));
    }
    try (LatencyStatistics stats = new AnalyticsLatencies()) {
      return new ReportBuilder(SqliteHistory.openForReading(dir), stats).build(now.minus(Duration.ofHours(24)), now, null);
    }
  }

  @Test
  void aRightToLeftTitleKeepsItsBidiMarksInThePageButNotAnOverride() {
    // "Home page (1)" in Hebrew and in Arabic, as sites write them: the marks keep "(1)" in place.
    String hebrew = "\u05D3\u05E3 \u05D4\u05D1\u05D9\u05EA\u200F (1)\u200E";
    String arabic = "\u0627\u0644\u0631\u0626\u064A\u0633\u064A\u0629\u061C (1)";

    assertThat(Html.escape(hebrew)).isEqualTo(hebrew);
    assertThat(Html.escape(arabic)).isEqualTo(arabic);
    assertThat(Html.escape("Docs\u202Egpj.exe\u2066x\u2069")).isEqualTo("Docs\uFFFDgpj.exe\uFFFDx\uFFFD");
  }

  @Test
  void everyOutsideStringIsEscapedSoNoneOfItIsMarkup() {
    Instant now = Instant.parse("2026-05-01T12:00:00Z");
    String html = HtmlReport.render(hostileReport(dir, now), now, 0);
    String lower = html.toLowerCase(Locale.ROOT);

    assertThat(lower).doesNotContain("<script", "<img", "<svg onload", "<b>group");
    assertThat(html).contains("&lt;/title&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;")
        .contains("&quot;&gt;&lt;svg onload=&quot;window.__pwned=3&quot;&gt;")
        .contains("&lt;script&gt;window.__pwned=4&lt;/script&gt;");
    assertThat(html).contains("<tr data-target=\"&lt;/title&gt;&lt;script&gt;");
  }

  @Test
  void thePageIsOneFileThatLoadsNothingAndRunsNothing() {
    Instant now = Instant.parse("2026-05-01T12:00:00Z");
    String html = HtmlReport.render(hostileReport(dir, now), now, 0);

    assertThat(html).startsWith("<!doctype html>").endsWith("</html>\n");
    assertThat(html).contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"");
    assertThat(html).doesNotContainPattern("(?i)\\s(src|href)=\"(?!data:)");
    assertThat(html).doesNotContain("http-equiv=\"refresh\"");
    assertThat(html).contains("<svg class=\"chart availability\"", "<svg class=\"chart timeline\"",
        "<svg class=\"chart latency\"");
  }

  @Test
  void pastFiftyTargetsEachChartShowsTheWorstByItsOwnMeasure() {
    Instant now = Instant.parse("2026-05-01T12:00:00Z");
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(now, ZoneOffset.UTC))) {
      for (int i = 0; i < Charts.MAX_CHARTED; i++) {
        h.append(CheckRecord.of(String.format(Locale.ROOT, "fine%02d", i), now.minusSeconds(60), Verdict.UP, 200, 10 + i));
      }
      h.append(CheckRecord.of("slow", now.minusSeconds(60), Verdict.UP, 200, 900));
      h.append(CheckRecord.of("dead", now.minusSeconds(60), Verdict.ERROR, 0, 1));
    }
    Report r;
    try (LatencyStatistics stats = new AnalyticsLatencies()) {
      r = new ReportBuilder(SqliteHistory.openForReading(dir), stats).build(now.minus(Duration.ofHours(1)), now, null);
    }

    String html = HtmlReport.render(r, now, 0);
    String availability = html.substring(html.indexOf("<section id=\"availability\">"), html.indexOf("<section id=\"timeline\">"));
    String latency = html.substring(html.indexOf("<section id=\"latency\">"), html.indexOf("<section id=\"targets\">"));

    assertThat(availability).contains(">dead<").contains("lowest availability");
    // A target that never answered has no latency to draw: its place goes to one that answered slowly.
    assertThat(latency).contains("<figcaption>slow</figcaption>").doesNotContain("<figcaption>dead</figcaption>")
        .doesNotContain("<figcaption>fine00</figcaption>").contains("highest p95");
  }

  @Test
  void theLivePageRefreshesItself() {
    Instant now = Instant.parse("2026-05-01T12:00:00Z");
    String html = HtmlReport.render(hostileReport(dir, now), now, 30);

    assertThat(html).contains("<meta http-equiv=\"refresh\" content=\"30\">");
  }
}
