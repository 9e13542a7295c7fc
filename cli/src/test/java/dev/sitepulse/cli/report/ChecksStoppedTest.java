package dev.sitepulse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitepulse.cli.CommandLineRun;
import dev.sitepulse.pinger.Phases;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a report says of a target once nothing checks it: after a watch stopped, or while a watch
 * runs on without it. A history kept open here is a running watch: it holds the folder's lock.
 */
class ChecksStoppedTest {

  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

  @TempDir Path dir;

  private static Instant minute(long m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  /**
   * A check a minute from minute 0 to 9: {@code home} UP throughout, {@code api} UP until it fails
   * from minute 5 on (DOWN decided at minute 7) and is still failing at its last check.
   */
  private static void tenMinutes(SqliteHistory h, Instant t0) {
    for (int i = 0; i < 10; i++) {
      Instant at = t0.plus(Duration.ofMinutes(i));
      h.append(CheckRecord.of("home", at, Verdict.UP, 200, 5));
      h.append(CheckRecord.of("api", at, i < 5 ? Verdict.UP : Verdict.DOWN, i < 5 ? 200 : 500, 5));
    }
    h.append(new StateChangeRecord("home", "UNKNOWN", "UP", t0, t0));
    h.append(new StateChangeRecord("api", "UNKNOWN", "UP", t0, t0));
    h.append(new StateChangeRecord("api", "UP", "DOWN", t0.plus(Duration.ofMinutes(7)), t0.plus(Duration.ofMinutes(5))));
  }

  private SqliteHistory open(Instant now) {
    return SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(now, ZoneOffset.UTC));
  }

  private Report report(Instant since, Instant until) {
    try (LatencyStatistics stats = new AnalyticsLatencies()) {
      return new ReportBuilder(SqliteHistory.openForReading(dir), stats).build(since, until, null);
    }
  }

