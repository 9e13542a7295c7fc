package dev.sitepulse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.history.CheckRecord;
import dev.sitepulse.pinger.history.SqliteHistory;
import dev.sitepulse.pinger.history.StateChangeRecord;
import dev.sitepulse.pinger.history.TimeSeries;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check a second: one sitepulse could not start (NOT_STARTED), two refused, two its host's open
 * circuit held back, another not started, then six UP; DOWN from the first, as a watch before
 * NOT_STARTED stopped counting took it. A check not started stands for nothing the target did: it
 * is neither among the checks of its availability nor an incident's failed checks, and is listed
 * apart from the errors.
 */
class UnstartedChecksTest {

  private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
  private static final Instant UNTIL = T0.plusSeconds(12);
  private static final String REFUSED = "connection refused by 127.0.0.1:9";

  @TempDir Path dir;

  private Report report;

  @BeforeEach
  void build() {
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(UNTIL, ZoneOffset.UTC))) {
      for (int s = 0; s < 12; s++) {
        Instant at = T0.plusSeconds(s);
        h.append(s == 0 || s == 5 ? error(at, ErrorKind.NOT_STARTED,
                "not sent: sitepulse could not start the attempt: its checks were being stopped")
            : s < 3 ? error(at, ErrorKind.CONNECT_REFUSED, REFUSED)
            : s < 5 ? error(at, ErrorKind.CIRCUIT_OPEN, "not sent: the last 2 checks of 127.0.0.1:9 could not reach it")
            : CheckRecord.of("api", at, Verdict.UP, 200, 3));
      }
      h.append(new StateChangeRecord("api", "UNKNOWN", "DOWN", T0.plusSeconds(2), T0));
      h.append(new StateChangeRecord("api", "DOWN", "UP", T0.plusSeconds(7), T0.plusSeconds(6)));
    }
    try (LatencyStatistics stats = new AnalyticsLatencies()) {
      report = new ReportBuilder(SqliteHistory.openForReading(dir), stats).build(T0, UNTIL, null);
    }
  }

  private static CheckRecord error(Instant at, ErrorKind kind, String message) {
    return new CheckRecord("api", null, null, at, Verdict.ERROR, kind, 0, null, 0, 1, message, null);
  }

  @Test
  void aHandEditedUpRowMarkedNotStartedCountsAsTheUpItSays(@TempDir Path edited) throws Exception {
    // Before: the row was taken off the checks as an ERROR, 2 reached of 1, and Availability threw.
    Report read = EditedHistory.twoUpsTheFirstMarked(edited, "NOT_STARTED", T0, UNTIL);

    assertThat(read.targets().get(0).availability()).isEqualTo(new Availability(2, 2, 0, 0));
    assertThat(read.targets().get(0).verdicts()).isEqualTo(Map.of(Verdict.UP, 2L));
  }

  @Test
  void checksNotStartedAreNotAmongTheChecksOfAvailability() {
    TargetReport api = report.targets().get(0);

    assertThat(api.availability()).as("6 UP of the 10 checks that count, 2 held back; 2 not started")
        .isEqualTo(new Availability(6, 10, 2, 2));
    assertThat(Figures.percent(api.availability())).isEqualTo("60.00%");
    assertThat(api.checks()).isEqualTo(10);
    assertThat(api.verdicts()).isEqualTo(Map.of(Verdict.ERROR, 4L, Verdict.UP, 6L));
    assertThat(report.availability()).isEqualTo(api.availability());
    assertThat(report.checks()).isEqualTo(10);
  }

  @Test
  void theTimeBucketsHoldJustTheChecksAvailabilityCountsAndTheNotStartedApart() {
    TimeSeries s = report.targets().get(0).series();

    assertThat(Arrays.stream(s.checks()).sum()).isEqualTo(10);
    assertThat(Arrays.stream(s.failures()).sum()).as("2 refused, 2 held back").isEqualTo(4);
    assertThat(Arrays.stream(s.notStarted()).sum()).isEqualTo(2);
  }

  @Test
  void checksNotStartedAreNotAnIncidentsFailedChecksNorItsReason() {
    Incident i = report.targets().get(0).incidents().get(0);

    assertThat(i.failed().count()).as("2 refused, 2 held back").isEqualTo(4);
    assertThat(i.failed().kinds()).doesNotContainKey("NOT_STARTED");
    assertThat(i.failed().first().reason()).isEqualTo(REFUSED);
  }

  @Test
  void checksNotStartedAreListedBesideTheErrorsNotAmongThem() throws Exception {
    assertThat(report.targets().get(0).errors()).isEqualTo(Map.of("CONNECT_REFUSED", 2L));

    assertThat(Written.table(report)).contains("CONNECT_REFUSED×2 held back×2 not started×2");

    JsonNode root = Written.json(report);
    assertThat(root.get("not_started").asLong()).isEqualTo(2);
    JsonNode api = root.get("targets").get(0);
    assertThat(api.get("checks").asLong()).isEqualTo(10);
    assertThat(api.get("not_started").asLong()).isEqualTo(2);
    assertThat(api.get("held_back").asLong()).isEqualTo(2);
    assertThat(api.get("availability_percent").asDouble()).isEqualTo(60.0);
    assertThat(api.get("error_kinds").has("NOT_STARTED")).isFalse();
  }
}
