package dev.sitepulse.cli.links;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitepulse.cli.ExitCode;
import dev.sitepulse.crawler.links.LinkReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The report of a link check whose --max-pages cut the retry of a target that got no answer: in
 * every format it is named as not checked, neither broken nor working, and not among the skipped.
 */
class LinksTriesCutReportTest {

  /** 3 targets: the seed works, one was never reached (skipped), one hung and its retry was cut. */
  private static final LinkReport CUT = new LinkReport(1, 2, 0, 3, 0, 1, 0, List.of(), List.of(), List.of(),
      List.of(), List.of(), List.of("http://h/hangs"), List.of(), 0, null);

  private static String written(BiConsumer<LinkReport, PrintStream> format) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    format.accept(CUT, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theTableNamesTheTargetAsNotCheckedAndItsSummaryCountsItApartFromTheSkipped() {
    String table = written(LinksTable::write);

    assertThat(table).startsWith("NOT CHECKED  1 target: it got no answer, and --max-pages cut its retry\n"
        + "        http://h/hangs\n\n");
    assertThat(table).endsWith("; 0 checked online, 1 skipped, 0 mailto:/javascript:/data: URLs not checked;"
        + " 1 target not checked (no answer; --max-pages cut its retry)\n");
    assertThat(CUT.working()).isEqualTo(1);
  }

  @Test
  void jsonCountsAndListsIt() throws Exception {
    JsonNode json = new ObjectMapper().readTree(written(LinksJson::write));

    assertThat(json.get("summary").get("targets_retry_cut_at_max_pages").asInt()).isEqualTo(1);
    assertThat(json.get("targets_retry_cut_at_max_pages").get(0).asText()).isEqualTo("http://h/hangs");
    assertThat(json.get("summary").get("stopped").asBoolean()).isFalse();
  }

  @Test
  void junitGivesItASkippedCaseOfItsOwn() {
    assertThat(written(LinksJunit::write)).contains("name=\"1 target not checked (no answer; --max-pages cut its"
        + " retry)\"", "<skipped message=\"raise --max-pages to check them: http://h/hangs\"");
  }

  @Test
  void stderrNamesItAfterAnyFormatAndTheExitCodeIsTheReportsOwn() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit = LinksCommand.exitCode(CUT, null, new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(ExitCode.OK);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("sitepulse: 1 target not checked: it got no answer,"
        + " and --max-pages cut its retry (raise --max-pages to check it): http://h/hangs\n");
  }
}
