package dev.sitepulse.pinger.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Phases;
import dev.sitepulse.pinger.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckOutcomesTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path dir;

  private static Instant second(long s) {
    return T0.plusSeconds(s);
  }

  private static CheckRecord check(String target, long s, Verdict v, ErrorKind kind, int status, String message) {
    return new CheckRecord(target, null, null, second(s), v, kind, status, Phases.NONE, 0, 1, message, null);
  }

  private void write() {
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(second(100), ZoneOffset.UTC))) {
      h.append(check("api", 0, Verdict.UP, null, 200, null));
      h.append(check("api", 10, Verdict.DOWN, null, 503, "condition failed: [STATUS] (503) < 400"));
      h.append(check("api", 20, Verdict.ERROR, ErrorKind.CONNECT_REFUSED, 0, "connection refused by api.example"));
      h.append(check("api", 30, Verdict.TIMEOUT, null, 0, "no answer in 5s"));
      h.append(check("api", 40, Verdict.ERROR, ErrorKind.CONNECT_REFUSED, 0, "connection refused by api.example"));
      h.append(check("api", 50, Verdict.UP, null, 200, null));
      h.append(check("api", 60, Verdict.DEGRADED, null, 200, "condition failed: [RESPONSE_TIME] (900) < 500"));
      h.append(check("home", 0, Verdict.UP, null, 200, null));
    }
  }

  @Test
  void anIncidentsFailedChecksAreCountedByKindWithTheFirstOnesMessage() {
    write();
    HistoryReader r = SqliteHistory.openForReading(dir);

    List<FailedChecks> failed = r.failedChecks(List.of(
        new HistoryQuery(second(10), second(50), "api"),
        new HistoryQuery(second(0), second(100), "home"),
        new HistoryQuery(second(0), second(100), "nobody")));

    FailedChecks api = failed.get(0);
    assertThat(api.count()).isEqualTo(4);
    assertThat(api.kinds()).containsExactly(Map.entry("CONNECT_REFUSED", 2L), Map.entry("DOWN", 1L),
        Map.entry("TIMEOUT", 1L));
    assertThat(api.first()).isEqualTo(new CheckOutcome(second(10), Verdict.DOWN, null, 503,
        "condition failed: [STATUS] (503) < 400"));
    assertThat(failed.subList(1, 3)).containsExactly(FailedChecks.NONE, FailedChecks.NONE);
  }

  @Test
  void eachTargetsLatestCheckIsReadWithItsMessageUpToTheTimeGiven() {
    write();
    HistoryReader r = SqliteHistory.openForReading(dir);

    Map<String, CheckOutcome> latest = r.latestOutcomes(second(45));

    assertThat(latest.get("api")).isEqualTo(new CheckOutcome(second(40), Verdict.ERROR, ErrorKind.CONNECT_REFUSED, 0,
        "connection refused by api.example"));
    assertThat(latest.get("api").kind()).isEqualTo("CONNECT_REFUSED");
    assertThat(latest.get("home").reason()).as("an UP check has no message: its verdict says it").isEqualTo("UP (200)");
    assertThat(r.latestOutcomes(second(100)).get("api").reason())
        .isEqualTo("condition failed: [RESPONSE_TIME] (900) < 500");
  }

  @Test
  void checksTheCircuitHeldBackAreFailedChecksButNotATargetsLatestWord() {
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(second(100), ZoneOffset.UTC))) {
      h.append(check("api", 0, Verdict.ERROR, ErrorKind.CONNECT_REFUSED, 0, "connection refused by api.example"));
      h.append(check("api", 10, Verdict.ERROR, ErrorKind.CIRCUIT_OPEN, 0, "not sent: the last 5 checks ..."));
      h.append(check("api", 20, Verdict.ERROR, ErrorKind.CIRCUIT_OPEN, 0, "not sent: the last 5 checks ..."));
    }
    HistoryReader r = SqliteHistory.openForReading(dir);

    FailedChecks failed = r.failedChecks(List.of(new HistoryQuery(second(0), second(100), "api"))).get(0);

    assertThat(failed.count()).isEqualTo(3);
    assertThat(failed.kinds()).containsExactly(Map.entry("CIRCUIT_OPEN", 2L), Map.entry("CONNECT_REFUSED", 1L));
    assertThat(failed.first().kind()).isEqualTo("CONNECT_REFUSED");
    assertThat(r.latestOutcomes(second(100)).get("api").reason()).isEqualTo("connection refused by api.example");
  }

  @Test
  void aCheckSitepulseCouldNotStartIsNotATargetsLatestWord() {
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(second(100), ZoneOffset.UTC))) {
      h.append(check("api", 0, Verdict.ERROR, ErrorKind.CONNECT_REFUSED, 0, "connection refused by api.example"));
      h.append(check("api", 10, Verdict.ERROR, ErrorKind.NOT_STARTED, 0,
          "not sent: sitepulse could not start the attempt: its checks were being stopped"));
    }
    HistoryReader r = SqliteHistory.openForReading(dir);

    assertThat(r.latestOutcomes(second(100)).get("api").reason()).isEqualTo("connection refused by api.example");
  }
}
