package dev.sitepulse.pinger.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.sitepulse.pinger.watch.State.DOWN;
import static dev.sitepulse.pinger.watch.State.UP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Rate;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.history.DeliveryRecord;
import dev.sitepulse.pinger.history.HistoryCounts;
import dev.sitepulse.pinger.history.HistoryStore;
import dev.sitepulse.pinger.history.HistoryQuery;
import dev.sitepulse.pinger.history.SqliteHistory;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site whose stub flips from 200 to 500 and back, watched for real (WireMock, the pinger,
 * Vert.x, SQLite), with webhooks going to a second WireMock. Checks are started by hand, one at
 * a time, so the sequence of results is exact; the timers are set an hour out.
 */
class WatchAlertsTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension receiver = WireMockExtension.newInstance()
      .options(options().dynamicPort().asynchronousResponseEnabled(true)).build();

  @TempDir Path dir;

  private final Vertx vertx = Vertx.vertx();
  private final List<AutoCloseable> closeLater = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = closeLater.size() - 1; i >= 0; i--) {
      closeLater.get(i).close();
    }
    vertx.close().await();
  }

  /** The stub answers each request with the next status, then keeps the last. */
  private static void flip(int... statuses) {
    for (int i = 0; i < statuses.length; i++) {
      site.stubFor(get("/flip").inScenario("flip")
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step-" + i)
          .willReturn(status(statuses[i]).withBody("status " + statuses[i]))
          .willSetStateTo(i == statuses.length - 1 ? "step-" + i : "step-" + (i + 1)));
    }
  }

  private String hook(String path) {
    return "http://127.0.0.1:" + receiver.getPort() + path;
  }

  private Watch watch(SqliteHistory history, Alerter alerter) {
    Target target = new Target("shop", "web", "http://127.0.0.1:" + site.getPort() + "/flip", null, null, null,
        Duration.ofSeconds(5), 0, null);
    WatchPlan plan = new WatchPlan(List.of(new WatchedTarget(target, Duration.ofHours(1))),
        PingSettings.DEFAULTS.withRatePerHost(Rate.UNLIMITED), Thresholds.DEFAULT, null, List.of());
    PingerSource pinger = new PingerSource(plan.settings());
    closeLater.add(pinger);
    Watch w = Watch.start(vertx, plan, pinger, history, alerter,
        FirstTicks.at(interval -> interval));
    closeLater.add(() -> w.stop().join());
    return w;
  }

  private SqliteHistory history() {
    SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.systemUTC());
    closeLater.add(h);
    return h;
  }

  private Alerter alerter(SqliteHistory history, Webhook... hooks) {
    Alerter a = new Alerter(List.of(hooks), Alerter.Listener.recordingTo(history, Clock.systemUTC()),
        Duration.ofMillis(10));
    closeLater.add(a);
    return a;
  }

  private static List<State> checkTimes(Watch w, int n) {
    List<State> states = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      states.add(w.checkNow("shop").join().state());
    }
    return states;
  }

  @Test
  void anAlertIsKeptAsPendingBeforeTheStateChangeItAnnouncesSoAKillBetweenLosesNeither() throws Exception {
    flip(500);
    receiver.stubFor(post("/hook").willReturn(ok()));
    SqliteHistory sqlite = history();
    List<String> appended = java.util.Collections.synchronizedList(new ArrayList<>());
    HistoryStore history = new AppendOrder(sqlite, appended);
    Alerter alerter = new Alerter(List.of(new Webhook(hook("/hook"), Webhook.Format.JSON, Webhook.DEFAULT_TIMEOUT,
        Webhook.DEFAULT_RETRIES, Map.of())), Alerter.Listener.recordingTo(history, Clock.systemUTC()),
        Duration.ofMillis(10));
    closeLater.add(alerter);
    Target target = new Target("shop", "web", "http://127.0.0.1:" + site.getPort() + "/flip", null, null, null,
        Duration.ofSeconds(5), 0, null);
    WatchPlan plan = new WatchPlan(List.of(new WatchedTarget(target, Duration.ofHours(1))),
        PingSettings.DEFAULTS.withRatePerHost(Rate.UNLIMITED), Thresholds.DEFAULT, null, List.of());
    PingerSource pinger = new PingerSource(plan.settings());
    closeLater.add(pinger);
    Watch w = Watch.start(vertx, plan, pinger, history, alerter, FirstTicks.at(interval -> interval));
    closeLater.add(() -> w.stop().join());

    assertThat(checkTimes(w, 3)).last().isEqualTo(DOWN);
    alerter.idle().get();

    List<String> order = appended.stream()
        .filter(r -> r.equals("PendingAlertRecord") || r.equals("StateChangeRecord")).toList();
    assertThat(order).as("pending, the change, then settled")
        .containsExactly("PendingAlertRecord", "StateChangeRecord", "PendingAlertRecord");
  }

  /** Notes the kind of each record appended, in order, and passes it on. */
  private record AppendOrder(HistoryStore store, List<String> appended) implements HistoryStore {
    @Override
    public void append(dev.sitepulse.pinger.history.HistoryRecord record) {
      appended.add(record.getClass().getSimpleName());
      store.append(record);
    }

    @Override
    public int backlog() {
      return store.backlog();
    }

    @Override
    public long written() {
      return store.written();
    }

    @Override
    public long checksWritten() {
      return store.checksWritten();
    }

    @Override
    public long lost() {
      return store.lost();
    }

    @Override
    public CompletableFuture<Void> flush() {
      return store.flush();
    }

    @Override
    public dev.sitepulse.pinger.history.HistoryReader reader() {
      return store.reader();
    }

    @Override
    public long enforceRetention() {
      return store.enforceRetention();
    }

    @Override
    public void close() {
      store.close();
    }
  }

  @Test
  void aStubThatFlipsTo500AndBackGoesDownOnTheThirdFailureAndUpOnTheSecondSuccess() throws Exception {
    flip(200, 200, 500, 500, 500, 500, 200, 200, 200);
    receiver.stubFor(post("/hook").willReturn(ok()));
    SqliteHistory history = history();
    Alerter alerter = alerter(history, new Webhook(hook("/hook"), Webhook.Format.JSON, Webhook.DEFAULT_TIMEOUT,
        Webhook.DEFAULT_RETRIES, Map.of()));
    Watch w = watch(history, alerter);

    List<State> states = checkTimes(w, 9);
    alerter.idle().get();

    assertThat(states).containsExactly(UP, UP, UP, UP, DOWN, DOWN, DOWN, UP, UP);
    List<LoggedRequest> posts = receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
    assertThat(posts).as("one alert per transition, and none for settling on UP").hasSize(2);
    ObjectMapper json = new ObjectMapper();
    JsonNode down = json.readTree(posts.get(0).getBodyAsString());
    JsonNode up = json.readTree(posts.get(1).getBodyAsString());
    assertThat(down.get("kind").asText()).isEqualTo("change");
    assertThat(down.get("target").asText()).isEqualTo("shop");
    assertThat(down.get("group").asText()).isEqualTo("web");
    assertThat(down.get("from").asText()).isEqualTo("UP");
    assertThat(down.get("to").asText()).isEqualTo("DOWN");
    assertThat(down.get("status").asInt()).isEqualTo(500);
    assertThat(down.get("verdict").asText()).isEqualTo("DOWN");
    assertThat(Instant.parse(down.get("since").asText())).isBefore(Instant.parse(down.get("at").asText()));
    assertThat(up.get("from").asText()).isEqualTo("DOWN");
    assertThat(up.get("to").asText()).isEqualTo("UP");
    assertThat(up.get("status").asInt()).isEqualTo(200);
    assertThat(posts.get(0).getHeader("Content-Type")).startsWith("application/json");
  }

  @Test
  void theHistoryKeepsEveryCheckAndEveryStateChange() {
    flip(200, 500, 500, 500, 200, 200);
    SqliteHistory history = history();
    Watch w = watch(history, alerter(history));

    checkTimes(w, 6);
    history.flush().join();

    HistoryQuery all = new HistoryQuery(Instant.EPOCH, Instant.now().plusSeconds(60), null);
    assertThat(HistoryCounts.checks(history.reader(), all)).isEqualTo(6);
    assertThat(history.reader().stateChanges(all)).extracting(c -> c.from() + ">" + c.to())
        .containsExactly("UNKNOWN>UP", "UP>DOWN", "DOWN>UP");
    assertThat(history.reader().lastStates()).containsOnlyKeys("shop");
    assertThat(history.reader().lastStates().get("shop").to()).isEqualTo("UP");
  }

  @Test
  void theSlackFormatSendsOneTextLine() throws Exception {
    flip(200, 500, 500, 500);
    receiver.stubFor(post("/slack").willReturn(ok()));
    SqliteHistory history = history();
    Webhook slack = new Webhook(hook("/slack"), Webhook.Format.SLACK, Duration.ofSeconds(2), 0, Map.of());
    Alerter alerter = alerter(history, slack);
    Watch w = watch(history, alerter);

    checkTimes(w, 4);
    alerter.idle().get();

    List<LoggedRequest> posts = receiver.findAll(postRequestedFor(urlEqualTo("/slack")));
    assertThat(posts).hasSize(1);
    JsonNode body = new ObjectMapper().readTree(posts.get(0).getBodyAsString());
    assertThat(body.size()).isEqualTo(1);
    assertThat(body.get("text").asText())
        .startsWith(":red_circle: shop (http://127.0.0.1:" + site.getPort() + "/flip) is DOWN (was UP for")
        .contains("HTTP 500 DOWN, condition failed: [STATUS] (500) &lt; 400");
  }

  @Test
  void aWebhookThatKeepsFailingIsRetriedThenRecordedAsFailed() {
    flip(200, 500, 500, 500);
    receiver.stubFor(post("/broken/secret-token").willReturn(serverError()));
    SqliteHistory history = history();
    Webhook broken = new Webhook(hook("/broken/secret-token"), Webhook.Format.JSON, Duration.ofSeconds(2), 2,
        Map.of());
    Alerter alerter = alerter(history, broken);
    Watch w = watch(history, alerter);

    checkTimes(w, 4);
    alerter.idle().join();
    history.flush().join();

    assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/broken/secret-token")))).as("1 try + 2 retries")
        .hasSize(3);
    List<DeliveryRecord> failed = history.reader().failedDeliveries(
        new HistoryQuery(Instant.EPOCH, Instant.now().plusSeconds(60), null));
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0)).extracting(DeliveryRecord::target, DeliveryRecord::kind, DeliveryRecord::sink,
        DeliveryRecord::attempts, DeliveryRecord::error)
        .as("the history shows the hook without its secret")
        .containsExactly("shop", "CHANGE", hook("/…"), 3, "HTTP 500");
    assertThat(alerter.failedCount()).isEqualTo(1);
  }

  @Test
  void aWebhookThatNeverAnswersDoesNotHoldUpTheChecksAfterTheAlert() throws Exception {
    // It takes the connection and never answers: the post is under way from the moment it
    // connects until the test closes the socket, or for its 10 s timeout, however slowly the machine runs.
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Socket> connected = CompletableFuture.supplyAsync(() -> accept(silent));
      flip(200, 500, 500, 500, 500, 500);
      SqliteHistory history = history();
      Webhook hung = new Webhook("http://127.0.0.1:" + silent.getLocalPort() + "/hung", Webhook.Format.JSON,
          Duration.ofSeconds(10), 0, Map.of());
      Alerter alerter = alerter(history, hung);
      Watch w = watch(history, alerter);
      try {
        checkTimes(w, 4); // the fourth result sends the DOWN alert to the webhook
        connected.get(1, TimeUnit.MINUTES); // a bound on a loaded machine, not a speed goal

        List<State> after = checkTimes(w, 2);

        assertThat(after).containsExactly(DOWN, DOWN);
        assertThat(alerter.idle()).as("the checks were made while the webhook still hung").isNotDone();
      } finally {
        connected.thenAccept(WatchAlertsTest::close);
      }
    }
  }

  @Test
  void aWebhookThatAnswersTooLateFailsAtItsTimeoutOnEveryTry() {
    flip(200, 500, 500, 500);
    // A second to send the POST in, which a loaded machine's loopback needs; the answer comes far later.
    receiver.stubFor(post("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(5000)));
    SqliteHistory history = history();
    Webhook slow = new Webhook(hook("/slow"), Webhook.Format.JSON, Duration.ofSeconds(1), 1, Map.of());
    Alerter alerter = alerter(history, slow);
    Watch w = watch(history, alerter);

    checkTimes(w, 4);
    alerter.idle().join();
    history.flush().join();

    assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/slow")))).as("1 try + 1 retry").hasSize(2);
    assertThat(history.reader().failedDeliveries(new HistoryQuery(Instant.EPOCH, Instant.now().plusSeconds(60), null)))
        .as("not delivered when the answer came, 5 s later").singleElement()
        .extracting(DeliveryRecord::attempts, DeliveryRecord::error).containsExactly(2, "no answer within 1s after it was sent (the webhook may have it)");
    assertThat(alerter.failedCount()).isEqualTo(1);
  }

  private static Socket accept(ServerSocket server) {
    try {
      return server.accept();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
