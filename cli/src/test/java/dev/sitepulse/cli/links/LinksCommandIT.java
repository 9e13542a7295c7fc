package dev.sitepulse.cli.links;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.CommandLineRun;
import dev.sitepulse.cli.testing.StubServer;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `sitepulse links` (in-process) on the WireMock docs site, whose broken links are known (wiremock-stubs/README.md). */
class LinksCommandIT {

  @RegisterExtension static WireMockExtension site = StubServer.busyStubs();

  private String base() {
    return StubServer.url(site, "");
  }

  /** A page linking to another host (localhost is not 127.0.0.1 to the crawl) that never answers. */
  @BeforeEach
  void anExternalLinkThatTimesOut() {
    site.stubFor(get("/extra/external.html").willReturn(aResponse()
        .withHeader("Content-Type", "text/html")
        .withBody("<html><body>\n<a href=\"http://localhost:" + site.getPort() + "/hang\">mirror</a>\n</body></html>")));
  }

  private CommandLineRun links(String... extra) {
    // slow.html takes 3 s to answer; leaving it out keeps each crawl of the site short.
    List<String> args = new ArrayList<>(List.of("links", "--timeout", "2s", "--delay", "0", "--per-host", "4",
        "--exclude", "slow\\.html",
        base() + "/site/index.html", base() + "/extra/external.html"));
    args.addAll(List.of(extra));
    return CommandLineRun.of(args.toArray(String[]::new));
  }

  private JsonNode json(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of(extra));
    args.addAll(List.of("--format", "json"));
    CommandLineRun run = links(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    return new ObjectMapper().readTree(run.out());
  }

  private static JsonNode find(JsonNode report, String urlSuffix) {
    for (JsonNode b : report.get("broken")) {
      if (b.get("url").asText().endsWith(urlSuffix)) {
        return b;
      }
    }
    throw new AssertionError("no broken link ending in " + urlSuffix + " in " + report);
  }

  @Test
  void theKnownBrokenLinksAreFoundWithTheirPagesAnchorTextAndLines() throws Exception {
    JsonNode report = json();
    JsonNode missing = find(report, "/site/missing.html");
    assertThat(missing.get("status").asInt()).isEqualTo(404);
    JsonNode from = missing.get("linked_from").get(0);
    assertThat(from.get("page").asText()).isEqualTo(base() + "/site/guide/install.html");
    assertThat(from.get("line").asInt()).isEqualTo(28);
    assertThat(from.get("anchor_text").asText()).isNotBlank();
    assertThat(find(report, "/site/reference/gone.html").get("linked_from").get(0).get("line").asInt()).isEqualTo(35);
  }

  @Test
  void theBrokenImageIsFoundEvenWithExternalSkipAndSaysHowItsPageEmbedsIt() throws Exception {
    JsonNode report = json("--external", "skip");
    JsonNode image = find(report, "/site/guide/layers.png");
    JsonNode from = image.get("linked_from").get(0);

    assertThat(image.get("external").asBoolean()).isFalse();
    assertThat(from.get("page").asText()).isEqualTo(base() + "/site/guide/configuration.html");
    assertThat(from.get("line").asInt()).isEqualTo(26);
    assertThat(from.get("anchor_text").asText()).isEqualTo("<img> Flags over environment over file");
    assertThat(from.get("embedded_as").asText()).isEqualTo("<img>");
    assertThat(report.get("summary").get("resources").asInt()).as("the logo twice, and layers.png").isEqualTo(3);
  }

  @Test
  void aRedirectThatEndsInA404IsBrokenAndShowsItsChain() throws Exception {
    JsonNode r = find(json(), "/redirect/to-404");
    assertThat(r.get("status").asInt()).isEqualTo(404);
    assertThat(r.get("redirect_chain")).extracting(JsonNode::asText)
        .containsExactly(base() + "/redirect/to-404", base() + "/status/404");
    assertThat(json().get("summary").get("redirects_to_errors").asInt()).isEqualTo(1);
  }

  @Test
  void anExternalLinkThatTimesOutIsBroken() throws Exception {
    JsonNode r = find(json(), "/hang");
    assertThat(r.get("external").asBoolean()).isTrue();
    assertThat(r.get("error_kind").asText()).isEqualTo("TIMEOUT");
  }

  @Test
  void aMissingAnchorIsBrokenOnlyWhenAnchorsAreChecked() throws Exception {
    JsonNode r = find(json("--check-anchors"), "#missing-anchor");
    assertThat(r.get("linked_from").get(0).get("line").asInt()).isEqualTo(26);
    assertThat(json().get("broken").toString()).doesNotContain("#missing-anchor");
  }

