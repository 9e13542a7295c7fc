package dev.sitepulse.cli.links;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitepulse.crawler.links.BrokenLink;
import dev.sitepulse.crawler.links.LinkReport;
import dev.sitepulse.crawler.links.Referrer;
import dev.sitepulse.crawler.links.UncheckedAnchor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The report of a link check that Ctrl-C stopped, in each format: it says it is partial and names
 * the targets left unjudged, so that no one, and no CI server, reads it as a full check.
 */
class LinksStoppedReportTest {

  private static final BrokenLink GONE = new BrokenLink("http://h/gone", 404, null, "404 Not Found", List.of(), false,
      List.of(new Referrer("http://h/", "gone", 3)));

  /** 14 targets: the seed works, one is broken, 12 the stop left unjudged. */
  private static final LinkReport STOPPED = new LinkReport(1, 13, 0, 14, 0, 0, 0, List.of(GONE), List.of(), List.of(),
      IntStream.rangeClosed(1, 12).mapToObj(i -> String.format("http://h/p%02d", i)).toList(), List.of());

  /** 3 targets that work, 2 of whose fragments the stop left unjudged, and one cut at --max-body. */
  private static final LinkReport ANCHORS_STOPPED = new LinkReport(1, 4, 0, 3, 2, 0, 0, List.of(), List.of(), List.of(
      new UncheckedAnchor("http://x/a#one", UncheckedAnchor.Why.CHECK_STOPPED),
      new UncheckedAnchor("http://x/b#two", UncheckedAnchor.Why.CHECK_STOPPED),
      new UncheckedAnchor("http://h/long#end", UncheckedAnchor.Why.CUT_AT_MAX_BODY)), List.of(), List.of());

