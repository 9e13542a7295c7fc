package dev.sitepulse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.CommandLineRun;
import dev.sitepulse.cli.testing.StubServer;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.Crawler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** report over a crawl folder: the WireMock docs site, crawled once for every test. */
class SiteReportTest {

  @RegisterExtension static WireMockExtension site = StubServer.busyStubs();

  @TempDir static Path data;

  @BeforeAll
  static void crawlTheSite() throws Exception {
    Crawler.run(CrawlConfig.builder(List.of(StubServer.url(site, "/site/index.html")), data)
        .delay(Duration.ZERO).build(), CrawlListener.NONE);
  }

  private static JsonNode json() throws Exception {
    CommandLineRun run = CommandLineRun.of("report", "--data", data.toString(), "--format", "json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void aCrawlFolderIsReportedOnWithTheBrokenLinksThatLinksFinds() throws Exception {
    JsonNode s = json().get("site");

    assertThat(s.get("urls").asLong()).isEqualTo(s.get("states").get("done").asLong()
        + s.get("states").path("skipped-robots").asLong() + s.get("states").path("failed").asLong());
    assertThat(s.get("status_codes").get("404").asLong()).isPositive();
    assertThat(s.get("fetch_ms").get("count").asLong()).isPositive();
    assertThat(s.get("slowest")).isNotEmpty();
    assertThat(s.get("slowest").get(0).get("fetch_ms").asDouble())
        .isGreaterThanOrEqualTo(s.get("slowest").get(s.get("slowest").size() - 1).get("fetch_ms").asDouble());
    // The broken internal link targets `links --external skip` lists over this site, which also
    // lists a broken image: report counts links alone.
    assertThat(s.get("links").get("most_linked_broken").findValuesAsText("url")).contains(
        StubServer.url(site, "/site/missing.html"), StubServer.url(site, "/site/reference/gone.html"));
    assertThat(s.get("top_pagerank")).as("none until analyze has run").isEmpty();
    assertThat(s.get("near_duplicate_clusters").isNull()).as("not 0: no analyze ran to find none").isTrue();
    assertThat(s.get("analysis").isNull()).isTrue();
  }

  @Test
  void aPageTitleThousandsOfCharactersLongIsCutInTheTableAndKeptWholeInJson() throws Exception {
    Path hostile = Files.createDirectories(data.resolveSibling(data.getFileName() + "-hostile"));
    Files.copy(data.resolve("crawl.db"), hostile.resolve("crawl.db"));
    assertThat(CommandLineRun.of("analyze", "--data", hostile.toString(), "--device", "cpu").exitCode()).isZero();
    String title = "t".repeat(5000);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + hostile.resolve("crawl.db"));
        Statement s = c.createStatement()) { // as a server may title every page
      s.executeUpdate("UPDATE urls SET title = '" + title + "'");
    }

    CommandLineRun table = CommandLineRun.of("report", "--data", hostile.toString());
    CommandLineRun json = CommandLineRun.of("report", "--data", hostile.toString(), "--format", "json");

