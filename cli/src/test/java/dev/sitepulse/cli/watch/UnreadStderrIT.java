package dev.sitepulse.cli.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.testing.StubServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watch whose stderr nobody reads, as {@code sitepulse watch ... 2>&1 | less} left paused or a
 * stalled journald leaves it: once the pipe's 64 KiB are full, whatever logs must not wait there.
 */
class UnreadStderrIT {

  /** Alert lines of some 330 bytes each: together about twice what a pipe holds. */
  private static final int FAILING = 400;

  @RegisterExtension static WireMockExtension stubs = StubServer.stubs();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void alertsChecksAndTheStopGoOnWhileStderrIsUnreadAndEveryLineComesOutOnceItIs() throws Exception {
    stubs.stubFor(post("/hook").willReturn(ok()));
    String longName = "x".repeat(200);
    String failing = IntStream.range(0, FAILING)
        .mapToObj(i -> "  - name: t" + i + "-" + longName + "\n    url: " + StubServer.url(stubs, "/status/500?t=" + i)
            + "\n")
        .collect(Collectors.joining());
    // Its circuit opens after 5 checks, some 2.5 s in, once the alerts have filled the pipe; the
    // probe thread that logs so must not be held, or the target's checks end there.
    String refused = "  - name: refused\n    url: http://127.0.0.1:1/\n    interval: 500ms\n";
    Path config = Files.writeString(dir.resolve("watch.yaml"), "defaults:\n  interval: 2s\n  rate: unlimited\n"
        + "targets:\n" + failing + refused + "watch:\n  failure-threshold: 1\n  webhooks:\n    - url: "
        + StubServer.url(stubs, "/hook") + "\n");

    try (WatchProcess w = WatchProcess.startWithStderrUnread(dir, "-c", config.toString(),
        "--data", dir.resolve("data").toString(), "--listen", "127.0.0.1:0")) {
      // The alerter logs each alert before it posts it.
      w.await(Duration.ofSeconds(30), "every alert posted while stderr is unread",
          () -> stubs.findAll(postRequestedFor(urlPathEqualTo("/hook"))).size() == FAILING + 1);
      w.await(Duration.ofSeconds(30), "every target checked again and /status answering",
          () -> checks(w).stream().allMatch(n -> n >= 2));
      w.await(Duration.ofSeconds(30), "the refused target checked past its circuit's opening",
          () -> checks(w).size() > FAILING && checks(w).get(FAILING) >= 12);

      w.signal("TERM");
      w.await(Duration.ofSeconds(30), "the stop line while stderr is still unread",
          () -> w.out().contains("sitepulse watch: stopped (SIGTERM): "));

      String err = w.readStderrToTheEnd();
      assertThat(w.exitCode(Duration.ofSeconds(30))).as(err).isZero();
      List<String> lines = err.lines().toList();
      assertThat(lines.stream().filter(l -> l.contains(" is DOWN: "))).as(err).hasSize(FAILING + 1);
      assertThat(err).contains("circuit of 127.0.0.1:1: open").doesNotContain("dropped");
      assertThat(lines.get(lines.size() - 1)).contains("stopping (SIGTERM): waiting up to");
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