  private static TargetReport target(Report r, String name) {
    return r.targets().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  /** The ten minutes by a watch that then stopped. */
  private void writtenByAStoppedWatch() {
    try (SqliteHistory h = open(minute(10))) {
      tenMinutes(h, T0);
    }
  }

  @Test
  void anIncidentOpenWhenTheWatchStoppedEndsOneIntervalPastTheLastCheckNotNow() {
    writtenByAStoppedWatch();
    Instant until = minute(10).plus(Duration.ofHours(30));

    Report r = report(until.minus(Duration.ofDays(7)), until);

    TargetReport api = target(r, "api");
    assertThat(api.incidents())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("failed")
        .containsExactly(new Incident(minute(5), null, Duration.ofMinutes(5), minute(9), null));
    assertThat(api.incidents().get(0).ongoing()).isFalse();
    assertThat(api.downtime()).as("not 30 hours more").isEqualTo(Duration.ofMinutes(5));
    assertThat(api.state()).as("as last seen").isEqualTo("DOWN");
    assertThat(api.checksStopped()).isEqualTo(minute(9));
    assertThat(api.availability()).isEqualTo(new Availability(5, 10));
    assertThat(api.periods()).containsExactly(
        new StatePeriod("UP", minute(0), minute(5)),
        new StatePeriod("DOWN", minute(5), minute(10)),
        new StatePeriod("UNKNOWN", minute(10), until));
    assertThat(target(r, "home").checksStopped()).isEqualTo(minute(9));
    assertThat(target(r, "home").periods()).last().isEqualTo(new StatePeriod("UNKNOWN", minute(10), until));
  }

  @Test
  void anIncidentOfATargetARunningWatchStillChecksRunsOnToNow() {
    Instant until = minute(10).plusSeconds(30);
    try (SqliteHistory watch = open(until)) {
      tenMinutes(watch, T0);
      watch.flush().join();

      Report r = report(until.minus(Duration.ofDays(7)), until);

      TargetReport api = target(r, "api");
      assertThat(api.incidents())
          .usingRecursiveFieldByFieldElementComparatorIgnoringFields("failed")
          .containsExactly(new Incident(minute(5), null, Duration.ofSeconds(330), null, null));
      assertThat(api.incidents().get(0).ongoing()).isTrue();
      assertThat(api.checksStopped()).isNull();
      assertThat(api.periods()).last().isEqualTo(new StatePeriod("DOWN", minute(5), until));
    }
  }

  @Test
  void aTargetWhoseChecksBeganToTimeOutIsStillCheckedByTheRunningWatchInOneIncident() {
    // Every second, a 5 ms check, until the site hangs at second 10: each check then runs to its
    // 8 s timeout, and the next starts at the first tick after it, 9 s later. DOWN at the second.
    Instant t0 = T0;
    Instant until = t0.plusMillis(36_500); // the check of second 28 just recorded, that of 37 under way
    try (SqliteHistory watch = open(until)) {
      for (int i = 0; i < 10; i++) {
        watch.append(CheckRecord.of("api", t0.plusSeconds(i), Verdict.UP, 200, 5));
      }
      for (int i : new int[] {10, 19, 28}) {
        watch.append(CheckRecord.of("api", t0.plusSeconds(i), Verdict.TIMEOUT, 0, 8_000));
      }
      watch.append(new StateChangeRecord("api", "UNKNOWN", "UP", t0, t0));
      watch.append(new StateChangeRecord("api", "UP", "DOWN", t0.plusSeconds(19), t0.plusSeconds(10)));
      watch.flush().join();

      Report r = report(until.minus(Duration.ofHours(1)), until);

      TargetReport api = target(r, "api");
      assertThat(api.checksStopped()).as("checked all along, only slower").isNull();
      assertThat(api.incidents())
          .usingRecursiveFieldByFieldElementComparatorIgnoringFields("failed").containsExactly(
          new Incident(t0.plusSeconds(10), null, Duration.ofMillis(26_500), null, null));
      assertThat(api.incidents().get(0).ongoing()).isTrue();
    }
  }

  @Test
  void aTargetWhoseRetriedChecksRunLongerThanFiveIntervalsIsStillCheckedByTheRunningWatch() {
    // Every 10 s until the site hangs at second 100: with a 10 s timeout and 4 retries each check
    // then lasts 5 x 10 s plus the back-offs 1 + 2 + 4 + 8 s, 65 s, and records only its last
    // attempt's 10 s. The next began at 170 s and is under way at 230 s.
    Instant until = T0.plusSeconds(230);
    Phases timedOut = new Phases(0, 0, 0, 0, 0, Duration.ofSeconds(10).toNanos());
    try (SqliteHistory watch = open(until)) {
      for (int i = 0; i < 10; i++) {
        watch.append(CheckRecord.of("api", T0.plusSeconds(10L * i), Verdict.UP, 200, 5));
      }
      watch.append(new CheckRecord("api", null, null, T0.plusSeconds(100), Verdict.TIMEOUT, null, 0, timedOut, 0, 5,
          "timed out", null));
      watch.append(new StateChangeRecord("api", "UNKNOWN", "UP", T0, T0));
      watch.append(new StateChangeRecord("api", "UP", "DOWN", T0.plusSeconds(100), T0.plusSeconds(100)));
      watch.flush().join();

      Report r = report(until.minus(Duration.ofHours(1)), until);

      TargetReport api = target(r, "api");
      assertThat(api.checksStopped()).as("its check takes 65 s, not 10 s").isNull();
      assertThat(api.incidents().get(0).ongoing()).isTrue();
    }
  }

  /**
   * {@code api} checked every second, DOWN from second 5 on, until at second 10 a reload makes it
   * every minute, the watch recording both intervals; the check the reload starts at once is at 10.
   */
  private static void everySecondThenAReloadToEveryMinute(SqliteHistory watch) {
    watch.append(new IntervalRecord("api", null, null, Duration.ofSeconds(1)));
    for (int i = 0; i <= 10; i++) {
      watch.append(CheckRecord.of("api", T0.plusSeconds(i), i < 5 ? Verdict.UP : Verdict.DOWN, i < 5 ? 200 : 500, 5));
    }
    watch.append(new StateChangeRecord("api", "UNKNOWN", "UP", T0, T0));
    watch.append(new StateChangeRecord("api", "UP", "DOWN", T0.plusSeconds(7), T0.plusSeconds(5)));
    watch.append(new IntervalRecord("api", null, null, Duration.ofMinutes(1)));
  }

  @Test
  void aTargetWhoseIntervalAReloadLengthenedIsStillCheckedUntilItsNextSlowerCheckIsDue() {
    // Thirty seconds after the reload, the watch still checks it.
    Instant until = T0.plusSeconds(40);
    try (SqliteHistory watch = open(until)) {
      everySecondThenAReloadToEveryMinute(watch);
      watch.flush().join();

      Report r = report(until.minus(Duration.ofHours(1)), until);

      TargetReport api = target(r, "api");
      assertThat(api.checksStopped()).as("its next check is due at second 70").isNull();
      assertThat(api.incidents())
          .usingRecursiveFieldByFieldElementComparatorIgnoringFields("failed")
          .containsExactly(new Incident(T0.plusSeconds(5), null, Duration.ofSeconds(35), null, null));
      assertThat(api.incidents().get(0).ongoing()).isTrue();
    }
  }

  @Test
  void theSpaceBeforeTheFirstCheckAtALengthenedIntervalIsNoGapInTheIncident() {
    // The first check a minute after the reload's has just come.
    Instant until = T0.plusSeconds(75);
    try (SqliteHistory watch = open(until)) {
      everySecondThenAReloadToEveryMinute(watch);
      watch.append(CheckRecord.of("api", T0.plusSeconds(70), Verdict.DOWN, 500, 5));
      watch.flush().join();

      Report r = report(until.minus(Duration.ofHours(1)), until);

      assertThat(target(r, "api").incidents())
          .usingRecursiveFieldByFieldElementComparatorIgnoringFields("failed")
          .as("one incident, not one cut at second 10 and one from 70")
          .containsExactly(new Incident(T0.plusSeconds(5), null, Duration.ofSeconds(70), null, null));
    }
  }

  @Test
  void anIncidentOpenWhenChecksStoppedRunsOneRecordedIntervalPastTheLastCheckThoughALateCheckShortenedASpace() {
    // Every second; the check of second 3 waited 700 ms for its host's rate, so its space to the
    // next is 300 ms. The watch then stopped after the check of second 4.
    try (SqliteHistory watch = open(T0.plusSeconds(5))) {
      watch.append(new IntervalRecord("api", null, null, Duration.ofSeconds(1)));
      for (long ms : new long[] {0, 1000, 2000, 3700, 4000}) {
        watch.append(CheckRecord.of("api", T0.plusMillis(ms), Verdict.DOWN, 500, 5));
      }
      watch.append(new StateChangeRecord("api", "UNKNOWN", "DOWN", T0.plusSeconds(2), T0));
    }
    Instant until = T0.plusSeconds(60);

    Report r = report(until.minus(Duration.ofHours(1)), until);

    assertThat(target(r, "api").incidents())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("failed")
        .containsExactly(new Incident(T0, null, Duration.ofSeconds(5), T0.plusSeconds(4), null));
  }

  @Test
  void aTargetARunningWatchNoLongerChecksIsTreatedAsStopped() {
    Instant until = minute(30);
    try (SqliteHistory watch = open(until)) {
      tenMinutes(watch, T0);
      for (int i = 10; i < 30; i++) { // api left the config at minute 10; home is still checked
        watch.append(CheckRecord.of("home", minute(i), Verdict.UP, 200, 5));
      }
      watch.flush().join();

      Report r = report(until.minus(Duration.ofHours(24)), until);

      assertThat(target(r, "api").incidents())
          .usingRecursiveFieldByFieldElementComparatorIgnoringFields("failed")
          .containsExactly(new Incident(minute(5), null, Duration.ofMinutes(5), minute(9), null));
      assertThat(target(r, "api").checksStopped()).isEqualTo(minute(9));
      assertThat(target(r, "home").checksStopped()).isNull();
      assertThat(target(r, "home").periods()).last().isEqualTo(new StatePeriod("UP", minute(0), until));
    }
  }

  @Test
  void aTargetARunningWatchDroppedWhileDownWhoseChecksRetentionDeletedIsNotStillDown() {
    // gone, checked every second, went DOWN and left the config eight days ago; retention has
    // since deleted its checks, keeping its last state change. home is still checked.
    Instant until = minute(60).plus(Duration.ofDays(8));
    try (SqliteHistory watch = open(until)) {
      watch.append(new IntervalRecord("gone", null, null, Duration.ofSeconds(1)));
      watch.append(new StateChangeRecord("gone", "UP", "DOWN", minute(2), minute(0)));
      for (int i = 0; i < 10; i++) {
        watch.append(CheckRecord.of("home", until.minus(Duration.ofMinutes(10 - i)), Verdict.UP, 200, 5));
      }
      watch.flush().join();

      Report r = report(until.minus(Duration.ofHours(24)), until);

      TargetReport gone = target(r, "gone");
      assertThat(gone.checksStopped()).as("not checked for eight days").isEqualTo(minute(2));
      assertThat(gone.incidents()).as("none in the window, not one still down").isEmpty();
      assertThat(target(r, "home").checksStopped()).isNull();
    }
  }

  @Test
  void twoChecksInOneMillisecondDoNotMakeATargetARunningWatchDroppedCountAsCheckedForEver() {
    Instant until = minute(30);
    try (SqliteHistory watch = open(until)) {
      tenMinutes(watch, T0);
      // Among api's latest five checks, two in one millisecond: a space of 0 tells no interval.
      watch.append(CheckRecord.of("api", minute(6), Verdict.DOWN, 500, 5));
      for (int i = 10; i < 30; i++) { // api left the config at minute 10; home is still checked
        watch.append(CheckRecord.of("home", minute(i), Verdict.UP, 200, 5));
      }
      watch.flush().join();

      Report r = report(until.minus(Duration.ofHours(24)), until);

      assertThat(target(r, "api").checksStopped()).isEqualTo(minute(9));
      assertThat(target(r, "api").incidents().get(0).ongoing()).isFalse();
    }
  }

  @Test
  void aTargetWhoseChecksStoppedBeforeTheWindowHasNoDowntimeInIt() {
    writtenByAStoppedWatch();
    Instant until = minute(10).plus(Duration.ofDays(3));

    Report r = report(until.minus(Duration.ofDays(1)), until);

    TargetReport api = target(r, "api");
    assertThat(api.checks()).isZero();
    assertThat(api.incidents()).isEmpty();
    assertThat(api.downtime()).isZero();
    assertThat(api.checksStopped()).isEqualTo(minute(9));
    assertThat(api.periods()).containsExactly(new StatePeriod("UNKNOWN", until.minus(Duration.ofDays(1)), until));
  }

  @Test
  void theTableAndTheHtmlSayWhereChecksStoppedInsteadOfStillDown() {
    writtenByAStoppedWatch();
    Instant until = minute(10).plus(Duration.ofHours(30));
    Report r = report(until.minus(Duration.ofDays(7)), until);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableReport.write(r, new PrintStream(out, true, StandardCharsets.UTF_8));
    String table = out.toString(StandardCharsets.UTF_8);
    String html = HtmlReport.render(r, until, 0);

    assertThat(table).doesNotContain("still down")
        .containsPattern("\napi\\s+2026-05-01 10:05:00Z\\s+open when checks stopped at 2026-05-01 10:09:00Z\\s+5m"
            + "\\s+\\d+\\s+\\S[^\n]*\n")
        .contains("Checks stopped, STATE as last seen: api, home at 2026-05-01 10:09:00Z\n");
    assertThat(html).doesNotContain("still down")
        .contains("<td>open when checks stopped at 2026-05-01 10:09:00Z</td>")
        .contains("<div class=\"url stopped\">checks stopped<br>2026-05-01 10:09:00Z</div>")
        .contains("0 down now, 2 no longer checked");
  }

  @Test
  void theChecksStoppedLineNamesTenTargetsThoseOfOneTimeTogetherAndCountsTheRest() {
    List<TargetReport> targets = new ArrayList<>();
    for (int i = 0; i < 1000; i++) { // a watch of 1000 stopped, each after its own last check
      targets.add(stoppedAt("t" + i, minute(9).plusSeconds(i / 4)));
    }

    assertThat(TableReport.stoppedChecks(targets)).isEqualTo("t0, t1, t2, t3 at 2026-05-01 10:09:00Z; "
        + "t4, t5, t6, t7 at 2026-05-01 10:09:01Z; t8, t9 at 2026-05-01 10:09:02Z; and 990 more");
  }

  @Test
  void aNewlineInTheNameOfATargetWhoseChecksStoppedCannotBreakTheTableIntoAnotherLine() {
    try (SqliteHistory h = open(minute(2))) {
      h.append(CheckRecord.of("shop\nfake line", minute(0), Verdict.UP, 200, 5));
      h.append(CheckRecord.of("shop\nfake line", minute(1), Verdict.UP, 200, 5));
    }
    Instant until = minute(60);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableReport.write(report(until.minus(Duration.ofDays(1)), until), new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Checks stopped, STATE as last seen: shop fake line at 2026-05-01 10:01:00Z\n")
        .doesNotContain("\nfake line");
  }

  @Test
  void jsonSaysWhetherAnOpenIncidentIsOngoingOrWhereItsChecksStopped() throws Exception {
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofMinutes(10));
    JsonNode watched;
    try (SqliteHistory watch = open(t0)) {
      tenMinutes(watch, t0);
      watch.flush().join();
      watched = json(CommandLineRun.of("report", "--data", dir.toString(), "--format", "json"));
    }
    JsonNode stopped = json(CommandLineRun.of("report", "--data", dir.toString(), "--format", "json"));

    JsonNode ongoing = watched.get("targets").get(0).get("incidents").get("list").get(0);
    assertThat(watched.get("targets").get(0).get("name").asText()).isEqualTo("api");
    assertThat(ongoing.get("end").isNull()).isTrue();
    assertThat(ongoing.get("ongoing").asBoolean()).isTrue();
    assertThat(ongoing.get("checks_stopped_at").isNull()).isTrue();
    assertThat(ongoing.get("seconds").asDouble()).as("to now").isGreaterThanOrEqualTo(300);
    assertThat(watched.get("targets").get(0).get("checks_stopped_at").isNull()).isTrue();

    JsonNode open = stopped.get("targets").get(0).get("incidents").get("list").get(0);
    String last = t0.plus(Duration.ofMinutes(9)).toString();
    assertThat(open.get("end").isNull()).isTrue();
    assertThat(open.get("ongoing").asBoolean()).isFalse();
    assertThat(open.get("checks_stopped_at").asText()).isEqualTo(last);
    assertThat(open.get("seconds").asDouble()).isEqualTo(300.0);
    assertThat(stopped.get("targets").get(0).get("checks_stopped_at").asText()).isEqualTo(last);
    assertThat(stopped.get("targets").get(0).get("incidents").get("total_seconds").asDouble()).isEqualTo(300.0);
  }

  private static JsonNode json(CommandLineRun run) throws Exception {
    assertThat(run.exitCode()).as("%s", run).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  /** A target of a report whose checks stopped at {@code at}; only its name and that time matter here. */
  private static TargetReport stoppedAt(String name, Instant at) {
    return new TargetReport(name, "", "", "UP", at, 1, Map.of(), null, List.of(), Duration.ZERO, List.of(), null,
        Map.of(), Map.of(), null, null, null);
  }
}
