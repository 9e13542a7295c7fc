package dev.sitepulse.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.analytics.AnalyticsBackend;
import dev.sitepulse.analytics.DeviceChoice;
import dev.sitepulse.analytics.Devices;
import dev.sitepulse.analytics.NearDuplicates;
import dev.sitepulse.analytics.PageRankConfig;
import dev.sitepulse.analytics.PageRankResult;
import dev.sitepulse.crawler.index.TermStats;
import dev.sitepulse.crawler.store.LinkGraph;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The table analyze prints, over a crawl.db made up for it. */
class AnalysisReportTest {

  @Test
  void rankRowsStayInColumnsPastRankNinetyNine() throws Exception {
    String table = tableOfTop(120);

    List<String> rows = table.lines().filter(l -> l.matches(" *\\d+  0\\.\\d{5} .*")).toList();
    assertThat(rows).hasSize(120);
    int rankColumn = rows.get(0).indexOf("0.");
    assertThat(rows).allSatisfy(r -> assertThat(r.indexOf("0.")).isEqualTo(rankColumn));
    String header = table.lines().filter(l -> l.contains("RANK")).findFirst().orElseThrow();
    assertThat(header.indexOf("RANK")).isEqualTo(rankColumn);
    assertThat(header.indexOf("IN") + 2).as("IN over the last digit of the in-degrees")
        .isEqualTo(rows.get(0).indexOf("  ", rankColumn + 8));
  }

  @Test
  void onePageConvergesInOneIterationNotOneIterations() throws Exception {
    String table = tableOfTop(1);

    assertThat(table).startsWith("== PageRank of 1 page, 0 links: 1 iteration, converged\n");
  }

  @Test
  void ranksTooSmallForFiveDecimalsStayReadableAndInColumns() throws Exception {
    String table = tableOfTop(200_000, 3); // every page but the hub ranks about 1e-6

    List<String> rows = table.lines().filter(l -> l.matches(" *\\d+  \\d\\.\\d{3}e-\\d{2} .*")).toList();
    assertThat(rows).hasSize(3);
    assertThat(rows).noneMatch(r -> r.contains("0.000e+00"));
    assertThat(rows.get(1)).contains("e-06");
    int rankColumn = rows.get(0).indexOf("e-") - 5;
    assertThat(rows).allSatisfy(r -> assertThat(r.indexOf("e-") - 5).isEqualTo(rankColumn));
    String header = table.lines().filter(l -> l.contains("RANK")).findFirst().orElseThrow();
    assertThat(header.indexOf("RANK")).isEqualTo(rankColumn);
    assertThat(header.indexOf("IN") + 2).as("IN over the last digit of the in-degrees")
        .isEqualTo(rows.get(0).indexOf("  ", rankColumn + 10));
  }

  @Test
  void tfIdfScoresBelowTenKeepOneDecimalSoASmallCrawlsDoNotAllReadZeroOrOne() {
    List<TermStats.Term> terms = List.of(new TermStats.Term("widget", "widgets", 2, 3, 0.4055),
        new TermStats.Term("cach", "cache", 1, 1, 1.2041), new TermStats.Term("bpo", "bpo", 27, 2429, 7212.83),
        new TermStats.Term("token", "token", 3, 9, 9.97));

    assertThat(AnalysisReport.join(terms, false)).isEqualTo("widgets (0.4), cache (1.2), bpo (7213), token (10)");
  }

  @Test
  void termsPastTheDefaultTopArePrintedARankPerRowNotAllOnOneLine() throws Exception {
    List<TermStats.Term> many = new ArrayList<>(IntStream.range(0, 1000)
        .mapToObj(i -> new TermStats.Term("t" + i, "word" + i, 1000 - i, 2000 - i, 5000.0 - i)).toList());
    many.set(500, new TermStats.Term("long", "x".repeat(120), 1, 1, 1)); // pushes its own row only

    String table = table(many);

    assertThat(table.lines().mapToInt(String::length).max().orElseThrow()).isLessThan(300);
    assertThat(table).contains("\n      #  BY PAGES       BY TF-IDF\n")
        .contains("\n      1  word0 (1000)   word0 (5000)\n")
        .contains("\n   1000  word999 (1)    word999 (4001)\n");
  }

  @Test
  void termsUpToTheDefaultTopStayOnOneLineEach() throws Exception {
    List<TermStats.Term> twenty = IntStream.range(0, 20)
        .mapToObj(i -> new TermStats.Term("t" + i, "w" + i, 20 - i, 20 - i, 20.0 - i)).toList();

    assertThat(table(twenty)).contains("\n   by pages:  w0 (20), w1 (19), ").doesNotContain("BY PAGES");
  }

