package dev.sitepulse.pinger.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parser must be strict, or the writer's tests prove nothing. */
class PrometheusTextParserTest {

  private static final String HEAD = "# HELP m a metric\n# TYPE m gauge\n";

  @Test
  void readsFamiliesWithEscapedLabelValues() {
    var families = PrometheusTextParser.parse(HEAD + "m{a=\"x\\\\y\\\"z\\n\",b=\"\"} 1.5e3\n");

    assertThat(families).hasSize(1);
    assertThat(families.get(0).help()).isEqualTo("a metric");
    assertThat(families.get(0).samples().get(0).labels()).isEqualTo(Map.of("a", "x\\y\"z\n", "b", ""));
    assertThat(families.get(0).samples().get(0).value()).isEqualTo(1500.0);
  }

  @Test
  void rejectsAnUnknownEscape() {
    assertThatThrownBy(() -> PrometheusTextParser.parse(HEAD + "m{a=\"\\t\"} 1\n"))
        .hasMessageContaining("bad escape");
  }

  @Test
  void rejectsAnUnescapedQuoteInALabelValue() {
    assertThatThrownBy(() -> PrometheusTextParser.parse(HEAD + "m{a=\"x\"y\"} 1\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsATypeAfterSamples() {
    assertThatThrownBy(() -> PrometheusTextParser.parse("m 1\n# TYPE m gauge\n"))
        .hasMessageContaining("before its samples");
  }

  @Test
  void rejectsAFamilyAnnouncedTwice() {
    assertThatThrownBy(() -> PrometheusTextParser.parse(HEAD + "m 1\n# HELP m again\n"))
        .hasMessageContaining("second HELP");
  }

  @Test
  void rejectsSamplesOfAFamilySplitByAnother() {
    assertThatThrownBy(() -> PrometheusTextParser.parse(HEAD + "m 1\nn 2\nm{a=\"b\"} 3\n"))
        .hasMessageContaining("not together");
  }

  @Test
  void rejectsALocaleFormattedNumberAndAMissingFinalLineFeed() {
    assertThatThrownBy(() -> PrometheusTextParser.parse(HEAD + "m 0,5\n")).hasMessageContaining("no value");
    assertThatThrownBy(() -> PrometheusTextParser.parse(HEAD + "m 1")).hasMessageContaining("line feed");
  }
}
