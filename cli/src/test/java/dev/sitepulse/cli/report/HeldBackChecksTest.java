package dev.sitepulse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.history.CheckRecord;
import dev.sitepulse.pinger.history.SqliteHistory;
import dev.sitepulse.pinger.history.StateChangeRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check a second: two refused, then 30 its host's open circuit held back (recorded as
 * CIRCUIT_OPEN, never sent), then 7 UP. A held-back check is taken to fail as the checks that
 * opened the circuit did, in availability too, and listed for what it is, not as an error.
 */
class HeldBackChecksTest {

  private static final Instant T0 = Instant.parse("2026-12-06T21:00:00Z");
  private static final Instant UNTIL = T0.plusSeconds(40);

  @TempDir Path dir;

  private Report report;

  @BeforeEach
  void build() {
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(UNTIL, ZoneOffset.UTC))) {
      for (int s = 0; s < 39; s++) {
        Instant at = T0.plusSeconds(s);
        h.append(s < 2 ? CheckRecord.of("api", at, Verdict.ERROR, 0, 1)
            : s < 32 ? new CheckRecord("api", null, null, at, Verdict.ERROR, ErrorKind.CIRCUIT_OPEN, 0, null, 0, 1,
                "not sent: the last 2 checks of 127.0.0.1:18306 could not reach it", null)
            : CheckRecord.of("api", at, Verdict.UP, 200, 3));
      }
      h.append(new StateChangeRecord("api", "UNKNOWN", "DOWN", T0.plusSeconds(1), T0));
      h.append(new StateChangeRecord("api", "DOWN", "UP", T0.plusSeconds(32), T0.plusSeconds(32)));
    }
    try (LatencyStatistics stats = new AnalyticsLatencies()) {
      report = new ReportBuilder(SqliteHistory.openForReading(dir), stats).build(T0, UNTIL, null);
    }
  }

  @Test
  void heldBackChecksCountAsFailedInAvailability() {
    TargetReport api = report.targets().get(0);

    assertThat(api.availability()).as("7 of the 39 checks, 30 held back").isEqualTo(new Availability(7, 39, 30, 0));
    assertThat(Figures.percent(api.availability())).isEqualTo("17.94%");
    assertThat(report.availability()).isEqualTo(api.availability());
  }

  @Test
  void aHandEditedUpRowMarkedHeldBackCountsAsTheUpItSaysNotAlsoAsHeldBack(@TempDir Path edited) throws Exception {
    Report read = EditedHistory.twoUpsTheFirstMarked(edited, "CIRCUIT_OPEN", T0, UNTIL);

    // Before: 2 reached of 2 and 1 held back, a held-back check (taken to fail) among the UPs.
    assertThat(read.targets().get(0).availability()).isEqualTo(new Availability(2, 2, 0, 0));
    assertThat(Written.table(read)).doesNotContain("held back");
    assertThat(Written.json(read).get("targets").get(0).get("held_back").asLong()).isZero();
  }

  @Test
  void heldBackChecksAreListedBesideTheErrorsNotAmongThem() throws Exception {
    assertThat(report.targets().get(0).errors()).isEqualTo(Map.of("CONNECT_REFUSED", 2L));

    assertThat(Written.table(report)).contains("CONNECT_REFUSED×2 held back×30");

    JsonNode api = Written.json(report).get("targets").get(0);
    assertThat(api.get("held_back").asLong()).isEqualTo(30);
    assertThat(api.get("availability_percent").asDouble()).isEqualTo(700.0 / 39);
    assertThat(api.get("error_kinds").has("CIRCUIT_OPEN")).isFalse();
  }
}