  @Test
  void clusterUrlsFromACrawlDbWithControlCharactersStayOnTheirLine() throws Exception {
    // A crawl percent-encodes them, but a crawl.db edited by hand or handed over need not: an ESC
    // would reach the terminal as an escape sequence, a line break start a line of its own.
    String table = tableOfCopies(3, "http://s/a\u001b[2J", "http://s/b\nforged line");

    assertThat(table).doesNotContain("\u001b").contains("      http://s/a [2J\n")
        .contains("      http://s/b forged line\n");
  }

  @Test
  void aDistanceOfOneBitReadsBitNotBits() throws Exception {
    assertThat(tableOfCopies(1, "http://s/a", "http://s/b"))
        .contains("== Near-duplicates (SimHash within 1 bit): 1 pair in 1 cluster\n");
    assertThat(tableOfCopies(3, "http://s/a", "http://s/b"))
        .contains("== Near-duplicates (SimHash within 3 bits): 1 pair in 1 cluster\n");
  }

  /** The table of pages {@code urls}, all of one SimHash, at {@code maxDistance}. */
  private static String tableOfCopies(int maxDistance, String... urls) throws Exception {
    try (Connection db = crawlDb()) {
      try (PreparedStatement page = db.prepareStatement(
          "INSERT INTO urls(url, title, state, status, simhash) VALUES (?, 'Copy', 'done', 200, 42)")) {
        for (String url : urls) {
          page.setString(1, url);
          page.executeUpdate();
        }
      }
      return table(db, urls.length, maxDistance);
    }
  }

  private static Connection crawlDb() throws Exception {
    Connection db = DriverManager.getConnection("jdbc:sqlite::memory:");
    try (Statement s = db.createStatement()) {
      s.execute("""
          CREATE TABLE urls(id INTEGER PRIMARY KEY, url TEXT, title TEXT, state TEXT, status INTEGER,
              simhash INTEGER, seq INTEGER, redirect_to TEXT, pagerank REAL)""");
      s.execute("CREATE TABLE links(from_id INTEGER, to_url TEXT, nofollow INTEGER NOT NULL DEFAULT 0)");
    }
    return db;
  }

  /** The table of one page, with {@code terms} in both lists. */
  private static String table(List<TermStats.Term> terms) throws Exception {
    try (Connection db = crawlDb()) {
      db.createStatement().execute("INSERT INTO urls(url, title, state, status, simhash) VALUES ('http://s/', 'P', 'done', 200, 1)");
      return table(db, 1, 0, new TermStats.Result(1, terms, terms));
    }
  }

  private static String table(Connection db, int top, int maxDistance) throws Exception {
    return table(db, top, maxDistance, new TermStats.Result(0, List.of(), List.of()));
  }

  private static String table(Connection db, int top, int maxDistance, TermStats.Result terms) throws Exception {
    CrawlGraph crawl = CrawlGraph.of(LinkGraph.read(db));
    try (AnalyticsBackend java = Devices.open(DeviceChoice.parse("cpu"), crawl.simHashes.length)) {
      PageRankResult ranks = java.pageRank(crawl.graph, PageRankConfig.DEFAULTS.withTopN(top));
      NearDuplicates duplicates = java.nearDuplicates(crawl.simHashes, maxDistance);
      AnalysisReport report = new AnalysisReport(crawl, ranks, duplicates, terms, null);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      report.writeTable(new PrintStream(out, true, StandardCharsets.UTF_8));
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  private static String tableOfTop(int n) throws Exception {
    return tableOfTop(n, n);
  }

  /** A hub every other page links to, and the report of the top {@code top} of its {@code n} pages. */
  private static String tableOfTop(int n, int top) throws Exception {
    try (Connection db = crawlDb()) {
      try (PreparedStatement page = db.prepareStatement(
              "INSERT INTO urls(url, title, state, status, simhash) VALUES (?, ?, 'done', 200, ?)");
          PreparedStatement link = db.prepareStatement("INSERT INTO links(from_id, to_url) VALUES (?, 'http://s/0')")) {
        db.setAutoCommit(false);
        for (int i = 0; i < n; i++) {
          page.setString(1, "http://s/" + i);
          page.setString(2, "Page " + i);
          page.setLong(3, i * 0x9e3779b97f4a7c15L);
          page.executeUpdate();
          link.setInt(1, i + 1); // the page's row id
          link.executeUpdate();
        }
        db.commit();
        db.setAutoCommit(true);
      }
      return table(db, top, 0);
    }
  }
}
