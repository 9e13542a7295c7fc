package dev.sitepulse.cli.links;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitepulse.cli.ExitCode;
import dev.sitepulse.crawler.links.LinkReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A link check whose crawl (warc: true) could not archive every response ends as crawl does: exit
 * 2, saying why on stderr, and in the report itself, whatever its format.
 */
class LinksWarcLossTest {

  private static final String FULL = "/x/warc/crawl-2030-01-02T12-00-00Z.warc.gz: No space left on device";
  private static final LinkReport LOSS = new LinkReport(3, 2, 0, 3, 0, 0, 0, List.of()).notArchiving(2, FULL);
  private static final LinkReport NO_LOSS = new LinkReport(3, 2, 0, 3, 0, 0, 0, List.of()).notArchiving(0, null);

  @Test
  void aCheckWithNoBrokenLinkWhoseWarcLacksResponsesSaysSoAndExits2() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = LinksCommand.exitCode(LOSS, null, new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(ExitCode.CRITICAL);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("sitepulse: warc: 2 responses not archived: " + FULL + "\n");
  }

  @Test
  void aCheckWhoseWarcHoldsEveryResponsePassesWithoutAWord() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = LinksCommand.exitCode(NO_LOSS, null, new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(ExitCode.OK);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void theTablesSummaryEndsWithWhatTheWarcLacksAndWhy() {
    assertThat(written(LinksTable::write, LOSS)).endsWith(" not checked; warc: 2 responses not archived: " + FULL + "\n");
    assertThat(written(LinksTable::write, NO_LOSS)).doesNotContain("warc");
  }

  @Test
  void theJsonReportCountsTheResponsesTheWarcLacksAndSaysWhy() throws Exception {
    // Before, only stderr said it: a CI job reading the JSON saw a clean report and an exit 2.
    JsonNode loss = new ObjectMapper().readTree(written(LinksJson::write, LOSS));
    JsonNode none = new ObjectMapper().readTree(written(LinksJson::write, NO_LOSS));

    assertThat(loss.at("/summary/responses_not_archived").asLong()).isEqualTo(2);
    assertThat(loss.at("/warc_failure").asText()).isEqualTo(FULL);
    assertThat(none.at("/summary/responses_not_archived").isNumber()).isTrue();
    assertThat(none.at("/summary/responses_not_archived").asLong()).isZero();
    assertThat(none.get("warc_failure").isNull()).isTrue();
  }

  @Test
  void theJunitReportHasAFailingCaseForTheResponsesTheWarcLacks() throws Exception {
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(written(LinksJunit::write, LOSS).getBytes(StandardCharsets.UTF_8)));
    Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
    Element failure = (Element) xml.getElementsByTagName("failure").item(0);
    Element warcCase = (Element) failure.getParentNode();

    // A CI server shows the run that exited 2 as a failed one, not as every case passing.
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("tests")).isEqualTo("2");
    assertThat(warcCase.getAttribute("classname")).isEqualTo("sitepulse.links");
    assertThat(warcCase.getAttribute("name")).isEqualTo("warc: 2 responses not archived");
    assertThat(failure.getAttribute("type")).isEqualTo("WARC_NOT_ARCHIVED");
    assertThat(failure.getAttribute("message")).isEqualTo(FULL);
    assertThat(written(LinksJunit::write, NO_LOSS)).doesNotContain("<failure").doesNotContain("warc");
  }

  private static String written(BiConsumer<LinkReport, PrintStream> format, LinkReport report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    format.accept(report, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
