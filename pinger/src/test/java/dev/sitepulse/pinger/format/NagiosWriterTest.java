package dev.sitepulse.pinger.format;

import static dev.sitepulse.pinger.format.SampleResults.ALL;
import static dev.sitepulse.pinger.format.SampleResults.API;
import static dev.sitepulse.pinger.format.SampleResults.DOCS;
import static dev.sitepulse.pinger.format.SampleResults.SHOP;
import static dev.sitepulse.pinger.format.SampleResults.output;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.Phases;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NagiosWriterTest {

  private static final Pattern STATUS_LINE =
      Pattern.compile("SITEPULSE (OK|WARNING|CRITICAL|UNKNOWN) - ([^|]+?)(?: \\| ([^|]+))?");
  /** One perfdata item: 'label'=value[UOM];warn;crit;min;max, as the guidelines define it. */
  private static final Pattern PERFDATA =
      Pattern.compile("'([^'=]+)'=([0-9]+(?:\\.[0-9]+)?)(s|B);;;0");
  private static final Pattern LONG_OUTPUT =
      Pattern.compile("(UP|DEGRADED|DOWN|TIMEOUT|ERROR) .+ ([0-9]{3}|-) [0-9]+(\\.[0-9]{1,6})?s .*");

  private static Matcher statusLine(List<CheckResult> results) {
    return statusLine(results, 0);
  }

  private static Matcher statusLine(List<CheckResult> results, int unfinished) {
    String first = output(NagiosWriter::new, results, unfinished).lines().findFirst().orElseThrow();
    Matcher m = STATUS_LINE.matcher(first);
    assertThat(m.matches()).as("status line %s", first).isTrue();
    return m;
  }

  /** The perfdata items, each checked to match the grammar in full. */
  private static List<String> perfdata(String data) {
    List<String> items = new ArrayList<>();
    Matcher m = PERFDATA.matcher(data);
    int at = 0;
    while (m.find()) {
      assertThat(data.substring(at, m.start())).as("between items").isIn("", " ");
      items.add(m.group());
      at = m.end();
    }
    assertThat(at).as("perfdata read to its end").isEqualTo(data.length());
    return items;
  }

  @Test
  void isCriticalWhenAnyCheckIsDownAndNamesTheFailingOnes() {
    Matcher m = statusLine(ALL);

    assertThat(m.group(1)).isEqualTo("CRITICAL");
    assertThat(m.group(2)).isEqualTo("4 of 6 checks failing: shop, \"main\" (DEGRADED), status page (DOWN), "
        + "http://slow.example.com/ (TIMEOUT), db-admin (ERROR)");
  }

  @Test
  void isWarningWhenTheWorstCheckIsDegraded() {
    Matcher m = statusLine(List.of(API, SHOP));

    assertThat(m.group(1)).isEqualTo("WARNING");
    assertThat(m.group(2)).isEqualTo("1 of 2 checks failing: shop, \"main\" (DEGRADED)");
  }

  @Test
  void isOkWhenEveryCheckIsUp() {
    Matcher m = statusLine(List.of(API, DOCS));

    assertThat(m.group(1)).isEqualTo("OK");
    assertThat(m.group(2)).isEqualTo("2 checks up");
  }

  @Test
  void aRunAStopCutShortIsUnknownAndSaysHowManyChecksItFinished() {
    // Nagios reads the 130 exit as UNKNOWN too, but shows the line: "OK - 1 check up" told it all was well.
    Matcher m = statusLine(List.of(API), 4);

    assertThat(m.group(1)).isEqualTo("UNKNOWN");
    assertThat(m.group(2)).isEqualTo("stopped after 1 of 5 checks: 1 up");
    assertThat(perfdata(m.group(3))).containsExactly("'api_time'=0.025s;;;0", "'api_size'=659B;;;0");
  }

  @Test
  void aRunCutShortNamesTheFailingChecksItFinished() {
    Matcher m = statusLine(List.of(API, SHOP), 1);

    assertThat(m.group(1)).isEqualTo("UNKNOWN");
    assertThat(m.group(2)).isEqualTo("stopped after 2 of 3 checks: 1 up, 1 failing: shop, \"main\" (DEGRADED)");
  }

  @Test
  void aRunStoppedBeforeAnyCheckFinishedIsUnknownWithNoPerfdata() {
    assertThat(output(NagiosWriter::new, List.of(), 2)).isEqualTo("SITEPULSE UNKNOWN - stopped after 0 of 2 checks\n");
  }

  @Test
  void anErrorIsUnknownOnOneLineThatStartsNoPerfdata() {
    assertThat(NagiosUnknown.line("bad.yaml:6:5: a | b\nc")).isEqualTo("SITEPULSE UNKNOWN - bad.yaml:6:5: a / b c");
  }

  @Test
  void givesEachTargetATimeAndASizeInPerfdata() {
    List<String> items = perfdata(statusLine(ALL).group(3));

    assertThat(items).hasSize(2 * ALL.size());
    assertThat(items).startsWith("'api_time'=0.025s;;;0", "'api_size'=659B;;;0");
    assertThat(items).contains("'http://slow.example.com/_time'=10s;;;0", "'db-admin_size'=0B;;;0");
  }

  @Test
  void replacesSingleQuotesInLabels() {
    assertThat(perfdata(statusLine(List.of(DOCS)).group(3)))
        .containsExactly("'it_s docs_time'=0.1s;;;0", "'it_s docs_size'=2048B;;;0");
  }

  @Test
  void writesTimesInSecondsWithAtMostSixDecimals() {
    CheckResult precise = new CheckResult(API.target(), List.of(SampleResults.attempt(
        "https://api.example.com/health", API.verdict(), null, "ok", 200,
        new Phases(0, 0, 0, 0, 0, 1_234_567_891), 1, null)));

    assertThat(perfdata(statusLine(List.of(precise)).group(3))).first().isEqualTo("'api_time'=1.234568s;;;0");
  }

  @Test
  void followsTheStatusLineWithOneLinePerTarget() {
    List<String> lines = output(NagiosWriter::new).lines().toList();

    assertThat(lines).hasSize(1 + ALL.size());
    assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).matches(LONG_OUTPUT));
    assertThat(lines.get(1)).isEqualTo("UP api 200 0.025s all 1 conditions held");
    assertThat(lines.get(4)).isEqualTo("TIMEOUT http://slow.example.com/ - 10s no response within 10 s");
    assertThat(lines.get(5)).isEqualTo("ERROR db-admin - 0.001s CONNECT_REFUSED: connection refused by 127.0.0.1:9");
  }

  @Test
  void keepsBidiOverridesOutOfLabelsAndText() {
    // U+202E would show the rest of the line backwards in a terminal or Nagios' web page; the table drops it too.
    CheckResult evil = new CheckResult(SampleResults.target("shop\u202Egnp.exe", "", "http://ab.example.com/"),
        List.of(SampleResults.attempt("http://ab.example.com/", SHOP.verdict(), null, "slow\u2066x\u2069y", 200,
            SampleResults.ms(5), 3, null)));

    List<String> lines = output(NagiosWriter::new, List.of(evil)).lines().toList();

    assertThat(String.join("\n", lines)).doesNotContain("\u202E", "\u2066", "\u2069");
    assertThat(lines.get(0)).endsWith("| 'shop_gnp.exe_time'=0.005s;;;0 'shop_gnp.exe_size'=3B;;;0");
    assertThat(lines.get(1)).isEqualTo("DEGRADED shop gnp.exe 200 0.005s slow x y");
  }

  @Test
  void aRightToLeftNameKeepsItsBidiMarksInItsLabelAndTheTextBlanksThem() {
    // A Hebrew name as people write it: the mark keeps "(2)" after the word. The label is the
    // name graphs are kept by; on the text line a terminal would move the next column's punctuation.
    String name = "\u05D7\u05E0\u05D5\u05EA\u200F (2)";
    CheckResult rtl = new CheckResult(SampleResults.target(name, "", "http://ab.example.com/"),
        List.of(SampleResults.attempt("http://ab.example.com/", SHOP.verdict(), null, "slow", 200,
            SampleResults.ms(5), 3, null)));

    List<String> lines = output(NagiosWriter::new, List.of(rtl)).lines().toList();

    assertThat(lines.get(0)).endsWith("| '" + name + "_time'=0.005s;;;0 '" + name + "_size'=3B;;;0");
    assertThat(lines.get(1)).doesNotContain("\u200F");
  }

  @Test
  void keepsPipesAndLineBreaksOutOfTheText() {
    CheckResult piped = new CheckResult(SampleResults.target("a|b", "", "http://ab.example.com/"),
        List.of(SampleResults.attempt("http://ab.example.com/", SHOP.verdict(), null, "x|y\nz", 200,
            SampleResults.ms(5), 3, null)));

    List<String> lines = output(NagiosWriter::new, List.of(piped)).lines().toList();

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("SITEPULSE WARNING - 1 of 1 check failing: a/b (DEGRADED) | ");
    assertThat(lines.get(0).chars().filter(c -> c == '|').count()).isEqualTo(1);
    assertThat(lines.get(0)).endsWith("| 'a_b_time'=0.005s;;;0 'a_b_size'=3B;;;0");
    assertThat(lines.get(1)).isEqualTo("DEGRADED a/b 200 0.005s x/y z");
  }

  @Test
  void givesTargetsWhoseNamesCleanToTheSameLabelALabelEachSoNoneIsLost() {
    // Nagios and Icinga keep one value per label: the second a_b would hide the first.
    List<CheckResult> alike = new ArrayList<>();
    for (String name : List.of("a=b", "a|b", "a_b_2")) {
      alike.add(new CheckResult(SampleResults.target(name, "", "http://ab.example.com/"),
          List.of(SampleResults.attempt("http://ab.example.com/", API.verdict(), null, "ok", 200,
              SampleResults.ms(5), 3, null))));
    }

    assertThat(perfdata(statusLine(alike).group(3))).containsExactly(
        "'a_b_time'=0.005s;;;0", "'a_b_size'=3B;;;0",
        "'a_b_2_time'=0.005s;;;0", "'a_b_2_size'=3B;;;0",
        "'a_b_2_2_time'=0.005s;;;0", "'a_b_2_2_size'=3B;;;0");
  }
}
