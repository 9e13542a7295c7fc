package dev.sitepulse.cli.analyze;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.analytics.AnalyticsBackend;
import dev.sitepulse.analytics.CsrGraph;
import dev.sitepulse.analytics.DeviceInfo;
import dev.sitepulse.analytics.JavaBackend;
import dev.sitepulse.analytics.LatencyStats;
import dev.sitepulse.analytics.NearDuplicates;
import dev.sitepulse.analytics.PageRankConfig;
import dev.sitepulse.analytics.PageRankResult;
import dev.sitepulse.cli.CommandLineRun;
import dev.sitepulse.cli.testing.StubServer;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlSpec;
import dev.sitepulse.crawler.CrawlStart;
import dev.sitepulse.crawler.Crawler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** analyze over a crawl of the WireMock docs site: ranks, duplicates and terms, stored back. */
class AnalyzeCommandTest {

  @RegisterExtension static WireMockExtension site = StubServer.busyStubs();

  @TempDir Path data;

  private void crawlTheSite() throws Exception {
    String seed = StubServer.url(site, "/site/index.html");
    Crawler.run(CrawlConfig.builder(List.of(seed), data).delay(Duration.ZERO).build(), CrawlListener.NONE);
  }

  private JsonNode analyze(String... extra) throws Exception {
    crawlTheSite();
    List<String> args = new java.util.ArrayList<>(List.of("analyze", "--data", data.toString(), "--format", "json"));
    args.addAll(List.of(extra));
    CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void aCrawlWithoutPagesSaysThereIsNothingToRankInsteadOfAHeaderOverNothing() throws Exception {
    // A seed whose host refuses the connection: the crawl stores it, failed, and no page.
    Crawler.run(CrawlConfig.builder(List.of("http://127.0.0.1:1/"), data).delay(Duration.ZERO).build(),
        CrawlListener.NONE);

    CommandLineRun run = CommandLineRun.of("analyze", "--data", data.toString(), "--device", "cpu");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("== PageRank of 0 pages, 0 links").contains("   (no pages to rank)\n")
        .doesNotContain("RANK");
  }

  @Test
  void pageRankRanksTheSectionIndexesFirstAndStoresEveryRank() throws Exception {
    JsonNode r = analyze("--top", "3", "--device", "cpu");
    JsonNode pr = r.get("pagerank");
    assertThat(pr.get("converged").asBoolean()).isTrue();
    assertThat(pr.get("timings_ms").get("device").asText()).isEqualTo("cpu");
    assertThat(pr.get("top")).hasSize(3);
    assertThat(pr.get("top").get(0).get("in_degree").asInt()).isGreaterThan(20);
    double sum = 0;
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("crawl.db"));
        ResultSet rs = db.createStatement().executeQuery("SELECT SUM(pagerank), COUNT(pagerank) FROM urls")) {
      sum = rs.getDouble(1);
      assertThat(rs.getInt(2)).isEqualTo(pr.get("pages").asInt());
    }
    assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void theCopiedFaqIsANearDuplicateClusterStoredInCrawlDb() throws Exception {
    JsonNode clusters = analyze().get("near_duplicates").get("clusters");
    assertThat(clusters.toString()).contains("/site/faq.html").contains("/site/copy-of-faq.html");
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("crawl.db"));
        ResultSet rs = db.createStatement().executeQuery("SELECT COUNT(*) FROM duplicate_clusters")) {
      assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void bothStepsRunOnOneBackendOpenedOnceForTheLargerBatch() throws Exception {
    crawlTheSite();
    List<String> events = new ArrayList<>();

    AnalysisReport report = AnalyzeCommand.analyze(data, batch -> {
      events.add("open " + batch);
      return new RecordingBackend(events);
    }, 3, 3, Clock.systemUTC());

    long links = report.crawl().graph.edgeCount();
    assertThat(links).isGreaterThan(report.crawl().simHashes.length);
    assertThat(events).containsExactly("open " + links, "pageRank", "nearDuplicates", "close");
  }

  @Test
  void theAnalysisStoredIsDatedByTheClockItIsGiven() throws Exception {
    crawlTheSite();
    Instant then = Instant.parse("2026-03-01T12:34:56.789Z");

    AnalyzeCommand.analyze(data, batch -> new JavaBackend(1), 3, 3, Clock.fixed(then, ZoneOffset.UTC));

    try (var db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("crawl.db"));
        ResultSet rs = db.createStatement().executeQuery("SELECT analyzed_at FROM analysis")) {
      assertThat(rs.next()).isTrue();
      assertThat(Instant.ofEpochMilli(rs.getLong(1))).isEqualTo(then);
    }
  }

  /** The Java backend, saying what it was asked to do. */
  private static final class RecordingBackend implements AnalyticsBackend {
    private final JavaBackend java = new JavaBackend(1);
    private final List<String> events;

    RecordingBackend(List<String> events) {
      this.events = events;
    }

    @Override
    public DeviceInfo device() {
      return java.device();
    }

    @Override
    public PageRankResult pageRank(CsrGraph graph, PageRankConfig config) {
      events.add("pageRank");
      return java.pageRank(graph, config);
    }

    @Override
    public NearDuplicates nearDuplicates(long[] simHashes, int maxDistance) {
      events.add("nearDuplicates");
      return java.nearDuplicates(simHashes, maxDistance);
    }

    @Override
    public LatencyStats latencyStats(float[] latenciesMs, int from, int to) {
      events.add("latencyStats");
      return java.latencyStats(latenciesMs, from, to);
    }

    @Override
    public void close() {
      events.add("close");
      java.close();
    }
  }

  @Test
  void termStatisticsComeFromTheIndex() throws Exception {
    JsonNode terms = analyze().get("terms");
    assertThat(terms.get("pages").asInt()).isEqualTo(33);
    assertThat(terms.get("by_doc_freq").get(0).get("term").asText()).isEqualTo("widget");
    assertThat(terms.get("by_doc_freq").get(1).get("term").asText()).isEqualTo("configur");
    assertThat(terms.get("by_doc_freq").get(1).get("word").asText()).isEqualTo("configuration");
    assertThat(terms.get("by_tf_idf")).isNotEmpty();
  }

  @Test
  void onePairOfNearDuplicatesIsCalledOnePairInOneCluster() throws Exception {
    crawlTheSite();

    CommandLineRun run = CommandLineRun.of("analyze", "--data", data.toString(), "--device", "cpu");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("1 pair in 1 cluster\n").doesNotContain("1 pairs", "1 clusters");
  }

  @Test
  void topTermsThatTieAreOrderedByTermSoThatEveryRunShowsTheSame() throws Exception {
    site.stubFor(get("/ties.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body><p>zulu yankee xray bravo alpha</p></body></html>")));
    String seed = StubServer.url(site, "/ties.html");
    // Depth 0: this page alone, not the site the host's sitemap lists. Each word is once on it.
    Crawler.run(new CrawlSpec(List.of(seed), data.toString(), null, 0, null, null, null, null, null,
        null, Duration.ZERO, null, null, null, null, null).toConfig(CrawlStart.RESUME), CrawlListener.NONE);

    CommandLineRun run = CommandLineRun.of("analyze", "--data", data.toString(), "--top", "2", "--format", "json");

    JsonNode terms = new ObjectMapper().readTree(run.out()).get("terms");
    assertThat(terms.get("by_doc_freq")).extracting(t -> t.get("term").asText()).containsExactly("alpha", "bravo");
    assertThat(terms.get("by_tf_idf")).extracting(t -> t.get("term").asText()).containsExactly("alpha", "bravo");
  }

  @Test
  void theLinksOfAPageWhoseRobotsSayNofollowPassNoRank() throws Exception {
    nofollowPage("/nf/start.html", null, "<a href=meta.html>m</a> <a href=header.html>h</a>"
        + " <a href=target.html>t</a> <a href=other.html>o</a>");
    nofollowPage("/nf/meta.html", null, "<meta name=robots content=nofollow><a href=target.html>t</a>");
    nofollowPage("/nf/header.html", "nofollow", "<a href=target.html>t</a>");
    nofollowPage("/nf/target.html", null, "target");
    nofollowPage("/nf/other.html", null, "other");
    Crawler.run(new CrawlSpec(List.of(StubServer.url(site, "/nf/start.html")), data.toString(), null, null, null,
        null, java.util.regex.Pattern.compile("/nf/"), null, null, null, Duration.ZERO, null, null, null, null, null)
        .toConfig(CrawlStart.RESUME), CrawlListener.NONE);

    CommandLineRun run = CommandLineRun.of("analyze", "--data", data.toString(), "--format", "json", "--device", "cpu");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode pr = new ObjectMapper().readTree(run.out()).get("pagerank");
    assertThat(pr.get("pages").asInt()).isEqualTo(5);
    assertThat(pr.get("links").asInt()).as("start's four links alone").isEqualTo(4);
    assertThat(storedRank("/nf/target.html")).as("linked from start, as other.html is, and from two nofollow pages")
        .isCloseTo(storedRank("/nf/other.html"), org.assertj.core.data.Offset.offset(1e-12));
  }

  private void nofollowPage(String path, String robotsHeader, String body) {
    var response = aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><head><title>" + path + "</title></head><body>" + body + "</body></html>");
    site.stubFor(get(path).willReturn(robotsHeader == null ? response : response.withHeader("X-Robots-Tag", robotsHeader)));
  }

  private double storedRank(String path) throws Exception {
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("crawl.db"));
        var s = db.prepareStatement("SELECT pagerank FROM urls WHERE url = ?")) {
      s.setString(1, StubServer.url(site, path));
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).as(path).isTrue();
        return rs.getDouble(1);
      }
    }
  }

  @Test
  void anUnknownDeviceIsAUsageErrorInTheWordsOfEveryOtherChoice() {
    CommandLineRun run = CommandLineRun.of("analyze", "--data", data.toString(), "--device", "gpu-9000");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: Invalid value for option '--device': expected one of auto, cpu,"
        + " opencl, opencl:N, got \"gpu-9000\"\nTry 'sitepulse analyze --help' for more information.\n");
  }

  @Test
  void aCrawlDbThatCannotBeWrittenStillGetsItsAnalysisPrintedThenExit2() throws Exception {
    crawlTheSite();
    try (var holder = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("crawl.db"))) {
      holder.createStatement().execute("BEGIN EXCLUSIVE"); // as a crawl writing its batch would

      CommandLineRun run = CommandLineRun.of("analyze", "--data", data.toString(), "--device", "cpu", "--top", "2");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.out()).contains("== PageRank of ", "== Near-duplicates", "== Terms over");
      assertThat(run.err()).startsWith("sitepulse: ranks and clusters not stored in " + data.resolve("crawl.db") + ": ")
          .hasLineCount(1);
      holder.createStatement().execute("ROLLBACK");
    }
  }

  @Test
  void topAndMaxDistanceEachSayWhichWasWrong() {
    CommandLineRun top = CommandLineRun.of("analyze", "--data", data.toString(), "--top", "0");
    CommandLineRun bits = CommandLineRun.of("analyze", "--data", data.toString(), "--max-distance", "64");

    assertThat(top.err()).isEqualTo("sitepulse: --top must be at least 1, got 0\n");
    assertThat(bits.err()).isEqualTo("sitepulse: --max-distance must be within 0..63 (bits of a 64-bit SimHash), got 64\n");
  }

  @Test
  void aCrawlDbThatSqliteCannotOpenFailsWithOneLineNamingItAndNoJavaClassName() throws Exception {
    crawlTheSite();
    // SQLite opens crawl.db-wal beside a WAL database to read it; here it cannot, as in a folder
    // the user may not write in (which a test run as root cannot make).
    Files.deleteIfExists(data.resolve("crawl.db-wal"));
    Files.createDirectory(data.resolve("crawl.db-wal"));

    CommandLineRun run = CommandLineRun.of("analyze", "--data", data.toString(), "--device", "cpu");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).startsWith("sitepulse: cannot read " + data.resolve("crawl.db") + ": ")
        .doesNotContain("Exception").hasLineCount(1);
  }

  @Test
  void aDamagedIndexFailsWithOneLineAsSearchSaysItAndNoJavaClassName() throws Exception {
    crawlTheSite();
    try (var files = Files.list(data.resolve("index"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".cfs")).toList()) {
        Files.delete(f);
      }
    }

    CommandLineRun run = CommandLineRun.of("analyze", "--data", data.toString(), "--device", "cpu");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).startsWith("sitepulse: cannot read the index in " + data.resolve("index") + ": damaged")
        .doesNotContain("Exception").hasLineCount(1);
  }

  @Test
  void anotherProgramsSqliteFileIsAUsageErrorWordedAsCrawlAndReportWordIt() throws Exception {
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("crawl.db"))) {
      db.createStatement().execute("CREATE TABLE notes(text TEXT)");
    }

    CommandLineRun run = CommandLineRun.of("analyze", "--data", data.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: " + data.resolve("crawl.db") + ": not a sitepulse crawl.db: it holds"
        + " another program's tables, and nothing in it is changed; give another --data\n");
  }

  @Test
  void aLinkWhosePageIdIsNoIntegerIsAUsageErrorNamingTableColumnAndRowInOneLine() throws Exception {
    crawlTheSite();
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("crawl.db"))) {
      db.createStatement().execute("UPDATE links SET from_id = 'two' WHERE rowid = 2");
    }

    CommandLineRun run = CommandLineRun.of("analyze", "--data", data.toString(), "--device", "cpu");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("sitepulse: " + data.resolve("crawl.db") + ": links.from_id of row 2 holds text,"
        + " not a page's row id (edited by hand, or damaged); crawl again with --fresh\n");
  }

  @Test
  void anSqliteDatabaseWithNoTablesIsNotASitepulseCrawlDbNotAnSqlError() throws Exception {
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("crawl.db"))) {
      db.createStatement().execute("PRAGMA journal_mode=WAL"); // as a crawl killed before its tables leaves it
    }

    CommandLineRun run = CommandLineRun.of("analyze", "--data", data.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: " + data.resolve("crawl.db") + ": not a sitepulse crawl.db: it holds"
        + " no tables, as a crawl killed before it made them leaves it; run sitepulse crawl --data " + data + " SEED\n");
  }

  @Test
  void anotherProgramsTableNamedUrlsIsNotASitepulseCrawlDbNotAnSqlError() throws Exception {
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("crawl.db"))) {
      db.createStatement().execute("CREATE TABLE urls(id INTEGER PRIMARY KEY, url TEXT, state TEXT)");
    }

    CommandLineRun run = CommandLineRun.of("analyze", "--data", data.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: " + data.resolve("crawl.db") + ": not a sitepulse crawl.db: it has"
        + " no column seq, which crawl writes; give another --data\n");
  }

  @Test
  void aCrawlDbThatIsNotAnSqliteFileIsAUsageErrorNamingTheFolderInOneLine() throws Exception {
    Files.writeString(data.resolve("crawl.db"), "notes, not a database\n");

    CommandLineRun run = CommandLineRun.of("analyze", "--data", data.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: no crawl in " + data + ": its crawl.db is not an SQLite database\n");
  }

  @Test
  void anEmptyCrawlDbIsAUsageErrorThatSaysItIsEmptyNotThatATableIsMissing() throws Exception {
    Files.createFile(data.resolve("crawl.db")); // as a crawl killed before it made its tables leaves it

    CommandLineRun run = CommandLineRun.of("analyze", "--data", data.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: no crawl in " + data + ": its crawl.db is empty, as a crawl killed"
        + " before it made its tables leaves it; run sitepulse crawl --data " + data + " SEED\n");
  }

  @Test
  void aFileGivenAsDataIsAUsageErrorThatSaysItIsNoFolder() throws Exception {
    Path file = Files.writeString(data.resolve("sitepulse.yaml"), "targets: []\n");

    CommandLineRun run = CommandLineRun.of("analyze", "--data", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: no crawl in " + file + ": it is a file, and --data names a crawl's folder\n");
  }

  @Test
  void aFolderNamedCrawlDbIsAUsageErrorThatSaysSo() throws Exception {
    Files.createDirectory(data.resolve("crawl.db"));

    CommandLineRun run = CommandLineRun.of("analyze", "--data", data.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: no crawl in " + data + ": its crawl.db is a folder, not a database\n");
  }

  @Test
  void listDevicesInJsonGivesEachDeviceAndAlwaysTheJavaOne() throws Exception {
    CommandLineRun run = CommandLineRun.of("analyze", "--list-devices", "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode devices = new ObjectMapper().readTree(run.out()).get("devices");
    assertThat(devices).isNotEmpty();
    JsonNode java = devices.get(0);
    assertThat(java.get("id").asText()).isEqualTo("cpu");
    assertThat(java.get("kind").asText()).isEqualTo("java");
    assertThat(java.get("compute_units").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(devices).allSatisfy(d -> assertThat(d.fieldNames()).toIterable()
        .containsExactly("id", "kind", "name", "platform", "compute_units", "global_memory_bytes",
            "local_memory_bytes", "fp64"));
  }
  @Test
  void aCrawlDbMadeByALinkCheckIsAnalyzedWithoutTerms() throws Exception {
    CommandLineRun links = CommandLineRun.of("links", "--data", data.toString(), "--delay", "0", "--external", "skip",
        StubServer.url(site, "/site/index.html"));
    assertThat(links.exitCode()).as(links.toString()).isEqualTo(2); // the site has broken links

    CommandLineRun run = CommandLineRun.of("analyze", "--data", data.toString(), "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode r = new ObjectMapper().readTree(run.out());
    assertThat(r.get("pagerank").get("pages").asInt()).isGreaterThan(30);
    assertThat(r.get("near_duplicates").get("clusters").toString()).contains("/site/copy-of-faq.html");
    assertThat(r.get("terms").get("pages").asInt()).isZero();
    assertThat(r.get("terms").get("indexed").asBoolean()).isFalse();
    CommandLineRun table = CommandLineRun.of("analyze", "--data", data.toString());
    assertThat(table.out()).as(table.toString()).endsWith("\n== Terms: none, this crawl has no search index"
        + " (a link check indexes no text; sitepulse crawl builds one)\n");
  }
}
