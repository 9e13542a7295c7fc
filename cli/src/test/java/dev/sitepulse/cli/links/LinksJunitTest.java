package dev.sitepulse.cli.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.links.BrokenLink;
import dev.sitepulse.crawler.links.LinkReport;
import dev.sitepulse.crawler.links.Referrer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JUnit XML that CI servers read: well-formed whatever the pages and servers said. */
class LinksJunitTest {

  @Test
  void charactersXmlCannotHoldBecomeReplacementCharactersAndTheReportStillParses() throws Exception {
    String hostile = "x \uFFFE y \uFFFF z \uD800 \u0001";
    BrokenLink broken = new BrokenLink("http://h/gone" + hostile, 404, null, "404 Not Found " + hostile,
        List.of(), false, List.of(new Referrer("http://h/" + hostile, "anchor " + hostile, 3)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LinksJunit.write(new LinkReport(1, 1, 0, 1, 0, 0, 0, List.of(broken)), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(bytes.toByteArray()));
    Element failure = (Element) xml.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("404 Not Found x \uFFFD y \uFFFD z \uFFFD \uFFFD");
    assertThat(failure.getTextContent()).contains("anchor x");
  }

  @Test
  void linksToOneBrokenTargetFromOnePlaceAreCasesOfTheirOwnNotOneNameTwice() throws Exception {
    // Minified HTML puts two links on one line; a crawl without line numbers has none at all.
    BrokenLink broken = new BrokenLink("http://h/gone", 404, null, "404 Not Found", List.of(), false, List.of(
        new Referrer("http://h/a", "one", 1), new Referrer("http://h/a", "two", 1), new Referrer("http://h/b", "x", 0),
        new Referrer("http://h/b", "y", 0)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LinksJunit.write(new LinkReport(2, 4, 0, 1, 0, 0, 0, List.of(broken)), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(bytes.toByteArray()));
    NodeList cases = xml.getElementsByTagName("testcase");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      names.add(c.getAttribute("classname") + " " + c.getAttribute("name"));
    }
    assertThat(names).startsWith("http://h/a link to http://h/gone (line 1)", "http://h/a link to http://h/gone (line 1) #2",
        "http://h/b link to http://h/gone", "http://h/b link to http://h/gone #2").doesNotHaveDuplicates();
  }

  @Test
  void textXmlCanHoldIsLeftAsItIs() {
    assertThat(LinksJunit.xml("tab\tline\nemoji \uD83D\uDE00 \u00e9")).isEqualTo("tab\tline\nemoji \uD83D\uDE00 \u00e9");
  }

  @Test
  void aBrokenSeedThatNoPageLinksToIsAFailedCaseOfItsOwn() throws Exception {
    // `links http://127.0.0.1:1/` exits 2; its JUnit said 0 failures, so CI showed all green.
    BrokenLink seed = new BrokenLink("http://127.0.0.1:1/", 0, "CONNECT_REFUSED",
        "CONNECT_REFUSED: connection refused by 127.0.0.1:1", List.of(), false, List.of());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LinksJunit.write(new LinkReport(1, 0, 0, 1, 0, 0, 0, List.of(seed)), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(bytes.toByteArray()));
    Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("tests")).isEqualTo("2");
    Element failed = (Element) xml.getElementsByTagName("failure").item(0).getParentNode();
    assertThat(failed.getAttribute("classname")).isEqualTo("sitepulse.links");
    assertThat(failed.getAttribute("name")).isEqualTo("seed http://127.0.0.1:1/");
    assertThat(failed.getTextContent()).isEqualTo(
        "http://127.0.0.1:1/: CONNECT_REFUSED: connection refused by 127.0.0.1:1\na seed that no page links to");
  }

  @Test
  void aFailedSitemapEntryThatNoPageLinksToIsAFailedCaseNamedSo() throws Exception {
    BrokenLink entry = new BrokenLink("http://h/gone.html", 404, null, "404 Not Found", List.of(), false, List.of(),
        BrokenLink.Start.SITEMAP);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LinksJunit.write(new LinkReport(1, 0, 0, 1, 0, 0, 0, List.of(entry)), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(bytes.toByteArray()));
    Element failed = (Element) xml.getElementsByTagName("failure").item(0).getParentNode();
    assertThat(failed.getAttribute("name")).isEqualTo("sitemap entry http://h/gone.html");
    assertThat(failed.getTextContent()).endsWith("\na sitemap entry that no page links to");
  }

  @Test
  void aCheckThatSkippedEverySeedAndSoCheckedNothingIsAFailedCaseAsItExits2() throws Exception {
    // `links --ignore . URL` exits 2, but its JUnit had one skipped case and one passing: CI showed no failure.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LinksJunit.write(new LinkReport(1, 8, 0, 8, 0, 8, 0, List.of()), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(bytes.toByteArray()));
    Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(xml.getElementsByTagName("testcase").getLength()));
    Element failure = (Element) xml.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("NOTHING_CHECKED");
    assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("no page could be checked");
    assertThat(failure.getAttribute("message")).isEqualTo("every seed was skipped (--ignore matches it, or it"
        + " redirects out of the crawl with --external skip)");
  }
}