    assertThat(table.out()).contains("t".repeat(59) + "…");
    assertThat(table.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThan(300));
    assertThat(new ObjectMapper().readTree(json.out()).get("site").get("top_pagerank").findValuesAsText("title"))
        .contains(title);
  }

  @Test
  void theLargestPagesAreGivenInWholeBytesAsTheSiteIs() throws Exception {
    JsonNode s = json().get("site");

    JsonNode largest = s.get("largest").get(0).get("bytes");
    assertThat(largest.isIntegralNumber()).as("%s", largest).isTrue();
    assertThat(largest.asLong()).isPositive().isLessThanOrEqualTo(s.get("bytes").asLong());
  }

  @Test
  void aCrawlDbFromBeforeLinksWereKeyedByPageIdAndCountedNonHttpLinksIsReportedAsANewOne() throws Exception {
    Path old = Files.createDirectories(data.resolveSibling(data.getFileName() + "-old"));
    Files.copy(data.resolve("crawl.db"), old.resolve("crawl.db"));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old.resolve("crawl.db"));
        Statement s = c.createStatement()) { // as sitepulse wrote it before 2026-11-22
      s.execute("CREATE TABLE links_by_url AS SELECT from_url, to_url, fragment, anchor, line, nofollow FROM page_links");
      s.execute("DROP VIEW page_links");
      s.execute("DROP TABLE links");
      s.execute("ALTER TABLE links_by_url RENAME TO links");
      s.execute("ALTER TABLE urls DROP COLUMN non_http_links");
    }

    CommandLineRun run = CommandLineRun.of("report", "--data", old.toString(), "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(new ObjectMapper().readTree(run.out()).get("site").get("links")).isEqualTo(json().get("site").get("links"));
  }

  @Test
  void whatAnalyzeStoredIsReportedToo() throws Exception {
    Path analyzed = Files.createDirectories(data.resolveSibling(data.getFileName() + "-analyzed"));
    Files.copy(data.resolve("crawl.db"), analyzed.resolve("crawl.db"));
    assertThat(CommandLineRun.of("analyze", "--data", analyzed.toString(), "--device", "cpu").exitCode()).isZero();

    CommandLineRun run = CommandLineRun.of("report", "--data", analyzed.toString(), "--format", "json");
    JsonNode s = new ObjectMapper().readTree(run.out()).get("site");

    assertThat(s.get("top_pagerank")).isNotEmpty();
    assertThat(s.get("near_duplicate_clusters").asLong()).isPositive();
    assertThat(s.get("analysis").get("pages").asLong()).isPositive();
    assertThat(s.get("analysis").get("crawl_changed_since").asBoolean()).isFalse();
  }

  @Test
  void theTopPagesAreListedInTheOrderAnalyzeGaveThemTiesIncluded() throws Exception {
    Path analyzed = Files.createDirectories(data.resolveSibling(data.getFileName() + "-ranked"));
    Files.copy(data.resolve("crawl.db"), analyzed.resolve("crawl.db"));
    CommandLineRun analyze = CommandLineRun.of("analyze", "--data", analyzed.toString(), "--device", "cpu",
        "--format", "json", "--top", String.valueOf(SiteReader.SHOWN));
    CommandLineRun report = CommandLineRun.of("report", "--data", analyzed.toString(), "--format", "json");

    JsonNode ranked = new ObjectMapper().readTree(analyze.out()).get("pagerank").get("top");
    JsonNode reported = new ObjectMapper().readTree(report.out()).get("site").get("top_pagerank");
    List<String> ranks = ranked.findValuesAsText("rank");
    assertThat(ranks.stream().distinct().count()).as("the stub site's pages of equal rank: %s", ranks)
        .isLessThan(ranks.size());
    assertThat(reported.findValuesAsText("url")).isEqualTo(ranked.findValuesAsText("url"));
  }

  @Test
  void theTableAndTheHtmlPageShowTheSiteSection() {
    CommandLineRun table = CommandLineRun.of("report", "--data", data.toString());
    CommandLineRun html = CommandLineRun.of("report", "--data", data.toString(), "--format", "html");

    assertThat(table.exitCode()).isZero();
    assertThat(table.out()).startsWith("site " + data.resolve("crawl.db") + ": ").contains("\nBROKEN ", "\nSLOWEST ");
    assertThat(html.exitCode()).isZero();
    assertThat(html.out()).contains("<section id=\"site\">", "id=\"site-broken-links\"", "</html>")
        .doesNotContain("<section id=\"summary\"");
  }

  @Test
  void oneExactDuplicateIsCountedInTheSingular() throws Exception {
    assertThat(json().get("site").get("duplicates").asLong()).as("the stub site's copy of a page").isEqualTo(1);

    CommandLineRun table = CommandLineRun.of("report", "--data", data.toString());
    CommandLineRun html = CommandLineRun.of("report", "--data", data.toString(), "--format", "html");

    assertThat(table.out()).contains(" indexed, 1 exact duplicate, ");
    assertThat(html.out()).contains(">1 exact duplicate, ");
  }
}
