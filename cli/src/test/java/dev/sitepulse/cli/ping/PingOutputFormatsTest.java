package dev.sitepulse.cli.ping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.CommandLineRun;
import dev.sitepulse.cli.ping.PrometheusText.Sample;
import dev.sitepulse.cli.testing.StubServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each output format of {@code sitepulse ping}, parsed back: one target up, one down and one
 * refused, so every format has to carry a success, a failed status and a missing status.
 */
class PingOutputFormatsTest {

  @RegisterExtension static WireMockExtension stubs = StubServer.stubs();

  private static final String REFUSED = "http://127.0.0.1:1/";

  @Test
  void jsonIsOneDocumentWithASummaryAndTheResultsInInputOrder() throws IOException {
    CommandLineRun run = ping("json");

    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.get("complete").asBoolean()).as("every target checked").isTrue();
    JsonNode summary = doc.get("summary");
    assertThat(summary.get("total").asInt()).isEqualTo(3);
    assertThat(summary.get("up").asInt()).isEqualTo(1);
    assertThat(summary.get("down").asInt()).isEqualTo(1);
    assertThat(summary.get("error").asInt()).isEqualTo(1);
    assertThat(summary.get("degraded").asInt()).isZero();
    assertThat(summary.get("timeout").asInt()).isZero();
    assertThat(summary.get("wall_ms").isNumber()).isTrue();
    List<JsonNode> results = new ArrayList<>();
    doc.get("results").forEach(results::add);
    assertThat(results).extracting(r -> r.get("url").asText()).containsExactly(up(), down(), REFUSED);
    assertThat(results).extracting(r -> r.get("verdict").asText()).containsExactly("UP", "DOWN", "ERROR");
    assertThat(results.get(0).get("status").asInt()).isEqualTo(200);
    assertThat(results.get(1).get("status").asInt()).isEqualTo(404);
    assertThat(results.get(2).get("status").isNull()).isTrue();
    assertThat(results.get(2).get("error_kind").asText()).isEqualTo("CONNECT_REFUSED");
    assertThat(results.get(0).get("error_kind").isNull()).isTrue();
    assertThat(results.get(0).get("timings_ms").get("total").asDouble()).isPositive();
    assertThat(results.get(0).get("attempts")).hasSize(1);
  }

  @Test
  void jsonlIsOneCompactObjectPerCheck() throws IOException {
    CommandLineRun run = ping("jsonl");

    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(3);
    Map<String, JsonNode> byUrl = new java.util.HashMap<>();
    try (MappingIterator<JsonNode> it = new ObjectMapper().readerFor(JsonNode.class).readValues(run.out())) {
      while (it.hasNext()) {
        JsonNode r = it.next();
        byUrl.put(r.get("url").asText(), r);
      }
    }
    assertThat(byUrl).containsOnlyKeys(up(), down(), REFUSED);
    assertThat(byUrl.get(up()).get("verdict").asText()).isEqualTo("UP");
    assertThat(byUrl.get(up()).get("status").asInt()).isEqualTo(200);
    assertThat(byUrl.get(down()).get("verdict").asText()).isEqualTo("DOWN");
    assertThat(byUrl.get(down()).get("status").asInt()).isEqualTo(404);
    assertThat(byUrl.get(REFUSED).get("verdict").asText()).isEqualTo("ERROR");
    assertThat(byUrl.get(REFUSED).get("error_kind").asText()).isEqualTo("CONNECT_REFUSED");
  }

  @Test
  void csvHasAHeaderRowAndOneRecordPerCheck() throws IOException {
    CommandLineRun run = ping("csv");

    assertThat(run.out()).contains("\r\n");
    CsvMapper csv = CsvMapper.builder().enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS).build();
    List<Map<String, String>> rows;
    try (MappingIterator<Map<String, String>> it = csv.readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader().withStrictHeaders(true))
        .readValues(run.out())) {
      rows = it.readAll();
    }
    assertThat(rows.get(0).keySet()).containsExactly(
        "name", "group", "url", "verdict", "error_kind", "status",
        "total_ms", "dns_ms", "connect_ms", "tls_ms", "processing_ms", "transfer_ms",
        "bytes", "redirects", "final_url", "message", "attempts");
    assertThat(rows).extracting(r -> r.get("url")).containsExactly(up(), down(), REFUSED);
    assertThat(rows).extracting(r -> r.get("attempts")).containsExactly("1", "1", "1");
    assertThat(rows).extracting(r -> r.get("verdict")).containsExactly("UP", "DOWN", "ERROR");
    assertThat(rows).extracting(r -> r.get("status")).containsExactly("200", "404", "");
    assertThat(rows).extracting(r -> r.get("error_kind")).containsExactly("", "", "CONNECT_REFUSED");
    assertThat(Double.parseDouble(rows.get(0).get("total_ms"))).isPositive();
  }

  @Test
  void prometheusIsValidExpositionWithBlackboxExporterNames() {
    CommandLineRun run = ping("prometheus");

    List<Sample> samples = PrometheusText.parse(run.out());
    Map<String, Double> success = byTarget(samples, "probe_success");
    assertThat(success).containsOnly(Map.entry(up(), 1.0), Map.entry(down(), 0.0), Map.entry(REFUSED, 0.0));
    Map<String, Double> status = byTarget(samples, "probe_http_status_code");
    assertThat(status).containsEntry(up(), 200.0).containsEntry(down(), 404.0).containsEntry(REFUSED, 0.0);
    assertThat(byTarget(samples, "probe_duration_seconds").get(up())).isPositive();
    assertThat(samples).filteredOn(s -> s.name().equals("probe_http_duration_seconds"))
        .extracting(s -> s.labels().get("phase"))
        .containsOnly("resolve", "connect", "tls", "processing", "transfer")
        .hasSize(15);
    assertThat(byTarget(samples, "probe_http_redirects")).containsOnlyKeys(up(), down(), REFUSED);
    assertThat(byTarget(samples, "probe_http_uncompressed_body_length").get(up())).isPositive();
    assertThat(byTarget(samples, "probe_http_content_length")).as("no response, no header").containsEntry(REFUSED, -1.0);
    assertThat(samples).noneMatch(s -> s.name().equals("probe_ssl_earliest_cert_expiry"));
    assertThat(samples).filteredOn(s -> s.name().equals("sitepulse_run_complete"))
        .extracting(Sample::value).containsExactly(1.0);
  }

  @Test
  void nagiosIsAStatusLineWithPerfdataThenOneLinePerTarget() {
    CommandLineRun run = ping("nagios");

    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(4);
    String[] status = lines.get(0).split(" \\| ", -1);
    assertThat(status).hasSize(2);
    assertThat(status[0]).startsWith("SITEPULSE CRITICAL - 2 of 3 checks failing:")
        .contains(down() + " (DOWN)").contains(REFUSED + " (ERROR)");
    assertThat(status[1].split(" "))
        .hasSize(6)
        .allMatch(p -> p.matches("'[^'=]+_(time|size)'=\\d+(\\.\\d+)?(s|B);;;0"), "a perfdata item");
    assertThat(lines.subList(1, 4)).satisfiesExactly(
        l -> assertThat(l).startsWith("UP " + up() + " 200 "),
        l -> assertThat(l).startsWith("DOWN " + down() + " 404 "),
        l -> assertThat(l).startsWith("ERROR " + REFUSED + " - ").contains("CONNECT_REFUSED"));
  }

  @Test
  void nagiosSaysOkWhenAllAreUp() {
    CommandLineRun run = CommandLineRun.of("ping", "--format", "nagios", up());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().findFirst().orElseThrow()).startsWith("SITEPULSE OK - 1 check up | ");
  }

  @Test
  void theTableListsEveryTargetThenASummaryLine() {
    CommandLineRun run = ping("table");

    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).contains("VERDICT").contains("STATUS").contains("URL");
    assertThat(lines).anyMatch(l -> l.contains(up()) && l.contains("UP"));
    assertThat(lines).anyMatch(l -> l.contains(down()) && l.contains("DOWN") && l.contains("404"));
    assertThat(lines).anyMatch(l -> l.contains(REFUSED) && l.contains("CONNECT_REFUSED"));
    assertThat(lines.get(lines.size() - 1)).startsWith("3 checks: 1 up").contains("1 down").contains("1 error");
    assertThat(run.out()).as("no colours off a terminal").doesNotContain("\u001b[");
  }

  /** Runs ping over the three targets; every format exits 2 for them. */
  private static CommandLineRun ping(String format) {
    CommandLineRun run = CommandLineRun.of("ping", "--format", format, up(), down(), REFUSED);
    assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
    assertThat(run.err()).as("%s", run).isEmpty();
    return run;
  }

  private static Map<String, Double> byTarget(List<Sample> samples, String name) {
    return samples.stream().filter(s -> s.name().equals(name))
        .collect(Collectors.toMap(s -> s.labels().get("target"), Sample::value));
  }

  private static String up() {
    return StubServer.url(stubs, "/status/200");
  }

  private static String down() {
    return StubServer.url(stubs, "/status/404");
  }
}
