package dev.sitepulse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Phases;
import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.history.CheckRecord;
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
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each incident says why it happened (the message of the check that started it, how many checks
 * failed in it and of which kinds) and each target what its latest check said, in all three formats.
 */
class IncidentReasonsTest {

  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
  private static final Instant UNTIL = T0.plus(Duration.ofMinutes(20));
  private static final String STATUS_FAILED = "condition failed: [STATUS] (503) < 400";
  private static final String REFUSED = "connection refused by api.example:443 <script>x()</script> "
      + "after three attempts, each of which waited for the whole connect timeout before it gave up";

  @TempDir Path dir;

  private Report report;

  private static Instant minute(long m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  /** api: DOWN from minute 5 (503, then refused twice), UP from 8, refused again from 15 to the end. */
  @BeforeEach
  void build() {
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(UNTIL, ZoneOffset.UTC))) {
      for (int i = 0; i < 20; i++) {
        Verdict v = i == 5 ? Verdict.DOWN : i == 6 || i == 7 || i >= 15 ? Verdict.ERROR : Verdict.UP;
        String message = v == Verdict.DOWN ? STATUS_FAILED : v == Verdict.ERROR ? REFUSED : null;
        h.append(new CheckRecord("api", "https://api.example/", "", minute(i), v, ErrorKind.CONNECT_REFUSED,
            v == Verdict.DOWN ? 503 : v == Verdict.UP ? 200 : 0, new Phases(0, 0, 0, 0, 0, 5_000_000), 0, 1, message,
            null));
        h.append(CheckRecord.of("home", minute(i), Verdict.UP, 200, 10));
      }
      h.append(new StateChangeRecord("api", "UNKNOWN", "UP", minute(0), minute(0)));
      h.append(new StateChangeRecord("api", "UP", "DOWN", minute(6), minute(5)));
      h.append(new StateChangeRecord("api", "DOWN", "UP", minute(9), minute(8)));
      h.append(new StateChangeRecord("api", "UP", "DOWN", minute(16), minute(15)));
      h.append(new StateChangeRecord("home", "UNKNOWN", "UP", minute(0), minute(0)));
    }
    try (LatencyStatistics stats = new AnalyticsLatencies()) {
      report = new ReportBuilder(SqliteHistory.openForReading(dir), stats).build(T0, UNTIL, null);
    }
  }

  private TargetReport target(String name) {
    return report.targets().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void eachIncidentCarriesTheMessageOfTheCheckThatStartedItAndItsFailedChecksByKind() {
    List<Incident> incidents = target("api").incidents();

    assertThat(incidents).hasSize(2);
    assertThat(incidents.get(0).failed().first().message()).isEqualTo(STATUS_FAILED);
    assertThat(incidents.get(0).failed().count()).isEqualTo(3);
    assertThat(incidents.get(0).failed().kinds())
        .containsExactly(Map.entry("CONNECT_REFUSED", 2L), Map.entry("DOWN", 1L));
    assertThat(incidents.get(1).failed().first().message()).isEqualTo(REFUSED);
    assertThat(incidents.get(1).failed().count()).as("minutes 15 to 19, to the report's end").isEqualTo(5);
    assertThat(target("api").lastProblem()).isEqualTo(REFUSED);
    assertThat(target("home").lastProblem()).as("UP: nothing to explain").isNull();
  }

  @Test
  void theTableShowsEachIncidentsReasonAndEachTargetsLastMessageCutToTheTextWidth() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableReport.write(report, new PrintStream(out, true, StandardCharsets.UTF_8));
    String table = out.toString(StandardCharsets.UTF_8);

    String cut = TableReport.text(REFUSED);
    assertThat(cut).hasSizeLessThan(REFUSED.length()).endsWith("…");
    assertThat(table).contains("LAST MESSAGE", "FAILED", "REASON", STATUS_FAILED, cut).doesNotContain(REFUSED);
    String firstIncident = table.lines().filter(l -> l.contains(STATUS_FAILED)).findFirst().orElseThrow();
    assertThat(firstIncident).matches(".* 3 +" + java.util.regex.Pattern.quote(STATUS_FAILED) + " *");
  }

  @Test
  void theJsonHasEachIncidentsFailedChecksAndFirstFailureAndEachTargetsLastCheck() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonReport.write(report, out);
    JsonNode api = new ObjectMapper().readTree(out.toByteArray()).get("targets").get(0);

    JsonNode first = api.get("incidents").get("list").get(0);
    assertThat(first.get("failed_checks").asLong()).isEqualTo(3);
    assertThat(first.get("failure_kinds").get("CONNECT_REFUSED").asLong()).isEqualTo(2);
    assertThat(first.get("first_failure").get("message").asText()).isEqualTo(STATUS_FAILED);
    assertThat(first.get("first_failure").get("status").asInt()).isEqualTo(503);
    assertThat(first.get("first_failure").get("verdict").asText()).isEqualTo("DOWN");
    assertThat(api.get("last_check").get("error_kind").asText()).isEqualTo("CONNECT_REFUSED");
    assertThat(api.get("last_check").get("message").asText()).isEqualTo(REFUSED);
    assertThat(api.get("last_check").get("at").asText()).isEqualTo(minute(19).toString());
  }

  @Test
  void theJsonGivesNoStatusNotZeroForAFailedCheckThatGotNoResponse() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonReport.write(report, out);
    JsonNode api = new ObjectMapper().readTree(out.toByteArray()).get("targets").get(0);

    JsonNode refused = api.get("incidents").get("list").get(1).get("first_failure");
    assertThat(refused.get("error_kind").asText()).isEqualTo("CONNECT_REFUSED");
    assertThat(refused.get("status").isNull()).as("as ping's json and the webhook's say it").isTrue();
    assertThat(api.get("last_check").get("status").isNull()).isTrue();
    assertThat(api.get("incidents").get("list").get(0).get("first_failure").get("status").asInt()).isEqualTo(503);
  }

  @Test
  void thePageShowsTheReasonsWholeAndEscapedInBothTables() {
    Document page = Jsoup.parse(HtmlReport.render(report, UNTIL, 0));

    assertThat(page.select("script")).as("a message is text, never markup").isEmpty();
    Element api = page.selectFirst("#targets tr[data-target=api]");
    assertThat(api.selectFirst("td.message").text()).isEqualTo(REFUSED);
    assertThat(page.selectFirst("#targets tr[data-target=home] td.message").text()).isEqualTo(Figures.NONE);
    List<Element> rows = page.select("#incidents tbody tr");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).selectFirst("td.message").text()).isEqualTo(STATUS_FAILED);
    assertThat(rows.get(0).selectFirst("td.failures").text()).isEqualTo("3: CONNECT_REFUSED×2 DOWN×1");
    assertThat(rows.get(1).selectFirst("td.message").text()).isEqualTo(REFUSED);
  }
}
