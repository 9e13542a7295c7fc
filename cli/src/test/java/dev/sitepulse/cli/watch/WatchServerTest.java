package dev.sitepulse.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.cli.testing.StubServer;
import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Rate;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.history.SqliteHistory;
import dev.sitepulse.pinger.watch.Alerter;
import dev.sitepulse.pinger.watch.ListenAddress;
import dev.sitepulse.pinger.watch.PingerSource;
import dev.sitepulse.pinger.watch.Thresholds;
import dev.sitepulse.pinger.watch.Watch;
import dev.sitepulse.pinger.watch.WatchPlan;
import dev.sitepulse.pinger.watch.WatchedTarget;
import io.vertx.core.Vertx;
import io.vertx.core.net.impl.VertxEventLoopGroup;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The endpoints of watch's server, in-process, over a watch of two stubs: one up, one down. */
class WatchServerTest {

  @RegisterExtension static WireMockExtension stubs = StubServer.stubs();

  @TempDir static Path dir;

  private static Vertx vertx;
  private static SqliteHistory history;
  private static Alerter alerter;
  private static PingerSource pinger;
  private static Watch watch;
  private static WatchServer server;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    history = SqliteHistory.open(dir, Duration.ofDays(1), Clock.systemUTC());
    alerter = new Alerter(List.of(), Alerter.Listener.NONE, Duration.ofMillis(10));
    String base = StubServer.url(stubs, "");
    WatchPlan plan = new WatchPlan(List.of(
        new WatchedTarget(new Target("up", "web", base + "/status/200", null, null, null, null, 0, null), Duration.ofHours(1)),
        new WatchedTarget(new Target("down", "web", base + "/status/503", null, null, null, null, 0, null), Duration.ofHours(1))),
        PingSettings.DEFAULTS.withRatePerHost(Rate.UNLIMITED), new Thresholds(1, 1), null, List.of());
    pinger = new PingerSource(plan.settings());
    Watch.Options checkedByHand = new Watch.Options(Clock.systemUTC(), (interval, targets) -> interval,
        Watch.Options.DEFAULT.maxBacklog());
    watch = Watch.start(vertx, plan, pinger, history, alerter, checkedByHand);
    watch.checkNow("up").join();
    watch.checkNow("down").join();
    server = WatchServer.bind(vertx, new ListenAddress("127.0.0.1", 0), Instant.now());
    server.serve(watch, new LivePage(history, Clock.systemUTC()));
  }

  @org.junit.jupiter.api.AfterAll
  static void stop() throws InterruptedException {
    server.close();
    watch.stop().join();
    pinger.close();
    alerter.close();
    history.close();
    vertx.close().await();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build());
  }

  private static HttpResponse<String> send(HttpRequest r) throws Exception {
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aConnectionThatStaysSilentIsClosedAfterTheIdleTimeout() throws Exception {
    WatchServer quick = WatchServer.bind(vertx, new ListenAddress("127.0.0.1", 0), Instant.now(), Duration.ofMillis(200));
    quick.serve(watch, new LivePage(history, Clock.systemUTC()));
    try (Socket silent = new Socket("127.0.0.1", quick.port())) {
      silent.setSoTimeout(10_000);
      // Half a request line, then nothing: a client that never finishes.
      silent.getOutputStream().write("GET /metr".getBytes(StandardCharsets.US_ASCII));

      assertThat(silent.getInputStream().read()).isEqualTo(-1);
    } finally {
      quick.close();
    }
  }

  @Test
  void metricsAreThePrometheusTextOfTheProbesAndTheWatch() throws Exception {
    HttpResponse<String> r = get("/metrics");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(r.body()).contains("probe_success{target=\"up\"} 1\n", "probe_success{target=\"down\"} 0\n",
        "probe_http_status_code{target=\"down\"} 503\n", "sitepulse_state{target=\"down\"} 2\n",
        "sitepulse_checks_total{target=\"up\"} 1\n", "sitepulse_scheduler_lag_seconds_count ");
  }

  @Test
  void statusIsTheCurrentStateOfEveryTargetAsJson() throws Exception {
    HttpResponse<String> r = get("/status");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode doc = new ObjectMapper().readTree(r.body());
    assertThat(doc.get("checks").asInt()).isEqualTo(2);
    assertThat(doc.get("targets")).hasSize(2);
    JsonNode down = doc.get("targets").get(1);
    assertThat(down.get("name").asText()).isEqualTo("down");
    assertThat(down.get("state").asText()).isEqualTo("DOWN");
    assertThat(down.get("interval_seconds").asDouble()).isEqualTo(3600.0);
    assertThat(down.get("last").get("status").asInt()).isEqualTo(503);
    assertThat(down.get("last").get("verdict").asText()).isEqualTo("DOWN");
    assertThat(down.has("not_started_at")).isTrue();
    assertThat(down.get("not_started_at").isNull()).as("no check sitepulse could not start came after it").isTrue();
  }

  @Test
  void healthzSaysOk() throws Exception {
    HttpResponse<String> r = get("/healthz");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("ok\n");
  }

  @Test
  void theRootIsTheLiveReportOfTheLastDayFromTheFirstCheckOfAYoungerHistory() throws Exception {
    HttpResponse<String> r = get("/");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    assertThat(r.headers().firstValue("content-security-policy")).hasValueSatisfying(v -> v.startsWith("default-src 'none'"));
    assertThat(r.body()).contains("<meta http-equiv=\"refresh\" content=\"30\">", "data-target=\"up\"",
        "data-target=\"down\"", "The whole history (1m)");
  }

  @Test
  void theRootOverAHistoryTheStopClosedIsA503SayingSoAndNoError() throws Exception {
    SqliteHistory closed = SqliteHistory.open(dir.resolve("closed"), Duration.ofDays(1), Clock.systemUTC());
    closed.close();
    ch.qos.logback.classic.Logger serverLog =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(WatchServer.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    serverLog.addAppender(logged);
    WatchServer stopping = WatchServer.bind(vertx, new ListenAddress("127.0.0.1", 0), Instant.now());
    try {
      stopping.serve(watch, new LivePage(closed, Clock.systemUTC()));

      HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stopping.port() + "/")).build());

      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).isEqualTo("the watch is stopping\n");
      assertThat(logged.list).isEmpty();
    } finally {
      stopping.close();
      serverLog.detachAppender(logged);
    }
  }

  @Test
  void otherPathsAreNotFoundAndOtherMethodsNotAllowed() throws Exception {
    assertThat(get("/nope").statusCode()).isEqualTo(404);
    HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/status"))
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
  }

  @Test
  void aServerBoundBeforeItsWatchStartsAnswersStartingUntilItServesTheWatch() throws Exception {
    WatchServer early = WatchServer.bind(vertx, new ListenAddress("127.0.0.1", 0), Instant.now());
    try {
      URI metrics = URI.create("http://127.0.0.1:" + early.port() + "/metrics");
      HttpResponse<String> starting = send(HttpRequest.newBuilder(metrics).build());

      assertThat(starting.statusCode()).isEqualTo(503);
      assertThat(starting.body()).isEqualTo("starting\n");

      early.serve(watch, new LivePage(history, Clock.systemUTC()));

      HttpResponse<String> served = send(HttpRequest.newBuilder(metrics).build());
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.body()).contains("sitepulse_state{target=\"up\"} 0");
    } finally {
      early.close();
    }
  }

  @Test
  void aPortInUseIsAUsageErrorNamingTheAddress() {
    ListenAddress taken = new ListenAddress("127.0.0.1", server.port());

    Throwable e = org.assertj.core.api.Assertions.catchThrowable(() ->
        WatchServer.bind(vertx, taken, Instant.now()));

    assertThat(e).isInstanceOf(dev.sitepulse.cli.UsageException.class)
        .hasMessageStartingWith("cannot listen on 127.0.0.1:" + server.port() + ": ");
  }

  @Test
  void aClosingServersAcceptRaceStaysOffStderr() throws Exception {
    // Vert.x 5.2 (eclipse-vertx/vert.x#6087): a connection accepted as the server's handlers go.
    ch.qos.logback.classic.Logger bootstrap =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.netty.bootstrap.ServerBootstrap");
    ListAppender<ILoggingEvent> stderr = new ListAppender<>();
    stderr.start();
    bootstrap.addAppender(stderr);
    try {
      WatchServer.bind(vertx, new ListenAddress("127.0.0.1", 0), Instant.now()).close();

      bootstrap.warn("Failed to register an accepted channel: {}", "[id: 0x5412aa76]",
          org.assertj.core.api.Assertions.catchThrowable(() -> new VertxEventLoopGroup().next()));

      assertThat(stderr.list).isEmpty();
    } finally {
      bootstrap.detachAppender(stderr);
    }
  }
}
