package dev.sitepulse.cli.links;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sitepulse.cli.CommandLineRun;
import dev.sitepulse.cli.testing.StubServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** `sitepulse links` (in-process) on a few pages stubbed for each case. */
class LinksCommandTest {

  @RegisterExtension static WireMockExtension site = StubServer.empty();

  private static void page(String path, String body) {
    site.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body>\n" + body + "\n</body></html>")));
  }

  private static CommandLineRun links(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "links";
    all[1] = "--delay";
    all[2] = "0";
    System.arraycopy(args, 0, all, 3, args.length);
    return CommandLineRun.of(all);
  }

  @Test
  void aSeedRobotsTxtDisallowsFailsTheCheckNamedOnStderrThoughThePagesCheckedWork() {
    site.stubFor(get("/robots.txt").willReturn(aResponse().withBody("User-agent: *\nDisallow: /private/\n")));
    page("/open.html", "<a href=\"/open.html\">itself</a>");
    String secret = StubServer.url(site, "/private/secret.html");

    CommandLineRun run = links(secret, StubServer.url(site, "/open.html"));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("sitepulse: seed " + secret + " not checked: robots.txt disallows it,"
        + " or where it redirects (--ignore-robots checks it anyway)\n");
    assertThat(run.out()).isEqualTo("0 broken (0 redirects to an error) of 2 targets, 1 link and 0 embedded"
        + " resources on 1 page; 0 checked online, 1 skipped, 0 mailto:/javascript:/data: URLs not checked;"
        + " 1 seed not checked (robots.txt disallows it)\n");
    site.verify(0, getRequestedFor(urlEqualTo("/private/secret.html")));
  }

