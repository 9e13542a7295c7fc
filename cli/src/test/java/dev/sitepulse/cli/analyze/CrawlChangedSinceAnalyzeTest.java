package dev.sitepulse.cli.analyze;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.permanentRedirect;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.analytics.JavaBackend;
import dev.sitepulse.cli.CommandLineRun;
import dev.sitepulse.cli.testing.StubServer;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlException;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlStart;
import dev.sitepulse.crawler.Crawler;
import dev.sitepulse.crawler.store.CrawlDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What report says of analyze's ranks after the crawl went on ("the crawl changed since", the
 * pages listed), over real crawls of a site whose answers carry no ETag and no Last-Modified, so
 * that a refresh fetches every page whole again.
 */
class CrawlChangedSinceAnalyzeTest {

  @RegisterExtension static WireMockExtension site = StubServer.empty();

  @TempDir Path data;

  @BeforeEach
  void serveASiteWithoutValidators() {
    page("/a.html", "<title>A</title><a href=\"/b.html\">b</a> <a href=\"/c.html\">c</a>");
    page("/b.html", "<title>B</title><a href=\"/a.html\">a</a>");
    page("/c.html", "<title>C</title><a href=\"/a.html\">a</a> <a href=\"/b.html\">b</a>");
    page("/d.html", "<title>D</title><a href=\"/a.html\">a</a>");
  }

  private static void page(String path, String body) {
    site.stubFor(get(path).willReturn(ok("<!doctype html><html><head>" + body + "</html>")
        .withHeader("Content-Type", "text/html")));
  }

  /** A page whose X-Robots-Tag says nofollow: its bytes say nothing of it. */
  private static void nofollowPage(String path, String body) {
    site.stubFor(get(path).willReturn(ok("<!doctype html><html><head>" + body + "</html>")
        .withHeader("Content-Type", "text/html").withHeader("X-Robots-Tag", "nofollow")));
  }

  private void crawl(CrawlStart start, String... paths) {
    crawl(CrawlConfig.builder(seeds(paths), data).delay(Duration.ZERO).start(start));
  }

  private void crawl(CrawlConfig.Builder config) {
    try {
      Crawler.run(config.build(), CrawlListener.NONE);
    } catch (CrawlException e) {
      throw new AssertionError(e);
    }
  }

  private List<String> seeds(String... paths) {
    return Arrays.stream(paths).map(p -> StubServer.url(site, p)).toList();
  }

