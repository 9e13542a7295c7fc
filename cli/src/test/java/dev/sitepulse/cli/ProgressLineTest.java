package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.format.DisplayWidth;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  /** What each redraw and clear left on the terminal's line: the text between carriage returns. */
  private String[] redraws() {
    return bytes.toString(StandardCharsets.UTF_8).split("\r", -1);
  }

  @Test
  void aLineLongerThanTheTerminalIsCutSoThatItNeverWraps() {
    ProgressLine line = new ProgressLine(err, "crawl", true, 60);
    line.show(3, 10, "3 pages, 7 queued, 1.0 pages/s, 0 errors, 12 KiB; http://127.0.0.1:18705 held back until"
        + " 16:26:06 (4s more) by its 503's Retry-After");
    line.show(4, 10, "4 pages, 6 queued");
    line.clear();

    assertThat(redraws()).allSatisfy(drawn -> assertThat(DisplayWidth.of(drawn)).isLessThanOrEqualTo(59));
    assertThat(redraws()[1]).startsWith("[#######                 ] 3 pages").endsWith("…");
    assertThat(redraws()[2]).as("a shorter line covers the longer one").hasSize(redraws()[1].length());
    assertThat(Arrays.stream(redraws()).skip(3).toList()).as("cleared").allMatch(String::isBlank);
  }

  @Test
  void theWidthIsTheShellsColumnsWhereItExportsThemElseEighty() {
    assertThat(ProgressLine.columns(Map.of("COLUMNS", "132"))).isEqualTo(132);
    assertThat(ProgressLine.columns(Map.of())).isEqualTo(80);
    assertThat(ProgressLine.columns(Map.of("COLUMNS", "wide"))).isEqualTo(80);
  }
}
