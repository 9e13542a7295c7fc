package dev.sitepulse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.history.CheckRecord;
import dev.sitepulse.pinger.history.IntervalRecord;
import dev.sitepulse.pinger.history.SqliteHistory;
import dev.sitepulse.pinger.history.StateChangeRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a report says of the time no watch checked a target between two that did: a watch stopped
 * and started again three hours later. A check a minute while a watch runs; the history is closed
 * at the end, as the watch stopped again. And of a target taken out of the config and put back
 * while the watch went on checking others.
 */
class RestartGapsTest {

  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
  private static final Instant UNTIL = minute(200);

  @TempDir Path dir;

  private static Instant minute(long m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  /** A check of {@code target} at each of {@code minutes}: UP before {@code downFrom} and from {@code upFrom}. */
  private static void checks(SqliteHistory h, String target, IntStream minutes, int downFrom, int upFrom) {
    minutes.forEach(m -> {
      boolean up = m < downFrom || m >= upFrom;
      h.append(CheckRecord.of(target, minute(m), up ? Verdict.UP : Verdict.DOWN, up ? 200 : 500, 5));
    });
  }

  private static void change(SqliteHistory h, String target, String from, String to, int at, int since) {
    h.append(new StateChangeRecord(target, from, to, minute(at), minute(since)));
  }

  /**
   * {@code api}: UP, DOWN from minute 5 when the watch stopped at minute 10, still DOWN when it
   * started again at minute 190, back UP from minute 195. {@code home}: UP when the watch stopped,
   * DOWN from the first check after it started again. {@code blog}: UP throughout, never DOWN.
   */
  private void aWatchStoppedForThreeHours() {
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(UNTIL, ZoneOffset.UTC))) {
      checks(h, "api", IntStream.range(0, 10), 5, 10);
      checks(h, "api", IntStream.range(190, 200), 0, 195);
      change(h, "api", "UNKNOWN", "UP", 0, 0);
      change(h, "api", "UP", "DOWN", 7, 5);
      change(h, "api", "DOWN", "UP", 196, 195);
      checks(h, "home", IntStream.range(0, 10), 10, 10);
      checks(h, "home", IntStream.range(190, 200), 0, 200);
      change(h, "home", "UNKNOWN", "UP", 0, 0);
      change(h, "home", "UP", "DOWN", 192, 190);
      checks(h, "blog", IntStream.range(0, 10), 200, 200);
      checks(h, "blog", IntStream.range(190, 200), 200, 200);
      change(h, "blog", "UNKNOWN", "UP", 0, 0);
    }
  }

  /** From {@code since}, or from the history's first record (minute 0) when that is later. */
  private Report report(Instant since) {
    try (LatencyStatistics stats = new AnalyticsLatencies()) {
      return new ReportBuilder(SqliteHistory.openForReading(dir), stats).build(since, UNTIL, null);
    }
  }

  private static TargetReport target(Report r, String name) {
    return r.targets().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aTargetDownBeforeAndAfterAStoppedWatchHasTwoIncidentsAndTheGapIsNotDowntime() {
    aWatchStoppedForThreeHours();

    TargetReport api = target(report(minute(-60)), "api");

    assertThat(api.incidents())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("failed").containsExactly(
        new Incident(minute(5), null, Duration.ofMinutes(5), minute(9), null),
        new Incident(minute(190), minute(195), Duration.ofMinutes(5), null, minute(190)));
    assertThat(api.downtime()).as("not 3h10m").isEqualTo(Duration.ofMinutes(10));
    assertThat(api.periods()).containsExactly(
        new StatePeriod("UP", minute(0), minute(5)),
        new StatePeriod("DOWN", minute(5), minute(10)),
        new StatePeriod("UNKNOWN", minute(10), minute(190)),
        new StatePeriod("DOWN", minute(190), minute(195)),
        new StatePeriod("UP", minute(195), UNTIL));
    assertThat(api.availability()).as("counts checks, as before").isEqualTo(new Availability(10, 20));
  }

  @Test
  void aTargetUpBeforeAStoppedWatchAndDownAfterItIsNotUpInTheGapNorDownBeforeChecksResumed() {
    aWatchStoppedForThreeHours();

    TargetReport home = target(report(minute(-60)), "home");

    assertThat(home.periods()).containsExactly(
        new StatePeriod("UP", minute(0), minute(10)),
        new StatePeriod("UNKNOWN", minute(10), minute(190)),
        new StatePeriod("DOWN", minute(190), UNTIL));
    assertThat(home.incidents())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("failed")
        .containsExactly(new Incident(minute(190), null, Duration.ofMinutes(10), minute(199), minute(190)));
  }

  @Test
  void aTargetNeverDownIsUnknownWhileTheWatchWasStoppedNotUpThroughIt() {
    aWatchStoppedForThreeHours();

    TargetReport blog = target(report(minute(-60)), "blog");

    assertThat(blog.periods()).containsExactly(
        new StatePeriod("UP", minute(0), minute(10)),
        new StatePeriod("UNKNOWN", minute(10), minute(190)),
        new StatePeriod("UP", minute(190), UNTIL));
    assertThat(blog.incidents()).isEmpty();
  }

  @Test
  void anIncidentThatBeganBeforeTheWindowStartsInItWhereChecksResumedAfterAGapBeforeIt() {
    aWatchStoppedForThreeHours();

    TargetReport api = target(report(minute(180)), "api");

    assertThat(api.incidents())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("failed")
        .containsExactly(new Incident(minute(190), minute(195), Duration.ofMinutes(5), null, minute(190)));
    assertThat(api.periods()).first().isEqualTo(new StatePeriod("UNKNOWN", minute(180), minute(190)));
  }

  @Test
  void skippedTicksOfTwoOrThreeIntervalsDoNotSplitAnIncidentNorLeaveTimeUnknown() {
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(UNTIL, ZoneOffset.UTC))) {
      IntStream ticks = IntStream.of(0, 1, 2, 3, 5, 6, 9, 10, 11, 13, 16, 17, 19, 20, 21, 22, 25, 26, 27, 28, 29);
      checks(h, "api", ticks, 5, 26);
      change(h, "api", "UNKNOWN", "UP", 0, 0);
      change(h, "api", "UP", "DOWN", 9, 5);
      change(h, "api", "DOWN", "UP", 27, 26);
    }

    TargetReport api = target(report(minute(-60)), "api");

    assertThat(api.incidents())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("failed")
        .containsExactly(new Incident(minute(5), minute(26), Duration.ofMinutes(21), null, null));
    assertThat(api.periods()).containsExactly(
        new StatePeriod("UP", minute(0), minute(5)),
        new StatePeriod("DOWN", minute(5), minute(26)),
        new StatePeriod("UP", minute(26), minute(30)),
        new StatePeriod("UNKNOWN", minute(30), UNTIL));
  }

  @Test
  void theTableTheHtmlAndTheJsonSayWhereChecksStoppedAndResumedInsideAnIncident() throws Exception {
    aWatchStoppedForThreeHours();
    Report r = report(minute(-60));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableReport.write(r, new PrintStream(out, true, StandardCharsets.UTF_8));
    String table = out.toString(StandardCharsets.UTF_8);
    String html = HtmlReport.render(r, UNTIL, 0);
    out.reset();
    JsonReport.write(r, out);
    JsonNode api = new ObjectMapper().readTree(out.toByteArray()).get("targets").get(0);

    assertThat(table)
        .containsPattern("\napi\\s+2026-05-01 10:05:00Z\\s+open when checks stopped at 2026-05-01 10:09:00Z\\s+5m"
            + "\\s+\\d+\\s+\\S[^\n]*\n")
        .containsPattern("\napi\\s+already down when checks resumed at 2026-05-01 13:10:00Z\\s+"
            + "2026-05-01 13:15:00Z\\s+5m\\s+\\d+\\s+\\S[^\n]*\n");
    assertThat(html).contains("<td>already down when checks resumed at 2026-05-01 13:10:00Z</td>")
        .contains("api: UNKNOWN 2026-05-01 10:10:00Z to 2026-05-01 13:10:00Z (3h)");
    assertThat(api.get("name").asText()).isEqualTo("api");
    assertThat(api.get("incidents").get("total_seconds").asDouble()).isEqualTo(600.0);
    JsonNode before = api.get("incidents").get("list").get(0);
    JsonNode after = api.get("incidents").get("list").get(1);
    assertThat(before.get("checks_stopped_at").asText()).isEqualTo("2026-05-01T10:09:00Z");
    assertThat(before.get("checks_resumed_at").isNull()).isTrue();
    assertThat(after.get("start").asText()).isEqualTo("2026-05-01T13:10:00Z");
    assertThat(after.get("checks_resumed_at").asText()).isEqualTo("2026-05-01T13:10:00Z");
    assertThat(after.get("end").asText()).isEqualTo("2026-05-01T13:15:00Z");
  }

  @Test
  void aTargetNeverDownTakenOutOfTheConfigAndPutBackIsUnknownInBetweenNotUpThroughIt() {
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(UNTIL, ZoneOffset.UTC))) {
      h.append(new IntervalRecord("shop", null, null, Duration.ofMinutes(1)));
      h.append(new IntervalRecord("blog", null, null, Duration.ofMinutes(1)));
      checks(h, "shop", IntStream.range(0, 200), 200, 200);
      checks(h, "blog", IntStream.range(0, 10), 200, 200);
      checks(h, "blog", IntStream.range(190, 200), 200, 200);
      change(h, "shop", "UNKNOWN", "UP", 0, 0);
      change(h, "blog", "UNKNOWN", "UP", 0, 0);
    }

    Report r = report(minute(-60));

    assertThat(target(r, "blog").periods()).containsExactly(
        new StatePeriod("UP", minute(0), minute(10)),
        new StatePeriod("UNKNOWN", minute(10), minute(190)),
        new StatePeriod("UP", minute(190), UNTIL));
    assertThat(target(r, "shop").periods()).containsExactly(new StatePeriod("UP", minute(0), UNTIL));
  }
}