  private void analyze() {
    CommandLineRun run = CommandLineRun.of("analyze", "--data", data.toString(), "--device", "cpu");
    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  private boolean crawlChangedSince() throws Exception {
    return analysisReported().get("crawl_changed_since").asBoolean();
  }

  private JsonNode analysisReported() throws Exception {
    CommandLineRun run = CommandLineRun.of("report", "--data", data.toString(), "--format", "json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return new ObjectMapper().readTree(run.out()).get("site").get("analysis");
  }

  @Test
  void pagesACrawlFetchedWhileAnalyzeComputedMakeTheCrawlChangedSince() throws Exception {
    crawl(CrawlStart.RESUME, "/a.html");

    // The crawl goes on, with a page more, after analyze read the crawl and before it stored
    // what it computed: the new page was fetched before analyze's time.
    AnalysisReport report = AnalyzeCommand.analyze(data, batch -> {
      crawl(CrawlStart.RESUME, "/a.html", "/d.html");
      return new JavaBackend(1);
    }, 20, 3, Clock.systemUTC());

    assertThat(report.notStored()).isNull();
    JsonNode analysis = analysisReported();
    assertThat(analysis.get("pages").asLong()).isEqualTo(3);
    assertThat(analysis.get("crawl_changed_since").asBoolean()).as("d.html was never ranked").isTrue();
  }

  @Test
  void anAnalysisAnEarlierBuildRecordedIsReportedAsPossiblyStaleNotAsAnError() throws Exception {
    crawl(CrawlStart.RESUME, "/a.html");
    analyze();
    // The shape an earlier build wrote: its digest, one number, is not this build's.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(CrawlDb.FILE_NAME));
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE analysis");
      s.execute("CREATE TABLE analysis(analyzed_at INTEGER NOT NULL, pages INTEGER NOT NULL, crawl_digest INTEGER NOT NULL)");
      s.execute("INSERT INTO analysis VALUES(1700000000000, 3, 42)");
    }

    JsonNode analysis = analysisReported();
    assertThat(analysis.get("pages").asLong()).isEqualTo(3);
    assertThat(analysis.get("crawl_changed_since").asBoolean()).as("ranks it cannot vouch for").isTrue();
  }

  @Test
  void aRefreshThatFetchedEveryPageWholeAndFoundThemAsTheyWereChangesNothing() throws Exception {
    crawl(CrawlStart.RESUME, "/a.html");
    assertThat(CommandLineRun.of("analyze", "--data", data.toString(), "--device", "cpu").exitCode()).isZero();

    crawl(CrawlStart.REFRESH, "/a.html");

    assertThat(site.findAll(getRequestedFor(urlEqualTo("/b.html")))).as("fetched whole again").hasSize(2);
    assertThat(analysisReported().get("crawl_changed_since").asBoolean()).isFalse();
  }

  @Test
  void aRefreshThatFoundAPageGoneAndAnotherChangedChangedTheCrawlAndTheGoneOneIsNotListed() throws Exception {
    crawl(CrawlStart.RESUME, "/a.html");
    assertThat(CommandLineRun.of("analyze", "--data", data.toString(), "--device", "cpu").exitCode()).isZero();
    site.stubFor(get("/c.html").willReturn(notFound()));
    page("/b.html", "<title>B</title><a href=\"/a.html\">a</a> <a href=\"/d.html\">d</a>");

    crawl(CrawlStart.REFRESH, "/a.html");

    CommandLineRun run = CommandLineRun.of("report", "--data", data.toString(), "--format", "json");
    JsonNode s = new ObjectMapper().readTree(run.out()).get("site");
    assertThat(s.get("top_pagerank").findValuesAsText("url")).contains(StubServer.url(site, "/a.html"))
        .doesNotContain(StubServer.url(site, "/c.html"));
    assertThat(s.get("analysis").get("crawl_changed_since").asBoolean()).isTrue();
    assertThat(CommandLineRun.of("report", "--data", data.toString()).out())
        .containsPattern("PageRank and near-duplicates from analyze at \\S+ \\S+Z over 3 pages;"
            + " the crawl changed since: run sitepulse analyze again");
  }

  @Test
  void aRefreshUnderWayOrStoppedEarlyKeepsTheRanksListedAndItsSeedNotReachedByIt() throws Exception {
    crawl(CrawlStart.RESUME, "/a.html");
    assertThat(CommandLineRun.of("analyze", "--data", data.toString(), "--device", "cpu").exitCode()).isZero();
    List<String> ranked = siteReported().get("top_pagerank").findValuesAsText("url");

    try (CrawlDb db = CrawlDb.open(data.resolve(CrawlDb.FILE_NAME))) {
      db.queueAllAgain(); // as crawl --refresh starts, and leaves it when stopped before a fetch
    }

    JsonNode s = siteReported();
    assertThat(s.get("states").get("queued").asLong()).isEqualTo(s.get("urls").asLong());
    assertThat(s.get("top_pagerank").findValuesAsText("url")).hasSize(3).isEqualTo(ranked);
    assertThat(s.get("analysis").get("crawl_changed_since").asBoolean()).isFalse();
    // What the earlier run fetched of the seed stays, but this run has not fetched it (yet).
    assertThat(s.get("links").get("seeds_not_reached")).hasSize(1);
    assertThat(s.get("links").get("seeds_not_reached").get(0).asText()).isEqualTo(StubServer.url(site, "/a.html"));
    assertThat(CommandLineRun.of("report", "--data", data.toString()).out()).contains("NOT REACHED");
  }

  @Test
  void aRedirectThatLandsOnAnotherPageNowChangedTheCrawl() throws Exception {
    page("/a.html", "<title>A</title><a href=\"/old\">old</a> <a href=\"/b.html\">b</a> <a href=\"/c.html\">c</a>");
    site.stubFor(get("/old").willReturn(permanentRedirect("/b.html")));
    crawl(CrawlStart.RESUME, "/a.html");
    analyze();

    // The same pages with the same bytes, as many links and redirects: only where /old lands moved.
    site.stubFor(get("/old").willReturn(permanentRedirect("/c.html")));
    crawl(CrawlStart.REFRESH, "/a.html");

    assertThat(crawlChangedSince()).isTrue();
  }

  @Test
  void aNofollowThatMovedFromOnePagesHeadersToAnothersChangedTheCrawl() throws Exception {
    nofollowPage("/b.html", "<title>B</title><a href=\"/a.html\">a</a>");
    crawl(CrawlStart.RESUME, "/a.html", "/d.html");
    analyze();

    // Every page's bytes as they were, and as many links followed: b's now, d's no longer.
    page("/b.html", "<title>B</title><a href=\"/a.html\">a</a>");
    nofollowPage("/d.html", "<title>D</title><a href=\"/a.html\">a</a>");
    crawl(CrawlStart.REFRESH, "/a.html", "/d.html");

    assertThat(crawlChangedSince()).isTrue();
  }

  @Test
  void aPageCutAtMaxBodyChangesTheCrawlWhenItsLinksDoAndNotWhenFetchedAgainAsItWas() throws Exception {
    String filler = "<p>" + "words of a long page ".repeat(200) + "</p>";
    page("/c.html", "<title>C</title><a href=\"/a.html\">a</a> <a href=\"/b.html\">b</a>" + filler);
    CrawlConfig.Builder cut = CrawlConfig.builder(seeds("/a.html"), data).delay(Duration.ZERO).maxBodyBytes(1024);
    crawl(cut);
    analyze();

    crawl(cut.start(CrawlStart.REFRESH));
    assertThat(crawlChangedSince()).as("fetched whole again, the same").isFalse();

    page("/c.html", "<title>C</title><a href=\"/a.html\">a</a> <a href=\"/a.html\">b</a>" + filler);
    crawl(cut.start(CrawlStart.REFRESH));
    assertThat(crawlChangedSince()).as("its second link goes to a now").isTrue();
  }

  @Test
  void theLinksAreReadAgainOnlyWhenACrawlRecordedAFetchSinceTheAnalysis() throws Exception {
    crawl(CrawlStart.RESUME, "/a.html");
    analyze();
    String a = StubServer.url(site, "/a.html");

    // A hand rewrites a's link to b as one to c and numbers no row, as no crawl does: report
    // takes the crawl's numbering for proof that no link changed, and reads none.
    sql("UPDATE links SET to_url = '" + StubServer.url(site, "/c.html") + "' WHERE to_url = '"
        + StubServer.url(site, "/b.html") + "' AND from_id = (SELECT id FROM urls WHERE url = '" + a + "')");
    assertThat(crawlChangedSince()).as("no fetch recorded since").isFalse();

    sql("UPDATE urls SET seq = (SELECT max(seq) + 1 FROM urls) WHERE url = '" + a + "'"); // as a crawl records a
    assertThat(crawlChangedSince()).isTrue();
  }

  private void sql(String update) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(CrawlDb.FILE_NAME));
        Statement s = c.createStatement()) {
      assertThat(s.executeUpdate(update)).isEqualTo(1);
    }
  }

  private JsonNode siteReported() throws Exception {
    CommandLineRun run = CommandLineRun.of("report", "--data", data.toString(), "--format", "json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return new ObjectMapper().readTree(run.out()).get("site");
  }
}