  private static String written(BiConsumer<LinkReport, PrintStream> format, LinkReport report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    format.accept(report, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theTableNamesTheFirstTargetsNotCheckedAndItsSummarySaysThatTheReportIsPartial() {
    String table = written(LinksTable::write, STOPPED);

    assertThat(table).contains("BROKEN  http://h/gone\n").contains("NOT CHECKED  12 targets: the check was stopped"
        + " before it judged them\n        http://h/p01\n").contains("        http://h/p10\n"
        + "        … and 2 more (--format json lists them all)\n\n").doesNotContain("http://h/p11");
    assertThat(table).endsWith("; 0 checked online, 0 skipped, 0 mailto:/javascript:/data: URLs not checked;"
        + " check stopped: 12 targets not checked, so this report is partial\n");
  }

  @Test
  void aStopThatLeftOnlyAnchorsUnjudgedSaysSoInEveryFormat() throws Exception {
    assertThat(written(LinksTable::write, ANCHORS_STOPPED)).doesNotContain("NOT CHECKED").endsWith("; 1 anchor not"
        + " checked (page cut at --max-body); 2 anchors not checked (check stopped before its page was read);"
        + " check stopped: 2 anchors not checked, so this report is partial\n");
    assertThat(LinksNotChecked.stoppedWarning(ANCHORS_STOPPED, "SIGINT")).isEqualTo("sitepulse: stopped by SIGINT"
        + " before the link check finished: 2 anchors not checked; the report holds what was found by then");
    Element error = junitError(ANCHORS_STOPPED);
    assertThat(error.getTextContent()).isEqualTo("not checked:\nhttp://x/a#one\nhttp://x/b#two");
    assertThat(((Element) error.getParentNode()).getAttribute("name"))
        .isEqualTo("check stopped: 2 anchors not checked, so this report is partial");
  }

  @Test
  void aStopThatLeftTargetsAndAnchorsUnjudgedNamesBoth() {
    LinkReport both = new LinkReport(1, 2, 0, 3, 1, 0, 0, List.of(), List.of(), List.of(
        new UncheckedAnchor("http://x/a#one", UncheckedAnchor.Why.CHECK_STOPPED)), List.of("http://h/p"), List.of());

    assertThat(LinksNotChecked.stopped(both)).isEqualTo("check stopped: 1 target and 1 anchor not checked, so this"
        + " report is partial");
  }

  @Test
  void aReportThatNoStopLeftAnythingUnjudgedInIsNotPartial() {
    assertThat(LinksNotChecked.stopped(new LinkReport(1, 1, 0, 2, 0, 0, 0, List.of(GONE)))).isNull();
    assertThat(LinksNotChecked.completeDespite("SIGINT"))
        .isEqualTo("sitepulse: SIGINT came too late to leave anything unchecked: the report is complete");
  }

  @Test
  void jsonSaysItWasStoppedAndListsEveryTargetNotChecked() throws Exception {
    JsonNode json = new ObjectMapper().readTree(written(LinksJson::write, STOPPED));

    assertThat(json.get("summary").get("stopped").asBoolean()).isTrue();
    assertThat(json.get("summary").get("targets_not_checked_at_stop").asInt()).isEqualTo(12);
    assertThat(json.get("targets_not_checked_at_stop")).hasSize(12);
    assertThat(json.get("targets_not_checked_at_stop").get(11).asText()).isEqualTo("http://h/p12");
  }

  @Test
  void jsonListsWhatWasNotCheckedInTheOrderItsSummaryCountsThem() throws Exception {
    JsonNode json = new ObjectMapper().readTree(written(LinksJson::write, ANCHORS_STOPPED));

    List<String> counted = new ArrayList<>();
    json.get("summary").fieldNames().forEachRemaining(counted::add);
    List<String> lists = new ArrayList<>();
    json.fieldNames().forEachRemaining(lists::add);
    lists.retainAll(counted);
    lists.remove("broken"); // what the report is for: its count first, its list last
    counted.retainAll(lists);

    assertThat(lists).containsExactly("seeds_disallowed", "pages_cut_at_max_body", "pages_binary",
        "pages_with_links_cut", "anchors_not_checked", "targets_retry_cut_at_max_pages", "targets_not_checked_at_stop")
        .isEqualTo(counted);
  }

  @Test
  void jsonOfACheckThatRanToItsEndSaysItWasNotStopped() throws Exception {
    JsonNode json = new ObjectMapper().readTree(written(LinksJson::write,
        new LinkReport(1, 1, 0, 2, 0, 0, 0, List.of(GONE))));

    assertThat(json.get("summary").get("stopped").asBoolean()).isFalse();
    assertThat(json.get("targets_not_checked_at_stop")).isEmpty();
  }

  @Test
  void junitMakesAStoppedCheckAnErrorSoThatNoCiServerPassesIt() throws Exception {
    // Nothing broken: without the error, a stopped check would pass as "1 other target works".
    LinkReport clean = new LinkReport(1, 2, 0, 3, 0, 0, 0, List.of(), List.of(), List.of(),
        List.of("http://h/a", "http://h/b"), List.of());

    Element error = junitError(clean);

    Element suite = (Element) error.getOwnerDocument().getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    assertThat(suite.getAttribute("tests")).isEqualTo("2");
    assertThat(error.getAttribute("type")).isEqualTo("STOPPED");
    assertThat(error.getAttribute("message"))
        .isEqualTo("the link check was stopped before it finished, so this report is partial");
    assertThat(error.getTextContent()).isEqualTo("not checked:\nhttp://h/a\nhttp://h/b");
    assertThat(((Element) error.getParentNode()).getAttribute("name"))
        .isEqualTo("check stopped: 2 targets not checked, so this report is partial");
  }

  /** The one error of the report's JUnit XML. */
  private static Element junitError(LinkReport report) throws Exception {
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(written(LinksJunit::write, report).getBytes(StandardCharsets.UTF_8)));
    assertThat(xml.getElementsByTagName("error").getLength()).isEqualTo(1);
    return (Element) xml.getElementsByTagName("error").item(0);
  }

  @Test
  void stderrSaysWhichSignalStoppedTheCheckAndHowManyTargetsItLeft() {
    assertThat(LinksNotChecked.stoppedWarning(STOPPED, "SIGTERM")).isEqualTo("sitepulse: stopped by SIGTERM before"
        + " the link check finished: 12 targets not checked; the report holds what was found by then");
  }
}
