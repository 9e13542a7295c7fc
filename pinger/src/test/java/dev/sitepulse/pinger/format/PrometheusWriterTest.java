package dev.sitepulse.pinger.format;

import static dev.sitepulse.pinger.format.SampleResults.ALL;
import static dev.sitepulse.pinger.format.SampleResults.NOT_AFTER;
import static dev.sitepulse.pinger.format.SampleResults.SHOP;
import static dev.sitepulse.pinger.format.SampleResults.SHOP_NAME;
import static dev.sitepulse.pinger.format.SampleResults.SLOW;
import static dev.sitepulse.pinger.format.SampleResults.output;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.format.PrometheusTextParser.Family;
import dev.sitepulse.pinger.format.PrometheusTextParser.Sample;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusWriterTest {

  private static List<Family> families(List<CheckResult> results) {
    return PrometheusTextParser.parse(output(PrometheusWriter::new, results));
  }

  private static Family family(String name) {
    return families(ALL).stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  private static double value(String family, String target) {
    return family(family).samples().stream()
        .filter(s -> s.labels().get("target").equals(target))
        .findFirst().orElseThrow().value();
  }

  @Test
  void writesBlackboxExporterFamiliesEachOnceAsADocumentedGauge() {
    List<Family> families = families(ALL);

    assertThat(families).extracting(Family::name).containsExactly("probe_success", "probe_duration_seconds",
        "probe_http_status_code", "probe_http_duration_seconds", "probe_http_content_length",
        "probe_http_uncompressed_body_length", "probe_http_redirects", "probe_ssl_earliest_cert_expiry",
        "sitepulse_run_complete", "sitepulse_run_unfinished_checks");
    assertThat(families).allSatisfy(f -> {
      assertThat(f.type()).isEqualTo("gauge");
      assertThat(f.help()).isNotBlank();
    });
  }

  @Test
  void labelsEverySampleWithItsTargetName() {
    List<String> names = ALL.stream().map(r -> r.target().name()).toList();

    assertThat(family("probe_success").samples()).extracting(s -> s.labels().get("target"))
        .containsExactlyElementsOf(names);
    assertThat(families(ALL)).filteredOn(f -> f.name().startsWith("probe_")).flatExtracting(Family::samples)
        .allSatisfy(s -> assertThat(s.labels()).containsKey("target"));
  }

  @Test
  void escapesBackslashesQuotesAndLineBreaksInLabelValues() {
    String awkward = "back\\slash \"quoted\"\nsecond line";
    CheckResult result = new CheckResult(
        SampleResults.target(awkward, "", "http://x.example.com/"), SLOW.attempts());

    String text = output(PrometheusWriter::new, List.of(result));
    List<Family> families = PrometheusTextParser.parse(text);

    assertThat(text).contains("{target=\"back\\\\slash \\\"quoted\\\"\\nsecond line\"}");
    assertThat(families.get(0).samples().get(0).labels()).isEqualTo(Map.of("target", awkward));
    assertThat(value("probe_success", SHOP_NAME)).isEqualTo(1);
  }

  @Test
  void aWholeRunSaysItIsCompleteWithNoChecksUnfinished() {
    assertThat(family("sitepulse_run_complete").samples()).singleElement()
        .satisfies(s -> assertThat(s.labels()).isEmpty()).extracting(Sample::value).isEqualTo(1.0);
    assertThat(family("sitepulse_run_unfinished_checks").samples()).singleElement()
        .extracting(Sample::value).isEqualTo(0.0);
  }

  @Test
  void aRunAStopCutShortSaysItIsIncompleteAndHowManyChecksItLeft() {
    List<Family> families = PrometheusTextParser.parse(output(PrometheusWriter::new, List.of(SHOP), 2));

    assertThat(families).filteredOn(f -> f.name().equals("sitepulse_run_complete"))
        .flatExtracting(Family::samples).extracting(Sample::value).containsExactly(0.0);
    assertThat(families).filteredOn(f -> f.name().equals("sitepulse_run_unfinished_checks"))
        .flatExtracting(Family::samples).extracting(Sample::value).containsExactly(2.0);
  }

  @Test
  void countsUpAndDegradedAsSuccessAndTheRestAsFailure() {
    assertThat(family("probe_success").samples()).extracting(Sample::value)
        .containsExactly(1.0, 1.0, 0.0, 0.0, 0.0, 1.0);
  }

  @Test
  void reportsDurationsInSeconds() {
    assertThat(value("probe_duration_seconds", "api")).isEqualTo(0.025);
    assertThat(value("probe_duration_seconds", SLOW.target().name())).isEqualTo(10.0);
  }

  @Test
  void reportsOneSamplePerPhaseUnderBlackboxNames() {
    List<Sample> api = family("probe_http_duration_seconds").samples().stream()
        .filter(s -> s.labels().get("target").equals("api")).toList();

    assertThat(api).extracting(s -> s.labels().get("phase"))
        .containsExactly("resolve", "connect", "tls", "processing", "transfer");
    assertThat(api).extracting(Sample::value).containsExactly(0.001234567, 0.002, 0.0105, 0.008, 0.0003);
  }

  @Test
  void reportsStatusBodyBytesAndRedirects() {
    assertThat(value("probe_http_status_code", "status page")).isEqualTo(503);
    assertThat(value("probe_http_status_code", SLOW.target().name())).isEqualTo(0);
    assertThat(value("probe_http_uncompressed_body_length", "api")).isEqualTo(659);
    assertThat(value("probe_http_redirects", "it's docs")).isEqualTo(1);
  }

  @Test
  void reportsTheContentLengthHeaderAsBlackboxDoesAndTheBodyReadApart() {
    assertThat(value("probe_http_content_length", "it's docs")).as("the header").isEqualTo(1024);
    assertThat(value("probe_http_uncompressed_body_length", "it's docs")).as("the body read").isEqualTo(2048);
    assertThat(value("probe_http_content_length", "api")).as("no header").isEqualTo(-1);
  }

  @Test
  void reportsCertificateExpiryOnlyForTargetsWithTls() {
    List<Sample> expiry = family("probe_ssl_earliest_cert_expiry").samples();

    assertThat(expiry).hasSize(1);
    assertThat(expiry.get(0).labels()).isEqualTo(Map.of("target", "api"));
    assertThat(expiry.get(0).value()).isEqualTo(NOT_AFTER.getEpochSecond());
  }

  @Test
  void leavesOutCertificateExpiryWhenNoTargetHasTls() {
    assertThat(families(List.of(SHOP, SLOW))).extracting(Family::name)
        .doesNotContain("probe_ssl_earliest_cert_expiry");
  }

  @Test
  void writesNumbersWithoutLocaleSeparators() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      String text = output(PrometheusWriter::new);
      assertThat(text).contains("probe_duration_seconds{target=\"api\"} 0.025\n");
      PrometheusTextParser.parse(text);
    } finally {
      Locale.setDefault(before);
    }
  }
}
