package dev.sitepulse.cli.report;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.CommandLineRun;
import dev.sitepulse.cli.testing.StubServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seed or a sitemap's page that fails has no page linking to it: report and links show it as a
 * failed seed or sitemap entry, not as a broken link in "0 places".
 */
class FailedStartsTest {

  @RegisterExtension static WireMockExtension site = StubServer.empty();

  @TempDir Path data;

  private CommandLineRun crawl(String maxDepth, String seed, String... more) {
    return crawlExiting(0, maxDepth, seed, more);
  }

  private CommandLineRun crawlExiting(int exitCode, String maxDepth, String seed, String... more) {
    List<String> args = new ArrayList<>(List.of("crawl", "--data", data.toString(), "--delay", "0", "--max-depth", maxDepth));
    args.addAll(List.of(more));
    args.add(seed);
    CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as("%s", run).isEqualTo(exitCode);
    return run;
  }

  private CommandLineRun report(String... format) {
    String[] args = new String[2 + format.length + 1];
    args[0] = "report";
    args[1] = "--data";
    args[2] = data.toString();
    System.arraycopy(format, 0, args, 3, format.length);
    return CommandLineRun.of(args);
  }

  @Test
  void aSeedThatAnswers404IsAFailedSeedInTheReportNotABrokenLinkInNoPlace() throws Exception {
    String seed = StubServer.url(site, "/missing.html");
    crawl("0", seed);

    String table = report().out();
    assertThat(table).contains("0 links to 0 targets, 0 broken, 1 failed seed (checked offline")
        .doesNotContain("BROKEN ", "PLACES")
        .containsPattern("\nFAILED +AS +PROBLEM\n" + seed.replace(".", "\\.") + " +seed +404 Not Found\n");
    JsonNode links = new ObjectMapper().readTree(report("--format", "json").out()).get("site").get("links");
    assertThat(links.get("broken_targets").asLong()).isZero();
    assertThat(links.get("failed_starts").get(0).get("url").asText()).isEqualTo(seed);
    assertThat(links.get("failed_starts").get(0).get("as").asText()).isEqualTo("seed");
    assertThat(report("--format", "html").out()).contains("id=\"site-failed-starts\"", "<td class=\"text\">seed</td>")
        .doesNotContain("id=\"site-broken-links\"");
  }

  @Test
  void aSeedThatRefusesConnectionsIsAFailedSeedInTheReportAndInLinks() {
    // Without robots.txt: a crawl whose robots.txt got no answer leaves the seed queued for a later run.
    crawlExiting(2, "0", "http://127.0.0.1:1/", "--ignore-robots"); // it fetched nothing

    assertThat(report().out()).contains("0 broken, 1 failed seed")
        .containsPattern("\nhttp://127\\.0\\.0\\.1:1/ +seed +CONNECT_REFUSED: connection refused by 127\\.0\\.0\\.1:1\n");
    CommandLineRun links = CommandLineRun.of("links", "--delay", "0", "http://127.0.0.1:1/");
    assertThat(links.exitCode()).as("a failed seed fails the check").isEqualTo(2);
    assertThat(links.out()).startsWith("FAILED  http://127.0.0.1:1/  (a seed that no page links to)\n"
        + "        CONNECT_REFUSED: connection refused by 127.0.0.1:1\n").contains("1 broken (1 failed seed, ");
  }

