package dev.sitepulse.cli.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.testing.StubServer;
import java.io.FileInputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watch whose stderr nobody reads, as {@code sitepulse watch ... 2>&1 | less} left paused or a
 * stalled journald leaves it: once the pipe's 64 KiB are full, whatever logs must not wait there,
 * and the stop must end all the same.
 */
class UnreadStderrIT {

  /** Alert lines of some 330 bytes each: together about twice what a pipe holds. */
  private static final int FAILING = 400;
  /**
   * From SIGTERM to the exit: the checks under way (2 s timeouts), then at most 5 s for stderr's
   * reader and 5 s for stdout's (WatchRun.OUTPUT_GRACE), and some slack.
   */
  private static final Duration STOP_LIMIT = Duration.ofSeconds(20);
  /** What a pipe holds on Linux: 16 pages. */
  private static final int PIPE_SIZE = 1 << 16;

  @RegisterExtension static WireMockExtension stubs = StubServer.stubs();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void alertsChecksAndTheStopGoOnWhileStderrIsUnreadAndTheExitWaitsForItOnlyALimitedTime() throws Exception {
    Path config = alertingConfig();
    Path data = dir.resolve("data");
    try (WatchProcess w = WatchProcess.startWithStderrUnread(dir, "-c", config.toString(),
        "--data", data.toString(), "--listen", "127.0.0.1:0")) {
      awaitAlertsAndChecks(w);

      w.signal("TERM");
      // Nothing reads stderr, ever: the stop waits for it a few seconds, then exits all the same.
      assertThat(w.exitCode(STOP_LIMIT)).as(w.out()).isZero();
      Matcher stopped = Pattern.compile("sitepulse watch: stopped \\(SIGTERM\\): (\\d+) checks, (\\d+) recorded,"
          + " [1-9]\\d* bytes of messages dropped: stderr was not read\n").matcher(w.out());
      assertThat(stopped.find()).as(w.out()).isTrue();
      assertThat(stopped.group(2)).isEqualTo(stopped.group(1));
      assertThat(rows(data)).isEqualTo(Long.parseLong(stopped.group(1)));

      // What the pipe held comes out, in order; what was still queued is what the stop line counts.
      String err = w.readUnreadToTheEnd();
      assertThat(err.lines().filter(l -> l.contains(" is DOWN: "))).as(err).isNotEmpty();
      assertThat(err).doesNotContain("stopping (SIGTERM)");
    }
  }

  @Test
  void withStdoutAndStderrOnePipeThatNobodyReadsTheStopStillEndsWithEveryCheckInTheHistory() throws Exception {
    Path config = alertingConfig();
    Path data = dir.resolve("data");
    // sitepulse watch ... 2>&1 | less, left paused: the stop line cannot be written either.
    try (WatchProcess w = WatchProcess.startWithOutputUnread(dir, "-c", config.toString(),
        "--data", data.toString(), "--listen", "127.0.0.1:0")) {
      awaitAlertsAndChecks(w);
      long checkedBefore = checks(w).stream().mapToLong(Integer::longValue).sum();

      w.signal("TERM");
      assertThat(w.exitCode(STOP_LIMIT)).isZero();
      assertThat(rows(data)).isGreaterThanOrEqualTo(checkedBefore);

      // What the pipe held: the stop line too, if the pipe's last page had room for it.
      assertThat(w.readUnreadToTheEnd()).contains(" is DOWN: ");
    }
  }

  @Test
  void aStdoutWhosePipeIsFullHoldsTheExitOnlyALimitedTimeAndTheStopLineIsDropped() throws Exception {
    stubs.stubFor(get("/up").willReturn(ok()));
    Path config = Files.writeString(dir.resolve("watch.yaml"), "targets:\n  - name: up\n    url: "
        + StubServer.url(stubs, "/up") + "\n    interval: 200ms\n");
    Path data = dir.resolve("data");
    Path fifo = dir.resolve("stdout");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
    // Read and write: a reader, so that the watch may open it, and a writer, to fill it.
    try (RandomAccessFile pipe = new RandomAccessFile(fifo.toFile(), "rw");
        WatchProcess w = WatchProcess.startWithStdoutInto(fifo, new FileInputStream(pipe.getFD()), dir,
            "-c", config.toString(), "--data", data.toString(), "--listen", "127.0.0.1:0")) {
      w.await(Duration.ofSeconds(30), "some checks", () -> checks(w).get(0) >= 3);
      long checkedBefore = checks(w).get(0);
      pipe.write(new byte[PIPE_SIZE]); // the start line read, the pipe holds this and nothing more

      w.signal("TERM");
      assertThat(w.exitCode(STOP_LIMIT)).as(w.err()).isZero();
      assertThat(w.err()).contains("stopping (SIGTERM)");
      assertThat(rows(data)).isGreaterThanOrEqualTo(checkedBefore);
      assertThat(new FileInputStream(pipe.getFD()).available()).as("the pipe holds no stop line").isEqualTo(PIPE_SIZE);
    }
  }

  /**
   * {@value #FAILING} failing targets that each alert once, in lines of some 330 bytes, and a
   * refused one checked every 500 ms, whose circuit opens after 5 checks, some 2.5 s in, once the
   * alerts have filled the pipe: the probe thread that logs so must not be held, or the target's
   * checks end there.
   */
  private Path alertingConfig() throws Exception {
    stubs.stubFor(post("/hook").willReturn(ok()));
    String longName = "x".repeat(200);
    String failing = IntStream.range(0, FAILING)
        .mapToObj(i -> "  - name: t" + i + "-" + longName + "\n    url: " + StubServer.url(stubs, "/status/500?t=" + i)
            + "\n")
        .collect(Collectors.joining());
    String refused = "  - name: refused\n    url: http://127.0.0.1:1/\n    interval: 500ms\n";
    return Files.writeString(dir.resolve("watch.yaml"), "defaults:\n  interval: 2s\n  timeout: 2s\n"
        + "  rate: unlimited\ntargets:\n" + failing + refused + "watch:\n  failure-threshold: 1\n  webhooks:\n"
        + "    - url: " + StubServer.url(stubs, "/hook") + "\n");
  }

  /** Until every alert is posted (the alerter logs each first) and every target checked again, the refused one past its circuit's opening. */
  private static void awaitAlertsAndChecks(WatchProcess w) throws InterruptedException {
    w.await(Duration.ofSeconds(30), "every alert posted while the output is unread",
        () -> stubs.findAll(postRequestedFor(urlPathEqualTo("/hook"))).size() == FAILING + 1);
    w.await(Duration.ofSeconds(30), "every target checked again and /status answering",
        () -> checks(w).stream().allMatch(n -> n >= 2));
    w.await(Duration.ofSeconds(30), "the refused target checked past its circuit's opening",
        () -> checks(w).size() > FAILING && checks(w).get(FAILING) >= 12);
  }

  private static long rows(Path data) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("history.db"));
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM checks")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Each target's checks so far, in config order; none while /status does not answer. */
  private static List<Integer> checks(WatchProcess w) {
    try {
      String body = HTTP.send(HttpRequest.newBuilder(URI.create(w.base() + "/status")).timeout(Duration.ofSeconds(5))
          .build(), HttpResponse.BodyHandlers.ofString()).body();
      JsonNode targets = new ObjectMapper().readTree(body).path("targets");
      return StreamSupport.stream(targets.spliterator(), false).map(t -> t.path("checks").asInt()).toList();
    } catch (Exception e) {
      return List.of(0);
    }
  }
}
