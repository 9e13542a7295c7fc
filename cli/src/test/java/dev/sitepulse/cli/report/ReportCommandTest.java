package dev.sitepulse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitepulse.cli.CommandLineRun;
import dev.sitepulse.crawler.store.CrawlDb;
import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.history.CheckRecord;
import dev.sitepulse.pinger.history.DeliveryRecord;
import dev.sitepulse.pinger.history.SqliteHistory;
import dev.sitepulse.pinger.history.StateChangeRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

  @TempDir Path dir;

  /** A history in {@link #dir} whose clock stands at {@code now}. */
  private SqliteHistory historyAt(Instant now) {
    return SqliteHistory.open(dir, Duration.ofDays(1), Clock.fixed(now, ZoneOffset.UTC));
  }

  /** Checks of 10 ms, 3, 2 and 1 s before {@code now}. */
  private static void threeChecks(SqliteHistory h, Instant now, String target, Verdict verdict, int status) {
    for (int i = 1; i <= 3; i++) {
      h.append(CheckRecord.of(target, now.minusSeconds(i), verdict, status, 10));
    }
  }

  @Test
  void jsonCarriesEveryFigurePerTarget() throws Exception {
    HandMadeHistory.write(dir);

    CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString(), "--since", "3650d", "--format", "json");

    assertThat(run.exitCode()).as("%s", run).isZero();
    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.get("checks").asLong()).isEqualTo(200);
    JsonNode a = doc.get("targets").get(0);
    assertThat(a.get("name").asText()).isEqualTo("a");
    assertThat(a.get("availability_percent").asDouble()).isEqualTo(80.0);
    assertThat(a.get("incidents").get("count").asInt()).isEqualTo(2);
    assertThat(a.get("incidents").get("list").get(1).get("end").isNull()).isTrue();
    assertThat(a.get("latency_ms").get("count").asInt()).isEqualTo(95);
    assertThat(a.get("latency_ms").get("max").asDouble()).isEqualTo(95.0);
    // 1 to 95 ms, one check each: the extremes and the mean exact, percentiles nearest-rank
    assertThat(a.get("latency_ms").get("min").asDouble()).isEqualTo(1.0);
    assertThat(a.get("latency_ms").get("mean").asDouble()).isEqualTo(48.0);
    assertThat(a.get("latency_ms").get("p90").asDouble()).isCloseTo(86.0, org.assertj.core.api.Assertions.withinPercentage(0.1));
    assertThat(a.get("latency_ms").get("p999").asDouble()).isEqualTo(95.0);
    assertThat(a.get("status_codes").get("500").asInt()).isEqualTo(15);
    assertThat(a.get("error_kinds").get("CONNECT_REFUSED").asInt()).isEqualTo(5);
    assertThat(doc.get("targets").get(1).get("tls_expiry").asText()).isEqualTo("2026-06-01T00:00:00Z");
  }

  @Test
  void eachPercentileInJsonIsItsOwnWhereEveryOneDiffersFromTheNext() throws Exception {
    // 1..2000 ms, one check each: nearest rank gives p50 1000, p90 1800, p95 1900, p99 1980,
    // p99.9 1998, max 2000; 95 checks made p99.9 the maximum, so a field written from its
    // neighbour's figure passed.
    Instant now = Instant.now();
    try (SqliteHistory h = historyAt(now)) {
      for (int ms = 1; ms <= 2000; ms++) {
        h.append(CheckRecord.of("spread", now.minusMillis(ms * 100L), Verdict.UP, 200, ms));
      }
    }

    CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString(), "--format", "json");

    JsonNode latency = new ObjectMapper().readTree(run.out()).get("targets").get(0).get("latency_ms");
    assertThat(latency.get("count").asInt()).isEqualTo(2000);
    assertThat(latency.get("min").asDouble()).isEqualTo(1.0);
    assertThat(latency.get("mean").asDouble()).isEqualTo(1000.5);
    // HdrHistogram's buckets are about 1 ms wide here, and a percentile is its bucket's top.
    assertThat(latency.get("p50").asDouble()).isBetween(1000.0, 1001.5);
    assertThat(latency.get("p90").asDouble()).isBetween(1800.0, 1801.5);
    assertThat(latency.get("p95").asDouble()).isBetween(1900.0, 1901.5);
    assertThat(latency.get("p99").asDouble()).isBetween(1980.0, 1981.5);
    assertThat(latency.get("p999").asDouble()).isBetween(1998.0, 1999.5);
    assertThat(latency.get("max").asDouble()).isEqualTo(2000.0);
  }

  @Test
  void timeoutsAreAmongTheErrorsInTheTableTheJsonAndTheHtml() throws Exception {
    Instant now = Instant.now();
    try (SqliteHistory h = historyAt(now)) {
      for (int i = 1; i <= 3; i++) {
        h.append(CheckRecord.of("hangs", now.minusSeconds(i), Verdict.TIMEOUT, 0, 10_000));
        h.append(CheckRecord.of("both", now.minusSeconds(i), i == 1 ? Verdict.ERROR : Verdict.TIMEOUT, 0, 10));
      }
    }

    CommandLineRun table = CommandLineRun.of("report", "--data", dir.toString());
    CommandLineRun json = CommandLineRun.of("report", "--data", dir.toString(), "--format", "json");
    CommandLineRun html = CommandLineRun.of("report", "--data", dir.toString(), "--format", "html");

    assertThat(table.out()).containsPattern("\\nhangs .* TIMEOUT×3 ").containsPattern("\\nboth .* TIMEOUT×2 CONNECT_REFUSED×1 ");
    JsonNode targets = new ObjectMapper().readTree(json.out()).get("targets");
    assertThat(targets.get(1).get("name").asText()).isEqualTo("hangs");
    assertThat(targets.get(1).get("error_kinds").toString()).isEqualTo("{\"TIMEOUT\":3}");
    assertThat(targets.get(0).get("error_kinds").toString()).isEqualTo("{\"TIMEOUT\":2,\"CONNECT_REFUSED\":1}");
    assertThat(html.out()).contains("<td class=\"errors\">TIMEOUT×3</td>");
  }

  @Test
  void oneTargetAndAnOutputFile() throws Exception {
    HandMadeHistory.write(dir);
    Path out = dir.resolve("r.html");

    CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString(), "--since", "3650d", "--target", "b",
        "--format", "html", "-o", out.toString());

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).isEmpty();
    String html = Files.readString(out);
    assertThat(html).contains("data-target=\"b\"").doesNotContain("data-target=\"a\"");
  }

  @Test
  void aSymlinkedOutputStaysALinkAndThePageGoesWhereItPoints() throws Exception {
    HandMadeHistory.write(dir);
    Path real = Files.writeString(dir.resolve("real.html"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.html"), real.getFileName());

    CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString(), "--since", "3650d",
        "--format", "html", "-o", link.toString());

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).contains("<html");
  }

  @Test
  void aDanglingRelativeSymlinkGetsItsFileCreatedFromTheLinksFolder() throws Exception {
    HandMadeHistory.write(dir);
    Path pages = Files.createDirectories(dir.resolve("site/pages"));
    Path link = Files.createSymbolicLink(dir.resolve("site/report.html"), Path.of("pages/today.html"));

    CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString(), "--since", "3650d",
        "--format", "html", "-o", link.toString());

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(pages.resolve("today.html"))).contains("<html");
    assertThat(pages.toFile().list()).as("no temporary file left").containsExactly("today.html");
  }

  @Test
  void aDanglingAbsoluteSymlinkThroughAnotherLinkGetsItsFileCreated() throws Exception {
    HandMadeHistory.write(dir);
    Path real = dir.resolve("elsewhere/r.json");
    Files.createDirectories(real.getParent());
    Path inner = Files.createSymbolicLink(dir.resolve("inner.json"), real);
    Path link = Files.createSymbolicLink(dir.resolve("outer.json"), inner);

    CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString(), "--since", "3650d",
        "--format", "json", "-o", link.toString());

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.isSymbolicLink(inner)).isTrue();
    assertThat(Files.readString(real)).contains("\"targets\"");
  }

  @Test
  void aSymlinkLoopIsAOneLineErrorNamingTheOutput() throws Exception {
    HandMadeHistory.write(dir);
    Path a = dir.resolve("a.html");
    Files.createSymbolicLink(a, dir.resolve("b.html"));
    Files.createSymbolicLink(dir.resolve("b.html"), a);

    CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString(), "-o", a.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: cannot write " + a + ": too many levels of symbolic links\n");
  }

  @Test
  void aPipeGivenAsOutputIsWrittenToNotReplacedByAFile() throws Exception {
    HandMadeHistory.write(dir);
    Path fifo = dir.resolve("pipe");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    java.util.concurrent.CompletableFuture<String> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });

    CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString(), "--since", "3650d",
        "--format", "json", "-o", fifo.toString());

    assertThat(run.exitCode()).as("%s", run).isZero();
    // A bound on a loaded machine, not a speed goal.
    assertThat(read.get(1, java.util.concurrent.TimeUnit.MINUTES)).contains("\"targets\"");
    assertThat(Files.isRegularFile(fifo)).as("still a pipe").isFalse();
  }

  @Test
  void aTargetThatNeverAnsweredHasEveryLatencyFieldInJsonAsNull() throws Exception {
    Instant now = Instant.now();
    try (SqliteHistory h = historyAt(now)) {
      threeChecks(h, now, "refused", Verdict.ERROR, 0);
      threeChecks(h, now, "answers", Verdict.UP, 200);
    }

    CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString(), "--format", "json");

    assertThat(run.exitCode()).as("%s", run).isZero();
    JsonNode targets = new ObjectMapper().readTree(run.out()).get("targets");
    JsonNode answers = targets.get(0).get("latency_ms");
    JsonNode refused = targets.get(1).get("latency_ms");
    assertThat(targets.get(1).get("name").asText()).isEqualTo("refused");
    assertThat(refused.get("count").asLong()).isZero();
    assertThat(refused.fieldNames()).toIterable().containsExactlyElementsOf(() -> answers.fieldNames());
    assertThat(refused.get("p95").isNull()).isTrue();
    assertThat(answers.get("p95").asDouble()).isEqualTo(10.0);
  }

  @Test
  void aTargetNameThousandsOfCharactersLongIsCutInTheTablesAndKeptWholeInJsonAndInThePagesTooltip()
      throws Exception {
    Instant now = Instant.now();
    String name = "n".repeat(3000);
    try (SqliteHistory h = historyAt(now)) {
      threeChecks(h, now, name, Verdict.DOWN, 500);
      h.append(new StateChangeRecord(name, "UP", "DOWN", now.minusSeconds(3), now.minusSeconds(3)));
      threeChecks(h, now, "short", Verdict.UP, 200);
    }

    CommandLineRun table = CommandLineRun.of("report", "--data", dir.toString());
    CommandLineRun json = CommandLineRun.of("report", "--data", dir.toString(), "--format", "json");
    CommandLineRun html = CommandLineRun.of("report", "--data", dir.toString(), "--format", "html");

    assertThat(table.out().lines().skip(1)).as(table.out()).isNotEmpty()
        .allSatisfy(line -> assertThat(line.length()).isLessThan(250));
    assertThat(table.out()).contains("n".repeat(59) + "…").contains("short");
    assertThat(new ObjectMapper().readTree(json.out()).get("targets").findValuesAsText("name")).contains(name);
    assertThat(html.out()).contains("<figcaption title=\"" + name + "\">" + "n".repeat(59) + "…</figcaption>");
  }

  @Test
  void anIncidentThatBeganBeforeTheWindowShowsItsWholeLengthAndThePartInsideTheWindow() throws Exception {
    Instant now = Instant.now();
    try (SqliteHistory h = historyAt(now)) { // down for four minutes, a check every 2 s
      h.append(new StateChangeRecord("api", "UP", "DOWN", now.minusSeconds(240), now.minusSeconds(240)));
      for (int s = 240; s >= 2; s -= 2) {
        h.append(CheckRecord.of("api", now.minusSeconds(s), Verdict.DOWN, 500, 10));
      }
    }

    CommandLineRun table = CommandLineRun.of("report", "--data", dir.toString(), "--since", "10s");
    CommandLineRun json = CommandLineRun.of("report", "--data", dir.toString(), "--since", "10s", "--format", "json");

    assertThat(table.out()).as(table.toString()).containsPattern("  4m[\\d.s]* \\([\\d.]+s in window\\)  +\\d+  ");
    JsonNode incident = new ObjectMapper().readTree(json.out()).get("targets").get(0).get("incidents").get("list").get(0);
    assertThat(incident.get("seconds").asDouble()).isLessThan(20);
    assertThat(incident.get("whole_seconds").asDouble()).isGreaterThanOrEqualTo(240);
  }

  @Test
  void aHistoryWithNothingInTheWindowSaysSoInsteadOfAnEmptyTable() {
    historyAt(Instant.now()).close(); // as a watch stopped before its first check leaves it

    CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString());

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).contains(": 0 targets, 0 checks, availability -, 0 incidents\n\nNo checks in this window.\n")
        .doesNotContain("TARGET");
  }

  @Test
  void anUnknownTargetIsAUsageErrorNamingTheKnownOnes() {
    HandMadeHistory.write(dir);

    CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString(), "--target", "nope");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: no history for target \"nope\" in " + dir.resolve("history.db")
        + " (known: a, b)\n");
  }

  @Test
  void anUnknownTargetAmongAThousandNamesTenOfThemOnOneShortLine() {
    Instant now = Instant.now();
    try (SqliteHistory h = historyAt(now)) {
      h.append(CheckRecord.of("line\nbreak \u202Eevil", now.minusSeconds(2), Verdict.UP, 200, 10));
      for (int i = 1; i < 1000; i++) {
        h.append(CheckRecord.of(String.format("t%03d", i), now.minusSeconds(1), Verdict.UP, 200, 10));
      }
    }

    CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString(), "--target", "nope");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: no history for target \"nope\" in " + dir.resolve("history.db")
        + " (known: line break evil, t001, t002, t003, t004, t005, t006, t007, t008, t009 and 990 more)\n");
  }

  @Test
  void aFileGivenAsTheDataFolderOrAnEmptyOutputNameIsOneLineSayingSo() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "x");
    HandMadeHistory.write(dir);

    CommandLineRun notAFolder = CommandLineRun.of("report", "--data", file.toString());
    CommandLineRun noName = CommandLineRun.of("report", "--data", dir.toString(), "-o", "");

    assertThat(notAFolder.exitCode()).isEqualTo(3);
    assertThat(notAFolder.err()).isEqualTo("sitepulse: " + file
        + " is a file, not a data folder (sitepulse watch --data DIR writes DIR/history.db)\n");
    assertThat(noName.exitCode()).isEqualTo(3);
    assertThat(noName.err()).isEqualTo("sitepulse: -o needs a file name\n");
  }

  @Test
  void aCrawlDbOrHistoryDbThatIsNoSqliteFileIsCalledSoInPlainWords() throws Exception {
    Path crawl = Files.createDirectories(dir.resolve("crawl"));
    Path history = Files.createDirectories(dir.resolve("history"));
    Files.writeString(crawl.resolve("crawl.db"), "notes, not a database\n");
    Files.writeString(history.resolve("history.db"), "notes, not a database\n");

    CommandLineRun site = CommandLineRun.of("report", "--data", crawl.toString());
    CommandLineRun checks = CommandLineRun.of("report", "--data", history.toString());

    assertThat(site.exitCode()).as(site.toString()).isEqualTo(3);
    assertThat(site.err()).isEqualTo("sitepulse: " + crawl.resolve("crawl.db") + ": not an SQLite database\n");
    assertThat(checks.exitCode()).as(checks.toString()).isEqualTo(3);
    assertThat(checks.err()).isEqualTo("sitepulse: " + history.resolve("history.db") + ": not an SQLite database\n");
  }

  @Test
  void anotherProgramsTableNamedUrlsIsNotASitepulseCrawlDbAsAnalyzeSaysNotAnSqlError() throws Exception {
    Path crawl = Files.createDirectories(dir.resolve("crawl"));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + crawl.resolve(CrawlDb.FILE_NAME))) {
      c.createStatement().execute("CREATE TABLE urls(id INTEGER PRIMARY KEY, url TEXT, state TEXT)");
    }

    CommandLineRun run = CommandLineRun.of("report", "--data", crawl.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: " + crawl.resolve(CrawlDb.FILE_NAME) + ": not a sitepulse"
        + " crawl.db: it has no column status, which crawl writes; give another --data\n");
  }

  @Test
  void aCrawlDbOrHistoryDbThatIsThereButCannotBeReadFailsTheRunWithExit2AsAnalyzeSearchAndLinksDo()
      throws Exception {
    Path crawl = Files.createDirectories(dir.resolve("crawl"));
    CrawlDb.open(crawl.resolve(CrawlDb.FILE_NAME)).close();
    Path history = Files.createDirectories(dir.resolve("history"));
    SqliteHistory.open(history, Duration.ofDays(30), Clock.systemUTC()).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + history.resolve(SqliteHistory.FILE_NAME))) {
      c.createStatement().execute("PRAGMA journal_mode=WAL"); // as a running watch leaves it
    }
    // SQLite opens FILE-wal beside a database in WAL mode to read it; here it cannot, as in a
    // folder the user may not write in (which a test run as root cannot make).
    Files.createDirectory(crawl.resolve(CrawlDb.FILE_NAME + "-wal"));
    Files.createDirectory(history.resolve(SqliteHistory.FILE_NAME + "-wal"));

    CommandLineRun site = CommandLineRun.of("report", "--data", crawl.toString());
    CommandLineRun checks = CommandLineRun.of("report", "--data", history.toString());

    assertThat(site.exitCode()).as(site.toString()).isEqualTo(2);
    assertThat(site.err()).startsWith("sitepulse: " + crawl.resolve(CrawlDb.FILE_NAME) + ": ")
        .doesNotContain("Exception").hasLineCount(1);
    assertThat(checks.exitCode()).as(checks.toString()).isEqualTo(2);
    assertThat(checks.err()).startsWith("sitepulse: ").contains(history.resolve(SqliteHistory.FILE_NAME).toString())
        .doesNotContain("Exception").hasLineCount(1);
  }

  @Test
  void aCrawlDbThatCannotBeReadLeavesTheHistoryReportWrittenAndSaysWhyInOneLine() throws Exception {
    HandMadeHistory.write(dir);
    CrawlDb.open(dir.resolve(CrawlDb.FILE_NAME)).close();
    Files.createDirectory(dir.resolve(CrawlDb.FILE_NAME + "-wal")); // SQLite cannot open it, as above
    Path out = dir.resolve("r.html");

    CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString(), "--since", "3650d",
        "--format", "html", "-o", out.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).startsWith("sitepulse: no site section: " + dir.resolve(CrawlDb.FILE_NAME) + ": ")
        .doesNotContain("Exception").hasLineCount(1);
    assertThat(Files.readString(out)).contains("data-target=\"b\"").doesNotContain("id=\"site\"");
  }

  @Test
  void anEmptyCrawlDbOrOneThatIsNoDatabaseBesideAHistoryCostsTheSiteSectionOnly() throws Exception {
    HandMadeHistory.write(dir);
    for (String content : List.of("", "not a database, but a note someone saved under this name\n")) {
      Files.writeString(dir.resolve(CrawlDb.FILE_NAME), content); // empty: a crawl killed before its tables

      CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString(), "--since", "3650d");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.out()).as(content).contains("\nb ");
      assertThat(run.err()).startsWith("sitepulse: no site section: " + dir.resolve(CrawlDb.FILE_NAME) + ": ")
          .doesNotContain("Exception").hasLineCount(1);
    }
  }

  @Test
  void anEmptyCrawlDbIsNoCrawlAsAnEmptyHistoryDbIsNoHistoryNotAMissingTable() throws Exception {
    Path crawl = Files.createFile(Files.createDirectories(dir.resolve("killed-at-start")).resolve("crawl.db"));

    CommandLineRun run = CommandLineRun.of("report", "--data", crawl.getParent().toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: " + crawl + ": no crawl here (sitepulse crawl writes it)\n");
  }

  @Test
  void aFolderWithoutHistoryOrCrawlIsAUsageError() throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("empty"));
    CommandLineRun run = CommandLineRun.of("report", "--data", dir.resolve("empty").toString());
    CommandLineRun missing = CommandLineRun.of("report", "--data", dir.resolve("missing").toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: nothing to report on in " + dir.resolve("empty")
        + ": no history.db (sitepulse watch writes it) and no crawl.db (sitepulse crawl writes it)\n");
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.err()).startsWith("sitepulse: nothing to report on in " + dir.resolve("missing") + ": ");
  }

  @Test
  void anUnknownFormatNamesTheChoices() {
    CommandLineRun run = CommandLineRun.of("report", "--format", "pdf");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("expected one of table, json, html, got \"pdf\"");
  }

  @Test
  void anOutputFileInAMissingFolderIsAUsageErrorNamingTheFolder() {
    HandMadeHistory.write(dir);
    Path out = dir.resolve("no/such/r.html");

    CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString(), "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: cannot write " + out + ": there is no folder " + out.getParent() + "\n");
  }

  @Test
  void anOutputWithNoRoomLeftIsAUsageErrorInEveryFormatNotAnEmptyFileAndExitZero() {
    Path full = Path.of("/dev/full"); // every write fails with ENOSPC, as on a full disk
    assumeTrue(Files.isWritable(full));
    HandMadeHistory.write(dir);

    for (String format : new String[] {"table", "json", "html"}) {
      CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString(), "--since", "3650d",
          "--format", format, "-o", full.toString());

      assertThat(run.exitCode()).as("%s: %s", format, run).isEqualTo(3);
      assertThat(run.err()).as(format).isEqualTo("sitepulse: cannot write /dev/full: No space left on device\n");
    }
  }

  @Test
  void anOutputThatIsAFolderIsAUsageError() {
    HandMadeHistory.write(dir);

    CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString(), "-o", dir.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("sitepulse: cannot write " + dir + ": it is a folder; give a file name\n");
  }

  @Test
  void aWindowOfZeroIsAUsageErrorInTheUsersUnits() {
    CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString(), "--since", "0s");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).startsWith("sitepulse: --since must be positive, got 0").doesNotContain("PT");
  }

  @Test
  void aWebhookUrlThatAnOlderHistoryHoldsWholeIsShownWithoutItsToken() throws Exception {
    handMadeHistoryWith(new DeliveryRecord("a", HandMadeHistory.minute(33), "CHANGE",
        "https://hooks.slack.com/services/T000/B000/XXXXSECRET", false, 3, "HTTP 500"));

    CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString(), "--since", "3650d", "--format", "json");

    assertThat(run.out()).doesNotContain("XXXXSECRET");
    JsonNode failed = new ObjectMapper().readTree(run.out()).get("failed_alerts");
    assertThat(failed.get(0).get("sink").asText()).isEqualTo("https://hooks.slack.com/…");
  }

  @Test
  void oneFailedAlertDeliveryIsCountedInTheSingularUnderTheTable() throws Exception {
    handMadeHistoryWith(new DeliveryRecord("a", HandMadeHistory.minute(33), "CHANGE", "https://alerts.example/x",
        false, 3, "HTTP 500"));

    CommandLineRun run = CommandLineRun.of("report", "--data", dir.toString(), "--since", "3650d");

    assertThat(run.out()).as("%s", run).contains("\n1 alert delivery failed; see --format json or html\n");
  }

  @Test
  void anAlertReplacedWhileTheWebhookWasBusyIsNoFailedDelivery() throws Exception {
    handMadeHistoryWith(new DeliveryRecord("a", HandMadeHistory.minute(33), "CHANGE", "https://alerts.example/x",
        false, 0, "not sent: a later alert of its target replaced it while the webhook was busy", true));

    CommandLineRun table = CommandLineRun.of("report", "--data", dir.toString(), "--since", "3650d");
    CommandLineRun json = CommandLineRun.of("report", "--data", dir.toString(), "--since", "3650d", "--format", "json");

    assertThat(table.out()).as("%s", table).doesNotContain("alert deliver");
    assertThat(new ObjectMapper().readTree(json.out()).get("failed_alerts")).as("%s", json).isEmpty();
  }

  /** The hand-made history, and one alert delivery recorded beside it. */
  private void handMadeHistoryWith(DeliveryRecord delivery) throws Exception {
    HandMadeHistory.write(dir);
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(3650),
        Clock.fixed(HandMadeHistory.UNTIL, ZoneOffset.UTC))) {
      h.append(delivery);
    }
  }
}