  @Test
  void aSeedThatRedirectsInALoopIsAFailedSeedAndAnErrorOfTheCrawlNotAClean302() throws Exception {
    site.stubFor(get("/loop").willReturn(aResponse().withStatus(301).withHeader("Location", "/loop")));
    String seed = StubServer.url(site, "/loop");

    CommandLineRun crawl = crawl("0", seed);

    assertThat(crawl.out()).contains("errors:    TOO_MANY_REDIRECTS: 1\n");
    assertThat(report().out()).contains("status codes 301×1; errors TOO_MANY_REDIRECTS×1;", "0 broken, 1 failed seed")
        .containsPattern("\n" + Pattern.quote(seed) + " +seed +TOO_MANY_REDIRECTS: redirect loop starting at ");
    CommandLineRun links = CommandLineRun.of("links", "--delay", "0", "--format", "json", seed);
    assertThat(links.exitCode()).as("a failed seed fails the check").isEqualTo(2);
    JsonNode json = new ObjectMapper().readTree(links.out());
    assertThat(json.get("summary").get("targets").asLong()).as(links.out()).isEqualTo(1);
    assertThat(json.get("broken").get(0).get("error_kind").asText()).isEqualTo("TOO_MANY_REDIRECTS");
    assertThat(json.get("broken").get(0).get("failed_start").asText()).isEqualTo("seed");
  }

  @Test
  void aCrawlWhoseOnlySeedWasNeverReachedSaysSoRatherThanLookingClean() throws Exception {
    CommandLineRun crawl = CommandLineRun.of("crawl", "--data", data.toString(), "--delay", "0", "--max-depth", "0",
        "http://127.0.0.1:1/"); // robots.txt refused: the host is given up, its seed left queued

    String table = report().out();
    JsonNode links = new ObjectMapper().readTree(report("--format", "json").out()).get("site").get("links");

    assertThat(table).as(crawl.toString()).contains("0 broken, 1 seed not reached (checked offline")
        .containsPattern("\nNOT REACHED +WHY\nhttp://127\\.0\\.0\\.1:1/ +seed left queued");
    assertThat(links.get("seeds_not_reached").get(0).asText()).isEqualTo("http://127.0.0.1:1/");
  }

  @Test
  void aRefreshWhoseHostNeverAnsweredSaysItsSeedNotReachedThoughAnEarlierRunFetchedIt() throws Exception {
    WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    String seed = "http://127.0.0.1:" + server.port() + "/home.html";
    try {
      server.stubFor(get("/home.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
          .withBody("<title>home</title>")));
      crawl("0", seed);
      assertThat(report().out()).doesNotContain("not reached");
    } finally {
      server.stop();
    }

    CommandLineRun refresh = CommandLineRun.of("crawl", "--data", data.toString(), "--delay", "0", "--max-depth", "0",
        "--refresh", seed); // robots.txt refused: the host is given up, its seed left queued again

    assertThat(report().out()).as(refresh.toString()).contains("0 broken, 1 seed not reached (checked offline")
        .containsPattern("\nNOT REACHED +WHY\n" + Pattern.quote(seed) + " +seed left queued");
    JsonNode links = new ObjectMapper().readTree(report("--format", "json").out()).get("site").get("links");
    assertThat(links.get("seeds_not_reached").get(0).asText()).isEqualTo(seed);
  }

  @Test
  void aSitemapsPageThatAnswers404AndThatNoPageLinksToIsAFailedSitemapEntry() {
    site.stubFor(get("/sitemap.xml").willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody("""
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <url><loc>%1$s/home.html</loc></url>
          <url><loc>%1$s/gone.html</loc></url>
        </urlset>""".formatted(StubServer.url(site, "")))));
    site.stubFor(get("/home.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<title>home</title><a href=\"/missing.html\">m</a>")));
    String gone = StubServer.url(site, "/gone.html");
    crawl("1", StubServer.url(site, "/home.html"));

    assertThat(report().out()).contains("1 broken, 1 failed sitemap entry")
        .containsPattern("\n" + gone.replace(".", "\\.") + " +sitemap entry +404 Not Found\n");
    CommandLineRun links = CommandLineRun.of("links", "--delay", "0", StubServer.url(site, "/home.html"));
    assertThat(links.out()).contains("FAILED  " + gone + "  (a sitemap entry that no page links to)\n",
        "BROKEN  " + StubServer.url(site, "/missing.html") + "\n", "2 broken (1 failed sitemap entry, ");
  }
}
