package dev.sitepulse.cli.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.JarProcess;
import dev.sitepulse.cli.Signals;
import dev.sitepulse.cli.report.HeadlessChromium;
import dev.sitepulse.cli.testing.StubServer;
import dev.sitepulse.pinger.history.SqliteHistory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real jar watching WireMock stubs: shutdown on SIGTERM, reloads, and the live page in Chromium. */
class WatchProcessIT {

  /**
   * How long to wait for what a watch is to do (a check, a reload, a line on stderr) before the
   * test fails: these come in a second or two, but a JVM on a loaded machine may take many; 10 and
   * 15 s were outrun. A bound, not a speed goal.
   */
  private static final Duration EVENT_LIMIT = Duration.ofSeconds(60);

  // More than busyStubs(): a burst of about 40 delayed checks at once, none of them queued.
  @RegisterExtension
  static WireMockExtension stubs = WireMockExtension.newInstance()
      .options(StubServer.stubsConfig()
          .containerThreads(100).asynchronousResponseEnabled(true).asynchronousResponseThreads(20))
      .build();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  private static String get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static JsonNode status(WatchProcess w) {
    try {
      return new ObjectMapper().readTree(get(w.base() + "/status"));
    } catch (Exception e) {
      return new ObjectMapper().createObjectNode();
    }
  }