  @Test
  void aSeedRobotsTxtDisallowsIsAFailedJunitCaseOfItsOwnNotASkippedOne() throws Exception {
    // The run exits 2 for it; its JUnit said 0 failures and counted it skipped, so CI showed green.
    site.stubFor(get("/robots.txt").willReturn(aResponse().withBody("User-agent: *\nDisallow: /private/\n")));
    page("/open.html", "<a href=\"/open.html\">itself</a>");
    String secret = StubServer.url(site, "/private/secret.html");

    CommandLineRun run = links("--format", "junit", secret, StubServer.url(site, "/open.html"));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
    Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("failures")).as(run.out()).isEqualTo("1");
    assertThat(suite.getAttribute("skipped")).as(run.out()).isEqualTo("0");
    assertThat(suite.getAttribute("tests")).as(run.out()).isEqualTo("2");
    Element failure = (Element) xml.getElementsByTagName("failure").item(0);
    assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("seed " + secret);
    assertThat(failure.getAttribute("message")).isEqualTo("not checked: robots.txt disallows it, or where it"
        + " redirects (--ignore-robots checks it anyway)");
    assertThat(xml.getElementsByTagName("skipped").getLength()).as(run.out()).isZero();
  }

  @Test
  void aFragmentThatIsAStrayPercentIsReportedAsAMissingAnchorNotAFailedCheck() {
    page("/pct.html", "<p id=\"here\">x</p>\n<a href=\"#%\">bad escape</a>\n<a href=\"#here\">fine</a>");

    CommandLineRun run = links("--check-anchors", StubServer.url(site, "/pct.html"));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).as(run.toString())
        .contains("BROKEN  " + StubServer.url(site, "/pct.html#%") + "\n        missing anchor #%\n")
        .contains("1 broken");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aConfigsWarcWithoutDataIsAUsageErrorSinceTheTemporaryFolderWouldTakeTheArchiveAlong(@TempDir Path dir)
      throws Exception {
    Path config = Files.writeString(dir.resolve("links.yaml"), "crawl:\n  warc: true\n");
    page("/never.html", "<a href=\"/gone\">gone</a>");

    CommandLineRun run = links("-c", config.toString(), StubServer.url(site, "/never.html"));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: crawl.warc: true needs --data DIR (or crawl.data) with links:"
        + " without one the crawl, and its WARC, go into a temporary folder deleted at the end\n");
    site.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aDataPathThatIsAFileIsAUsageErrorNamingItAndNothingIsFetched(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "not a folder\n");
    page("/never.html", "<a href=\"/gone\">gone</a>");

    CommandLineRun run = links("--data", file.toString(), StubServer.url(site, "/never.html"));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: " + file + " is a file, and --data names a folder\n");
    site.verify(0, anyRequestedFor(anyUrl()));
  }

  /** A page whose one broken target is an image, which no link leads to. */
  private static String pageWithABrokenImage() {
    page("/photo.html", "<p>Our team</p>\n<img src=\"/team.jpg\" alt=\"Team photo\">\n<a href=\"mailto:x@example.com\">mail</a>");
    return StubServer.url(site, "/photo.html");
  }

  @Test
  void theTableNamesTheElementThatEmbedsABrokenResourceAndTheSummaryCountsResources() {
    String page = pageWithABrokenImage();

    CommandLineRun run = links(page);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).as(run.toString()).isEqualTo("BROKEN  " + StubServer.url(site, "/team.jpg") + "\n"
        + "        404 Not Found\n"
        + "        from " + page + ":3  \"<img> Team photo\"\n\n"
        + "1 broken (0 redirects to an error) of 2 targets, 0 links and 1 embedded resource on 1 page;"
        + " 0 checked online, 0 skipped, 1 mailto:/javascript:/data: URL not checked\n");
  }

  @Test
  void jsonCsvAndJunitWordTheEmbeddingAsTheTableDoes() throws Exception {
    String page = pageWithABrokenImage();

    JsonNode json = new ObjectMapper().readTree(links("--format", "json", page).out());
    String csv = links("--format", "csv", page).out();
    String junit = links("--format", "junit", page).out();

    assertThat(json.get("summary").get("resources").asInt()).isEqualTo(1);
    assertThat(json.get("summary").get("checked_online").asInt()).as("the crawl fetched it").isZero();
    JsonNode from = json.get("broken").get(0).get("linked_from").get(0);
    assertThat(from.get("anchor_text").asText()).isEqualTo("<img> Team photo");
    assertThat(from.get("embedded_as").asText()).isEqualTo("<img>");
    assertThat(csv).contains("," + page + ",3,<img> Team photo,<img>\r\n");
    assertThat(junit).contains("name=\"&lt;img&gt; " + StubServer.url(site, "/team.jpg") + " (line 3)\"",
        "embedded in " + page + ":3 \"&lt;img&gt; Team photo\"");
  }

  @Test
  void overACrawlForSearchItSaysThatThosePagesResourcesWentUnchecked(@TempDir Path data) {
    String page = pageWithABrokenImage();
    CommandLineRun crawl = CommandLineRun.of("crawl", "--delay", "0", "--max-depth", "0", "--data", data.toString(), page);

    CommandLineRun run = links("--data", data.toString(), "--max-depth", "0", page);

    assertThat(crawl.exitCode()).as(crawl.toString()).isZero();
    assertThat(run.out()).as(run.toString()).contains("0 embedded resources");
    assertThat(run.err()).isEqualTo("sitepulse: the pages sitepulse crawl fetched into " + data + " were not fetched"
        + " again, so their images, scripts and stylesheets were not checked (a crawl for search does not record"
        + " them); links without --data, or with a --data of its own, checks them\n");
  }

  @Test
  void linksThatAskToWaitAnHourAreReportedWithTheirAnswerInSecondsNotAfterFiveMinutes() {
    // One on the site's own host, which the crawl fetches, one elsewhere (localhost is another
    // host), which is checked online: neither may hold a link check for minutes.
    site.stubFor(get("/busy").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600")));
    String elsewhere = StubServer.url(site, "/busy").replace("127.0.0.1", "localhost");
    page("/home.html", "<a href=\"/busy\">busy</a>\n<a href=\"" + elsewhere + "\">elsewhere</a>");

    CommandLineRun run = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> links(StubServer.url(site, "/home.html")));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).as(run.toString())
        .contains("BROKEN  " + StubServer.url(site, "/busy") + "\n        503 ")
        .contains("BROKEN  " + elsewhere + "  (external)\n        503 ");
  }

  @Test
  void aHostGivenUpOnForItsWaitsIsSaidInTheLinkChecksWordsNotLeftForALaterRun() {
    // Without --data the crawl's folder is deleted: there is no later run for its URLs to wait for.
    site.stubFor(get("/maintenance").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600")));
    page("/start.html", "<a href=\"/maintenance\">maintenance</a>");

    CommandLineRun run = links(StubServer.url(site, "/start.html"));

    assertThat(run.err()).as(run.toString()).endsWith(" WARN  http://127.0.0.1:" + site.getPort()
        + ": its 503 answers would hold the link check back more than --max-backoff 30s in all; its other"
        + " URLs are not crawled: each is checked online once after the crawl, or skipped with --external skip\n");
  }

  @Test
  void aTargetOnAHostTheCrawlGaveUpOnForItsWaitsIsJudgedByItsAnswerWithoutWaitingAgain() {
    for (String busy : new String[] {"/busy1", "/busy2", "/busy3", "/busy4"}) {
      site.stubFor(any(urlEqualTo(busy)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
    }
    page("/start.html", "<a href=/busy1>1</a> <a href=/busy2>2</a> <a href=/busy3>3</a> <a href=/busy4>4</a>");

    CommandLineRun run = links("--max-backoff", "2s", "--per-host", "1", StubServer.url(site, "/start.html"));

    assertThat(run.err()).as(run.toString()).contains("would hold the link check back more than --max-backoff");
    List<LoggedRequest> heads = site.findAll(headRequestedFor(urlMatching("/busy.")));
    assertThat(heads).as("checked online once the crawl gave the host up: %s", run).isNotEmpty();
    for (LoggedRequest head : heads) {
      assertThat(site.findAll(getRequestedFor(urlEqualTo(head.getUrl())))).as("a GET after waiting out %s's"
          + " Retry-After once more", head.getUrl()).isEmpty();
    }
  }

  /** A page whose id and links sit after 2.4 KB of text: past a --max-body of 1 KiB. */
  private static String pageCutAtOneKiB() {
    page("/long.html", "<p>" + "words ".repeat(400) + "</p>\n<p id=late>end</p>\n<a href=\"/gone.html\">gone</a>");
    return StubServer.url(site, "/long.html");
  }

  @Test
  void aPageCutAtMaxBodyIsCountedAndNamedAndItsLateFragmentIsNotCheckedRatherThanMissing() throws Exception {
    String page = pageCutAtOneKiB();

    CommandLineRun table = links("--check-anchors", "--max-body", "1KiB", page + "#late");
    JsonNode json = new ObjectMapper().readTree(links("--check-anchors", "--max-body", "1KiB", "--format", "json",
        page + "#late").out());
    String junit = links("--check-anchors", "--max-body", "1KiB", "--format", "junit", page + "#late").out();

    assertThat(table.exitCode()).as(table.toString()).isZero();
    assertThat(table.out()).as(table.toString()).doesNotContain("FAILED").endsWith("; 1 page cut at --max-body:"
        + " links after the cut not checked; 1 anchor not checked (page cut at --max-body)\n");
    assertThat(table.err()).isEqualTo("sitepulse: 1 page cut at --max-body: links after the cut not checked"
        + " (raise --max-body to read them whole): " + page + "\n");
    assertThat(json.get("summary").get("pages_cut_at_max_body").asInt()).isEqualTo(1);
    assertThat(json.get("pages_cut_at_max_body").get(0).asText()).isEqualTo(page);
    assertThat(json.get("anchors_not_checked").get(0).get("url").asText()).isEqualTo(page + "#late");
    assertThat(junit).contains("name=\"1 page cut at --max-body: links after the cut not checked\"",
        "name=\"1 anchor not checked (page cut at --max-body)\"", "skipped=\"2\"");
  }

  @Test
  void aPageWithLinksPastTheCapIsASkippedCaseInJunitSoCiDoesNotReadItAsFullyChecked() {
    page("/many.html", "<a href=/a.html>a</a> <a href=/b.html>b</a> <a href=/gone.html>gone</a>");
    page("/a.html", "a");
    page("/b.html", "b");
    String page = StubServer.url(site, "/many.html");

    String junit = links("--max-links-per-page", "2", "--format", "junit", page).out();

    assertThat(junit).contains("name=\"1 page with links past --max-links-per-page: those not checked\"",
        "raise --max-links-per-page, or 0 for no cap, to check them: " + page, "skipped=\"1\"");
  }

  @Test
  void aGzippedPageServedWithoutContentEncodingIsCountedAndNamedAsNotReadForLinks() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write("<html><title>Zipped</title><a href=\"/gone.html\">x</a></html>".getBytes(StandardCharsets.UTF_8));
    }
    site.stubFor(get("/zipped.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody(zipped.toByteArray())));
    String page = StubServer.url(site, "/zipped.html");

    CommandLineRun table = links(page);
    JsonNode json = new ObjectMapper().readTree(links("--format", "json", page).out());
    String junit = links("--format", "junit", page).out();

    assertThat(table.out()).as(table.toString()).endsWith("; 1 page served as HTML but binary: links not read\n");
    assertThat(table.err()).isEqualTo("sitepulse: 1 page served as HTML but binary: links not read (an image or a"
        + " file served as text/html, or a gzipped page served without its Content-Encoding?): " + page + "\n");
    assertThat(json.get("summary").get("pages_binary").asInt()).isEqualTo(1);
    assertThat(json.get("pages_binary").get(0).asText()).isEqualTo(page);
    assertThat(junit).contains("name=\"1 page served as HTML but binary: links not read\"", "skipped=\"1\"");
  }
}
