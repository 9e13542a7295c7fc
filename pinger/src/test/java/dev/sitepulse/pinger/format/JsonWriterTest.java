package dev.sitepulse.pinger.format;

import static dev.sitepulse.pinger.format.SampleResults.ALL;
import static dev.sitepulse.pinger.format.SampleResults.DOWN_MESSAGE;
import static dev.sitepulse.pinger.format.SampleResults.SHOP_NAME;
import static dev.sitepulse.pinger.format.SampleResults.output;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitepulse.pinger.Attempt;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.RunSummary;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode document() throws Exception {
    return MAPPER.readTree(output(out -> new JsonWriter(out, false)));
  }

  private static JsonNode result(int index) throws Exception {
    return document().get("results").get(index);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void writesTheSummaryThenTheResultsInInputOrder() throws Exception {
    JsonNode doc = document();

    assertThat(fieldNames(doc)).containsExactly("complete", "stopped_by", "unfinished", "summary", "results");
    assertThat(fieldNames(doc.get("summary")))
        .containsExactly("total", "up", "degraded", "down", "timeout", "error", "wall_ms");
    assertThat(doc.get("summary").get("up").asInt()).isEqualTo(2);
    assertThat(doc.get("summary").get("wall_ms").asText()).isEqualTo("2310");
    assertThat(doc.get("results")).extracting(r -> r.get("name").asText())
        .containsExactlyElementsOf(ALL.stream().map(r -> r.target().name()).toList());
  }

  @Test
  void aWholeRunSaysItIsCompleteAndStoppedByNothing() throws Exception {
    JsonNode doc = document();

    assertThat(doc.get("complete").asBoolean()).isTrue();
    assertThat(doc.get("stopped_by").isNull()).isTrue();
    assertThat(doc.get("unfinished").asInt()).isZero();
  }

  @Test
  void aRunAStopCutShortSaysSoWithTheSignalAndHowManyChecksItLeft() throws Exception {
    JsonNode doc = MAPPER.readTree(output(out -> new JsonWriter(out, false), List.of(SampleResults.SHOP), 2));

    assertThat(doc.get("complete").asBoolean()).isFalse();
    assertThat(doc.get("stopped_by").asText()).isEqualTo("SIGTERM");
    assertThat(doc.get("unfinished").asInt()).isEqualTo(2);
    assertThat(doc.get("summary").get("total").asInt()).as("the checks that finished").isEqualTo(1);
  }

  @Test
  void writesTheFieldsOfAResultInTheDocumentedOrder() throws Exception {
    JsonNode api = result(0);

    assertThat(fieldNames(api)).containsExactly("name", "group", "url", "verdict", "error_kind", "message",
        "status", "final_url", "redirects", "queued_ms", "timings_ms", "bytes", "body_truncated", "remote_address", "tls",
        "conditions", "hops", "attempts");
    assertThat(fieldNames(api.get("timings_ms")))
        .containsExactly("dns", "connect", "tls", "processing", "transfer", "total");
    assertThat(fieldNames(api.get("hops").get(0))).containsExactly("url", "status", "location", "timings_ms");
    assertThat(fieldNames(api.get("attempts").get(0)))
        .containsExactly("number", "started_at", "verdict", "error_kind", "message", "status", "queued_ms", "total_ms");
    assertThat(fieldNames(api.get("conditions").get(0))).containsExactly("condition", "success", "description");
  }

  @Test
  void writesTheWaitToStartApartFromTheTimingsItIsNotPartOf() throws Exception {
    Attempt last = SampleResults.API.last().withQueued(Duration.ofNanos(1_500_250_400));
    CheckResult queued = new CheckResult(SampleResults.API.target(), List.of(last));
    JsonNode result = MAPPER.readTree(output(out -> new JsonWriter(out, false), List.of(queued))).get("results").get(0);

    assertThat(result.get("queued_ms").asText()).isEqualTo("1500.25");
    assertThat(result.get("attempts").get(0).get("queued_ms").asText()).isEqualTo("1500.25");
    assertThat(result.get("timings_ms").get("total").asText()).as("as without the wait").isEqualTo("25");
    assertThat(result(0).get("queued_ms").asText()).as("not queued").isEqualTo("0");
  }

  @Test
  void writesTimingsAsPlainMillisecondsWithAtMostThreeDecimals() throws Exception {
    JsonNode timings = result(0).get("timings_ms");

    assertThat(timings.get("dns").asText()).isEqualTo("1.235");
    assertThat(timings.get("tls").asText()).isEqualTo("10.5");
    assertThat(timings.get("transfer").asText()).isEqualTo("0.3");
    assertThat(timings.get("total").asText()).isEqualTo("25");
    assertThat(result(3).get("timings_ms").get("total").asText()).isEqualTo("10000");
  }

  @Test
  void writesTheErrorKindOnlyForAnError() throws Exception {
    JsonNode results = document().get("results");

    assertThat(results.get(4).get("error_kind").asText()).isEqualTo("CONNECT_REFUSED");
    for (int i : new int[] {0, 1, 2, 3, 5}) {
      assertThat(results.get(i).get("error_kind").isNull()).isTrue();
    }
  }

  @Test
  void writesANullStatusAndFinalUrlWhenNoResponseArrived() throws Exception {
    JsonNode slow = result(3);

    assertThat(slow.get("status").isNull()).isTrue();
    assertThat(slow.get("final_url").isNull()).isTrue();
    assertThat(slow.get("hops")).isEmpty();
  }

  @Test
  void writesTheHandshakeWithAnIsoExpiryOrNullForPlainHttp() throws Exception {
    JsonNode tls = result(0).get("tls");

    assertThat(tls.get("version").asText()).isEqualTo("TLSv1.3");
    assertThat(tls.get("cipher").asText()).isEqualTo("TLS_AES_128_GCM_SHA256");
    assertThat(tls.get("subject").asText()).isEqualTo("CN=api.example.com");
    assertThat(tls.get("issuer").asText()).isEqualTo("CN=Example CA");
    assertThat(tls.get("not_after").asText()).isEqualTo("2025-06-30T23:59:59Z");
    assertThat(result(2).get("tls").isNull()).isTrue();
  }

  @Test
  void writesEveryHopOfARedirectChain() throws Exception {
    JsonNode docs = result(5);

    assertThat(docs.get("redirects").asInt()).isEqualTo(1);
    assertThat(docs.get("final_url").asText()).isEqualTo("https://docs.example.com/");
    assertThat(docs.get("hops").get(0).get("status").asInt()).isEqualTo(301);
    assertThat(docs.get("hops").get(0).get("location").asText()).isEqualTo("https://docs.example.com/");
    assertThat(docs.get("hops").get(1).get("timings_ms").get("total").asText()).isEqualTo("70");
    assertThat(docs.get("body_truncated").asBoolean()).isTrue();
  }

  @Test
  void keepsEveryAttemptSoRetriesAreVisible() throws Exception {
    JsonNode attempts = result(5).get("attempts");

    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0).get("verdict").asText()).isEqualTo("TIMEOUT");
    assertThat(attempts.get(0).get("status").isNull()).isTrue();
    assertThat(attempts.get(0).get("total_ms").asText()).isEqualTo("10000");
    assertThat(attempts.get(1).get("number").asInt()).isEqualTo(2);
    assertThat(attempts.get(1).get("started_at").asText()).isEqualTo("2025-03-01T12:00:11Z");
    assertThat(attempts.get(1).get("verdict").asText()).isEqualTo("UP");
    assertThat(attempts.get(1).get("status").asInt()).isEqualTo(200);
  }

  @Test
  void roundTripsCommasQuotesAndLineBreaks() throws Exception {
    assertThat(result(1).get("name").asText()).isEqualTo(SHOP_NAME);
    assertThat(result(2).get("message").asText()).isEqualTo(DOWN_MESSAGE);
  }

  @Test
  void jsonLinesPrintsOneCompactObjectPerCheckAsSoonAsItCompletes() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // Buffered: a line only reaches the bytes if the writer flushes it.
    PrintStream out = new PrintStream(new BufferedOutputStream(bytes, 1 << 16), false, StandardCharsets.UTF_8);
    JsonWriter writer = new JsonWriter(out, true);

    for (int i = 0; i < ALL.size(); i++) {
      writer.onResult(ALL.get(i));
      List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
      assertThat(lines).hasSize(i + 1);
      JsonNode line = MAPPER.readTree(lines.get(i));
      assertThat(line.get("name").asText()).isEqualTo(ALL.get(i).target().name());
      assertThat(fieldNames(line)).startsWith("name", "group", "url", "verdict");
    }
    String streamed = bytes.toString(StandardCharsets.UTF_8);
    writer.finish(ALL, RunSummary.of(ALL, Duration.ofSeconds(1)));
    out.flush();

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(streamed);
  }

  @Test
  void jsonLinesKeepsALineBreakInAMessageEscaped() throws Exception {
    List<String> lines = output(out -> new JsonWriter(out, true)).lines().toList();

    assertThat(lines).hasSize(ALL.size());
    assertThat(MAPPER.readTree(lines.get(2)).get("message").asText()).isEqualTo(DOWN_MESSAGE);
    assertThat(MAPPER.readTree(lines.get(2))).isEqualTo(result(2));
  }

  @Test
  void writesUtf8EvenOntoATerminalWhoseCharsetIsAscii() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // What System.out is under LANG=C: anything past ASCII would print as '?'.
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.US_ASCII);
    var cafe = SampleResults.result(SampleResults.target("Café ☕", null, "https://café.example/"),
        SampleResults.ALL.get(0).attempts().get(0));

    new JsonWriter(out, true).onResult(cafe);

    JsonNode line = MAPPER.readTree(bytes.toString(StandardCharsets.UTF_8));
    assertThat(line.get("name").asText()).isEqualTo("Café ☕");
  }

  @Test
  void bidiOverridesIsolatesAndC1ControlsAreEscapedAndOtherTextStaysUtf8() throws Exception {
    // "Trojan Source": U+202E shows "gnp.exe" as "exe.png" in a terminal or a web view of the JSON.
    String name = "Café \u202Egnp.exe\u202C \u2067isolated\u2069 \u009B31m \u007F ☕";
    var hostile = SampleResults.result(SampleResults.target(name, null, "https://café.example/"),
        SampleResults.ALL.get(0).attempts().get(0));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    new JsonWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8), true).onResult(hostile);

    String line = bytes.toString(StandardCharsets.UTF_8);
    assertThat(line).contains("\"name\":\"Café \\u202Egnp.exe\\u202C \\u2067isolated\\u2069 \\u009B31m \\u007F ☕\"")
        .doesNotContain("\u202E", "\u202C", "\u2067", "\u2069", "\u009B", "\u007F");
    assertThat(MAPPER.readTree(line).get("name").asText()).as("still the same text to a JSON reader").isEqualTo(name);
  }
}