  @Test
  void theSummarySaysHowManyOfTheBrokenAreMissingAnchorsOnWorkingPages() throws Exception {
    JsonNode summary = json("--check-anchors").get("summary");
    CommandLineRun table = links("--check-anchors");

    assertThat(summary.get("missing_anchors").asInt()).isEqualTo(1);
    assertThat(table.out()).contains(summary.get("broken").asInt() + " broken (1 missing anchor on working pages, ");
  }

  @Test
  void oddLinkFormsAreHandledAndMailtoAndJavascriptAreCounted() throws Exception {
    JsonNode report = json("--external", "skip");
    assertThat(report.get("summary").get("non_http_links").asInt()).isGreaterThanOrEqualTo(2);
    // "  faq.html  " with spaces around it is the FAQ page, not a broken link.
    assertThat(report.get("broken").toString()).doesNotContain("faq.html");
    assertThat(report.get("broken").toString()).doesNotContain("/hang");
  }

  @Test
  void aSiteWithoutBrokenLinksExitsZero() {
    // Depth 0: the seed only, not the site its host's sitemap lists. It answers text/plain: no page
    // whose links were read.
    CommandLineRun run = CommandLineRun.of("links", "--max-depth", "0", base() + "/status/200");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("0 broken (0 redirects to an error) of 1 target, 0 links and 0 embedded resources on 0 pages;");
  }

  @Test
  void aCheckOfNothingBecauseRobotsTxtDisallowsTheSeedFailsSayingSo() {
    // The stub host's robots.txt disallows /site/private/.
    CommandLineRun run = CommandLineRun.of("links", "--max-depth", "0", base() + "/site/private/secret.html");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("sitepulse: seed " + base() + "/site/private/secret.html not checked:"
        + " robots.txt disallows it, or where it redirects (--ignore-robots checks it anyway)\n");
  }

  @Test
  void aSeedThatIsNotFoundIsBrokenThoughNoPageLinksToIt() {
    CommandLineRun run = CommandLineRun.of("links", "--max-depth", "0", base() + "/status/404");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).contains("FAILED  " + base() + "/status/404  (a seed that no page links to)", "1 broken (1 failed seed, ");
  }

  @Test
  void theConfigsCrawlTimeoutAndDataAreHonouredAsCrawlHonoursThem(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("kept");
    Path config = dir.resolve("links.yaml");
    Files.writeString(config, "crawl:\n  data: " + data + "\n  timeout: 300ms\n  delay: 0s\n");

    CommandLineRun run = CommandLineRun.of("links", "-c", config.toString(), "--max-depth", "0",
        base() + "/status/200?sleep=1000");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).contains("FAILED  " + base() + "/status/200?sleep=1000  (a seed that no page links to)", "TIMEOUT");
    assertThat(data.resolve("crawl.db")).as("the config's data directory, kept").exists();
  }

  @Test
  void aSeedWhoseHostRefusesConnectionsIsBrokenAndFailsTheCheck() {
    CommandLineRun run = CommandLineRun.of("links", "--max-depth", "0", "http://127.0.0.1:1/");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).contains("FAILED  http://127.0.0.1:1/  (a seed that no page links to)", "CONNECT_REFUSED: ", "1 broken", " 0 skipped");
  }

  @Test
  void junitOutputIsAcceptedByAJunitXmlSchema() throws Exception {
    CommandLineRun run = links("--format", "junit");
    assertThat(run.exitCode()).isEqualTo(2);
    var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(getClass().getResource("/junit.xsd"));
    schema.newValidator().validate(new StreamSource(new StringReader(run.out())));
    assertThat(run.out()).contains("<failure").contains("missing.html");
  }

  @Test
  void junitCountsTargetsRobotsTxtBlockedAsSkippedAndNotAsPassed() throws Exception {
    JsonNode summary = json("--external", "skip").get("summary");
    long skipped = summary.get("skipped").asLong();
    long working = summary.get("targets").asLong() - skipped - summary.get("broken").asLong();

    CommandLineRun run = links("--external", "skip", "--format", "junit");

    assertThat(skipped).as("/site/private/ is disallowed, and external targets are skipped").isGreaterThan(1);
    assertThat(run.out()).contains("skipped=\"1\"",
        "name=\"" + skipped + " targets not checked\"", "<skipped message=",
        "name=\"" + working + " other targets work\"");
  }

  @Test
  void csvHasOneRowPerBrokenLinkOccurrence() {
    CommandLineRun run = links("--format", "csv");
    assertThat(run.out().lines().findFirst().orElseThrow())
        .isEqualTo("target,status,error_kind,problem,external,redirect_chain,page,line,anchor_text,embedded_as");
    assertThat(run.out()).contains("/site/missing.html,404");
  }
}