  private static long rows(Path data) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("history.db"));
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM checks")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long rowsQuietly(Path data) {
    try {
      return Files.exists(data.resolve("history.db")) ? rows(data) : 0;
    } catch (Exception e) {
      return 0; // not yet a history
    }
  }

  /** A watch of the config {@code yaml}, its history in dir/data, serving on a free port. */
  private WatchProcess watch(String yaml) throws Exception {
    Path config = Files.writeString(dir.resolve("watch.yaml"), yaml);
    return WatchProcess.start(dir, "-c", config.toString(), "--data", dir.resolve("data").toString(),
        "--listen", "127.0.0.1:0");
  }

  private String target(String name, String path, String extra) {
    return "  - name: " + name + "\n    url: " + StubServer.url(stubs, path) + "\n" + extra;
  }

  @Test
  void sigtermDuringABurstOfChecksKeepsEveryResultThatWasTaken() throws Exception {
    // 40 targets every 200 ms, each answering after 300 ms: about 40 checks are always under way.
    String targets = IntStream.range(0, 40).mapToObj(i -> target("t" + i, "/status/200?sleep=300&t=" + i, ""))
        .collect(Collectors.joining());
    Path config = Files.writeString(dir.resolve("watch.yaml"),
        "defaults:\n  interval: 200ms\n  timeout: 5s\n  rate: unlimited\ntargets:\n" + targets);
    Path data = dir.resolve("data");

    try (WatchProcess w = WatchProcess.start(dir, "-c", config.toString(), "--data", data.toString(),
        "--listen", "127.0.0.1:0")) {
      w.await(Duration.ofSeconds(30), "200 checks", () -> status(w).path("checks").asInt() >= 200);
      assertThat(status(w).path("skipped").asInt()).as("ticks found checks still running").isPositive();

      w.signal("TERM");

      assertThat(w.exitCode(Duration.ofSeconds(15))).as("%s%s", w.out(), w.err()).isZero();
      long requests = stubs.findAll(getRequestedFor(urlPathEqualTo("/status/200"))).size();
      long rows = rows(data);
      assertThat(rows).as("a row for every check the stub answered").isEqualTo(requests);
      // Checks, not history records: those count each target's interval and every state change too.
      Matcher stopped = Pattern.compile("stopped \\(SIGTERM\\): (\\d+) checks, (\\d+) recorded\n").matcher(w.out());
      assertThat(stopped.find()).as(w.out()).isTrue();
      assertThat(Long.parseLong(stopped.group(1))).isEqualTo(rows);
      assertThat(Long.parseLong(stopped.group(2))).isEqualTo(rows);
      assertThat(w.err()).contains("stopping (SIGTERM): waiting up to 6s for the checks under way");
    }
  }

  @Test
  void sigtermWithNoCheckUnderWaySaysNothingOfWaitingForOne() throws Exception {
    // Checked once at start, then not for an hour: at SIGTERM nothing is under way.
    try (WatchProcess w = watch("defaults:\n  interval: 1h\n  timeout: 10s\ntargets:\n" + target("site", "/status/200", ""))) {
      w.await(EVENT_LIMIT, "the first check", () -> status(w).path("checks").asInt() >= 1);

      w.signal("TERM");

      assertThat(w.exitCode(Duration.ofSeconds(15))).as("%s%s", w.out(), w.err()).isZero();
      assertThat(w.err()).contains("stopping (SIGTERM): no check under way; a second signal exits at once")
          .doesNotContain("waiting up to");
    }
  }

  @Test
  void sigtermAfterAReloadThatLengthenedTheChecksKeepsTheCheckUnderWay() throws Exception {
    // Started with attempts of at most 1 s; reloaded with 2 s and 2 retries of a 503. At SIGTERM
    // the check stops retrying and is kept with the attempts it made.
    Path config = Files.writeString(dir.resolve("watch.yaml"), "defaults:\n  interval: 200ms\n  timeout: 1s\n"
        + "targets:\n" + target("site", "/status/200", ""));
    Path data = dir.resolve("data");

    try (WatchProcess w = WatchProcess.start(dir, "-c", config.toString(), "--data", data.toString(),
        "--listen", "127.0.0.1:0")) {
      Files.writeString(config, "defaults:\n  interval: 200ms\n  timeout: 2s\n  retries: 2\n"
          + "targets:\n" + target("site", "/health/down", ""));
      w.await(EVENT_LIMIT, "the first attempt of a check of the reloaded config",
          () -> !stubs.findAll(getRequestedFor(urlPathEqualTo("/health/down"))).isEmpty());

      w.signal("TERM");

      assertThat(w.exitCode(Duration.ofSeconds(20))).as("%s%s", w.out(), w.err()).isZero();
      assertThat(w.err()).as("the limit of the config running now: one attempt of 2 s, no retry after a stop")
          .contains("waiting up to 3s").doesNotContain("outlived their timeouts");
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("history.db"));
          ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM checks WHERE status = 503")) {
        rs.next();
        assertThat(rs.getLong(1)).as("the check under way at SIGTERM, kept").isEqualTo(1);
      }
    }
  }

  @Test
  void aSecondWatchOfTheSameDataFolderExitsTwoWhileTheFirstGoesOnAndReportsStillRead() throws Exception {
    Path config = Files.writeString(dir.resolve("watch.yaml"),
        "defaults:\n  interval: 200ms\ntargets:\n" + target("a", "/status/200", ""));
    Path data = dir.resolve("data");

    try (WatchProcess first = WatchProcess.start(dir, "-c", config.toString(), "--data", data.toString(),
        "--listen", "127.0.0.1:0")) {
      first.await(Duration.ofSeconds(20), "a first check in the history", () -> rowsQuietly(data) > 0);

      JarProcess.Result second = JarProcess.java(Duration.ofSeconds(30), dir, "watch", "-c", config.toString(),
          "--data", data.toString(), "--listen", "127.0.0.1:0");

      assertThat(second.exitCode()).as("%s", second).isEqualTo(2);
      assertThat(second.err()).isEqualTo("sitepulse: " + data
          + " is in use by another watch; wait for it to end, or give another --data\n");
      assertThat(second.out()).as("nothing started").isEmpty();
      JarProcess.Result report = JarProcess.java(Duration.ofSeconds(30), dir, "report", "--data", data.toString());
      assertThat(report.exitCode()).as("%s", report).isZero();
      assertThat(report.out()).contains("\na ");
      long checks = status(first).path("checks").asLong();
      first.await(EVENT_LIMIT, "the first watch still checking",
          () -> status(first).path("checks").asLong() > checks);
      first.signal("TERM");
      assertThat(first.exitCode(Duration.ofSeconds(15))).isZero();
    }
  }

  @Test
  void aWatchWhosePortIsTakenChecksNothingAndAlertsNoOneBeforeItExitsThree() throws Exception {
    // 50 failing targets every 100 ms with a threshold of 1: were checks started before the port
    // is bound, the first of them would go out, and alerts with them, within the JVM's start-up.
    String targets = IntStream.range(0, 50).mapToObj(i -> target("t" + i, "/status/500?t=" + i, ""))
        .collect(Collectors.joining());
    Path config = Files.writeString(dir.resolve("watch.yaml"), "defaults:\n  interval: 100ms\n  rate: unlimited\n"
        + "targets:\n" + targets + "watch:\n  failure-threshold: 1\n  webhooks:\n    - url: "
        + StubServer.url(stubs, "/hook") + "\n");
    String taken = "127.0.0.1:" + stubs.getPort();

    JarProcess.Result run = JarProcess.java(Duration.ofSeconds(30), dir, "watch", "-c", config.toString(),
        "--data", dir.resolve("data").toString(), "--listen", taken);

    assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
    assertThat(run.err()).startsWith("sitepulse: cannot listen on " + taken + ": ").hasLineCount(1);
    assertThat(stubs.getAllServeEvents()).as("requests the stubs got: checks and alerts").isEmpty();
    assertThat(dir.resolve("data")).as("a folder with a history of nothing for report to read").doesNotExist();
  }

  @Test
  void aWatchWhosePortIsTakenLeavesTheHistoryItFoundWhereItWas() throws Exception {
    Path config = Files.writeString(dir.resolve("watch.yaml"), "targets:\n" + target("a", "/status/200", ""));
    Path data = dir.resolve("data");
    SqliteHistory.open(data, Duration.ofDays(1), Clock.systemUTC()).close();
    String taken = "127.0.0.1:" + stubs.getPort();

    JarProcess.Result run = JarProcess.java(Duration.ofSeconds(30), dir, "watch", "-c", config.toString(),
        "--data", data.toString(), "--listen", taken);

    assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
    assertThat(data.resolve("history.db")).exists();
  }

  @Test
  void aStopWhoseHistoryCannotBeWrittenExitsTwoAndSaysHowManyResultsWereLost() throws Exception {
    Path data = dir.resolve("data");

    try (WatchProcess w = watchOfOneTarget(data)) {
      w.await(EVENT_LIMIT, "a check written", () -> rowsQuietly(data) > 0);
      // Someone holds the write lock (a sqlite3 shell in a transaction) for longer than the stop waits.
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("history.db"))) {
        other.createStatement().execute("PRAGMA busy_timeout = 10000");
        other.createStatement().execute("BEGIN EXCLUSIVE");
        long checks = status(w).path("checks").asLong();
        w.await(EVENT_LIMIT, "checks taken while the file is locked",
            () -> status(w).path("checks").asLong() > checks + 2);

        w.signal("TERM");

        assertThat(w.exitCode(Duration.ofSeconds(60))).as("%s%s", w.out(), w.err()).isEqualTo(2);
        assertThat(w.out()).containsPattern("stopped \\(SIGTERM\\): \\d+ checks, \\d+ recorded,"
            + " [1-9]\\d* history records? lost: \\Q" + data.resolve("history.db") + "\\E could not be written");
        assertThat(w.err()).contains("records could not be written");
      }
    }
  }

  @Test
  void aWatchWhoseDataFolderIsDeletedStopsAndExitsTwoSayingItsHistoryIsGone() throws Exception {
    Path data = dir.resolve("data");

    try (WatchProcess w = watchOfOneTarget(data)) {
      w.await(EVENT_LIMIT, "a check written", () -> rowsQuietly(data) > 0);

      try (var paths = Files.walk(data)) { // rm -rf
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }

      assertThat(w.exitCode(Duration.ofSeconds(30))).as("%s%s", w.out(), w.err()).isEqualTo(2);
      assertThat(w.out()).containsPattern("stopped \\(history gone\\): \\d+ checks?, 0 recorded,"
          + " [1-9]\\d* history records? lost: \\Q" + data.resolve("history.db") + "\\E was deleted while the watch ran\n");
      assertThat(w.err()).contains("history " + data.resolve("history.db") + " was deleted while the watch ran;");
    }
  }

  /** A watch of one target that answers 200, checked every 200 ms, writing DATA. */
  private WatchProcess watchOfOneTarget(Path data) throws Exception {
    Path config = Files.writeString(dir.resolve("watch.yaml"),
        "defaults:\n  interval: 200ms\ntargets:\n" + target("a", "/status/200", ""));
    return WatchProcess.start(dir, "-c", config.toString(), "--data", data.toString(), "--listen", "127.0.0.1:0");
  }

  @Test
  void aSecondSignalWhileStoppingExitsAtOnceWith130() throws Exception {
    // A check that hangs for 20 s keeps the first stop waiting, so only the second can end it soon.
    try (WatchProcess w = watch("defaults:\n  interval: 200ms\n  timeout: 25s\ntargets:\n"
        + target("slow", "/status/200?sleep=20000", ""))) {
      w.await(EVENT_LIMIT, "a check under way",
          () -> !stubs.findAll(getRequestedFor(urlPathEqualTo("/status/200"))).isEmpty());
      w.signal("TERM");
      w.await(EVENT_LIMIT, "the stop to begin", () -> w.err().contains("stopping (SIGTERM)"));

      w.signal("TERM");

      // A first stop that ran its course would wait for the check and exit 0: 130 is the second
      // signal's, and the bound only stops a run that would go on.
      assertThat(w.exitCode(EVENT_LIMIT)).as("%s%s", w.out(), w.err()).isEqualTo(130);
    }
  }

  @Test
  void aReloadWithABadConfigKeepsTheOldConfigRunning() throws Exception {
    String one = "targets:\n" + target("a", "/status/200", "    interval: 500ms\n");
    Path config = Files.writeString(dir.resolve("watch.yaml"), one);

    try (WatchProcess w = WatchProcess.start(dir, "-c", config.toString(), "--data", dir.resolve("data").toString(),
        "--listen", "127.0.0.1:0")) {
      Files.writeString(config, "targets:\n" + target("a", "/status/200", "    interval: often\n"));
      w.await(EVENT_LIMIT, "the reload to fail", () -> w.err().contains("failed, still running"));

      assertThat(w.err()).containsPattern("ERROR config reload \\(file changed\\) failed, still running the previous"
          + " config: \\Q" + config + "\\E:\\d+:\\d+: targets\\[0]\\.interval \\(target \"a\"\\): \"often\" is not a duration");
      long checksBefore = status(w).path("targets").get(0).path("checks").asLong();
      w.await(EVENT_LIMIT, "target a still being checked",
          () -> status(w).path("targets").get(0).path("checks").asLong() > checksBefore + 1);
      assertThat(status(w).path("targets")).hasSize(1);

      Files.writeString(config, one + target("b", "/status/204", ""));
      w.await(EVENT_LIMIT, "the fixed config to add b", () -> status(w).path("targets").size() == 2);

      assumeTrue(Signals.on("HUP", () -> { }).map(restore -> {
        restore.run();
        return true;
      }).orElse(false), "SIGHUP was ignored when this test started (nohup?), and so it is in the watch");
      w.signal("HUP");
      w.await(EVENT_LIMIT, "the SIGHUP reload", () -> w.err().contains("config reloaded (SIGHUP): 2 targets"));
      w.signal("TERM");
      assertThat(w.exitCode(Duration.ofSeconds(15))).isZero();
    }
  }

  @Test
  void aWatchStartedUnderNohupSaysThatSighupCannotReloadItsConfig() throws Exception {
    Path config = Files.writeString(dir.resolve("watch.yaml"), "targets:\n" + target("a", "/status/200", ""));

    try (WatchProcess w = WatchProcess.startUnder(List.of("nohup"), dir, "-c", config.toString(),
        "--data", dir.resolve("data").toString(), "--listen", "127.0.0.1:0")) {
      String warning = "WARN  SIGHUP cannot reload the config: it was ignored"
          + " when sitepulse started (nohup?); saving the config file reloads it";
      // Written to stderr beside the start line on stdout: not necessarily before it.
      w.await(EVENT_LIMIT, "the warning", () -> w.err().contains(warning));
      w.signal("TERM");
      assertThat(w.exitCode(Duration.ofSeconds(15))).isZero();
    }
  }

  @Test
  void aWatchStartedWithSigintIgnoredAsAScriptsBackgroundJobSaysThatOnlySigtermStopsIt() throws Exception {
    Path config = Files.writeString(dir.resolve("watch.yaml"), "targets:\n" + target("a", "/status/200", ""));

    try (WatchProcess w = WatchProcess.startUnder(List.of("sh", "-c", "trap '' INT; exec \"$@\"", "sh"), dir,
        "-c", config.toString(), "--data", dir.resolve("data").toString(), "--listen", "127.0.0.1:0")) {
      String warning = "WARN  SIGINT cannot stop the watch: it was ignored"
          + " when sitepulse started (a script's job run with &?); SIGTERM stops it";
      // Written to stderr beside the start line on stdout: not necessarily before it.
      w.await(EVENT_LIMIT, "the warning", () -> w.err().contains(warning));
      w.signal("TERM");
      assertThat(w.exitCode(Duration.ofSeconds(15))).isZero();
    }
  }

  @Test
  void theLivePageOpensInChromiumWithoutConsoleErrors() throws Exception {
    Path browser = HeadlessChromium.require();
    Path config = Files.writeString(dir.resolve("watch.yaml"), "defaults:\n  interval: 300ms\ntargets:\n"
        + target("<i>up</i>", "/status/200", "") + target("down", "/status/500", ""));

    try (WatchProcess w = WatchProcess.start(dir, "-c", config.toString(), "--data", dir.resolve("data").toString(),
        "--listen", "127.0.0.1:0");
        HeadlessChromium chromium = HeadlessChromium.launch(browser, dir)) {
      w.await(Duration.ofSeconds(20), "down to be DOWN", () -> status(w).path("targets").path(1).path("state")
          .asText().equals("DOWN"));

      chromium.open(w.base() + "/");

      assertThat(chromium.eval("document.querySelectorAll('#targets tbody tr').length").asInt()).isEqualTo(2);
      assertThat(chromium.eval("document.querySelector('tr[data-target=\"down\"] .pill').textContent").asText())
          .isEqualTo("DOWN");
      assertThat(chromium.eval("document.querySelector('tr[data-target] .name').textContent").asText())
          .isEqualTo("<i>up</i>");
      assertThat(chromium.eval("document.querySelector('meta[http-equiv=refresh]').content").asText()).isEqualTo("30");
      assertThat(chromium.eval("document.querySelectorAll('i, script').length").asInt()).isZero();
      assertThat(chromium.errors()).isEmpty();
      w.signal("TERM");
      assertThat(w.exitCode(Duration.ofSeconds(15))).isZero();
    }
  }
}
