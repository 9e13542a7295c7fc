package dev.sitepulse.pinger.format;

import static dev.sitepulse.pinger.format.SampleResults.ALL;
import static dev.sitepulse.pinger.format.SampleResults.API;
import static dev.sitepulse.pinger.format.SampleResults.SLOW;
import static dev.sitepulse.pinger.format.SampleResults.output;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableWriterTest {

  private static final String ESC = "\u001b";

  private static List<String> lines(boolean color) {
    return output(out -> new TableWriter(out, color)).lines().toList();
  }

  private static String stripAnsi(String s) {
    return s.replaceAll("\u001b\\[[0-9;]*m", "");
  }

  @Test
  void printsNoEscapeCodesWhenColorIsOff() {
    assertThat(String.join("\n", lines(false))).doesNotContain(ESC);
  }

  @Test
  void coloursOnlyTheVerdictWhenColorIsOn() {
    List<String> lines = lines(true);

    assertThat(lines.get(1)).contains(ESC + "[32mUP" + ESC + "[0m");
    assertThat(lines.get(2)).contains(ESC + "[33mDEGRADED" + ESC + "[0m");
    assertThat(lines.get(3)).contains(ESC + "[31mDOWN" + ESC + "[0m");
    assertThat(lines.get(4)).contains(ESC + "[31mTIMEOUT" + ESC + "[0m");
    assertThat(lines.get(5)).contains(ESC + "[31mERROR" + ESC + "[0m");
    assertThat(lines.get(0)).doesNotContain(ESC);
  }

  @Test
  void colourCodesTakeNoWidthSoBothTablesLineUpAlike() {
    assertThat(lines(true).stream().map(TableWriterTest::stripAnsi).toList()).isEqualTo(lines(false));
  }

  @Test
  void printsOneLinePerCheckInInputOrderBetweenHeaderAndSummary() {
    List<String> lines = lines(false);

    assertThat(lines).hasSize(1 + ALL.size() + 1);
    assertThat(lines.get(0)).startsWith("NAME").contains("VERDICT", "STATUS", "TOTAL ms", "DNS", "CONNECT",
        "TLS", "PROC", "XFER", "BYTES", "URL", "REASON");
    for (int i = 0; i < ALL.size(); i++) {
      assertThat(lines.get(i + 1)).contains(ALL.get(i).target().url());
    }
  }

  @Test
  void linesUpLeftAlignedColumnsAtTheirHeaderStart() {
    List<String> lines = lines(false);
    String header = lines.get(0);

    for (int i = 0; i < ALL.size(); i++) {
      String line = lines.get(i + 1);
      Row row = Row.of(ALL.get(i));
      assertThat(line.substring(header.indexOf("VERDICT"))).startsWith(row.verdict().name() + " ");
      assertThat(line.substring(header.indexOf("URL"))).startsWith(row.url() + " ");
      assertThat(line.substring(header.indexOf("REASON"))).startsWith(row.reason().replace('\n', ' '));
    }
  }

  @Test
  void linesUpNumbersAtTheirHeaderEnd() {
    List<String> lines = lines(false);
    String header = lines.get(0);
    int totalEnd = header.indexOf("TOTAL ms") + "TOTAL ms".length();
    int bytesEnd = header.indexOf("BYTES") + "BYTES".length();

    String api = lines.get(1);
    assertThat(api.substring(0, totalEnd)).endsWith(" 25.0");
    assertThat(api.substring(0, bytesEnd)).endsWith(" 659");
    String slow = lines.get(4);
    assertThat(slow.substring(0, totalEnd)).endsWith(" 10000.0");
    assertThat(slow.substring(0, bytesEnd)).endsWith(" 0");
  }

  @Test
  void showsTimingsWithOneDecimal() {
    String api = lines(false).get(1);

    assertThat(api).containsPattern(" 25\\.0 +1\\.2 +2\\.0 +10\\.5 +8\\.0 +0\\.3 +659 ");
  }

  @Test
  void leavesStatusBlankWhenNoResponseArrived() {
    List<String> lines = lines(false);
    String header = lines.get(0);
    int from = header.indexOf("VERDICT") + "TIMEOUT".length();
    int to = header.indexOf("STATUS") + "STATUS".length();

    assertThat(lines.get(4).substring(from, to)).isBlank();
    assertThat(lines.get(1).substring(from, to)).endsWith("200");
  }

  @Test
  void leadsTheReasonOfAnErrorWithItsKind() {
    assertThat(lines(false).get(5)).endsWith("CONNECT_REFUSED: connection refused by 127.0.0.1:9");
  }

  @Test
  void keepsACheckOnOneLineWhenItsMessageHasALineBreak() {
    assertThat(lines(false).get(3)).endsWith("[STATUS] (503) == 200 failed body: \"maintenance\", back soon");
  }

  @Test
  void leavesOutTheNameColumnWhenEveryTargetIsNamedByItsUrl() {
    List<String> lines = output(out -> new TableWriter(out, false), List.of(SLOW)).lines().toList();

    assertThat(lines.get(0)).startsWith("VERDICT");
    assertThat(lines.get(1)).startsWith("TIMEOUT");
  }

  @Test
  void leavesTheNameBlankForATargetNamedByItsUrl() {
    String slow = lines(false).get(4);

    assertThat(slow).startsWith(" ").doesNotStartWith(SLOW.target().url());
    assertThat(lines(false).get(1)).startsWith(API.target().name() + " ");
  }

  @Test
  void endsWithASummaryOfCountsAndWallTime() {
    List<String> lines = lines(false);

    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("6 checks: 2 up, 1 degraded, 1 down, 1 timeout, 1 error in 2.31 s");
  }

  @Test
  void printsNoTrailingSpaces() {
    assertThat(lines(false)).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
  }
}
