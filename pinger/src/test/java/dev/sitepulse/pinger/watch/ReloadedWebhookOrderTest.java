package dev.sitepulse.pinger.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sitepulse.pinger.Verdict;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reload in the middle of a target's delivery: its next alerts still wait behind it, so that a
 * chat never shows a recovery before the outage it ends. The webhook holds the first outage's post
 * until the test lets it go; an alert that waits behind it is then replaced by the next one.
 */
class ReloadedWebhookOrderTest {

  private final CountDownLatch outageReceived = new CountDownLatch(1);
  private final CountDownLatch letOutageGo = new CountDownLatch(1);
  /** Each post's message and Authorization header, in the order the webhook answered them. */
  private final List<String> answered = new CopyOnWriteArrayList<>();
  private final List<String> delivered = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private String url;

  @BeforeEach
  void startWebhook() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String message = body.replaceAll(".*\"message\":\"([^\"]*)\".*", "$1");
      if (message.equals("first outage")) {
        outageReceived.countDown();
        try {
          letOutageGo.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      answered.add(message + " " + exchange.getRequestHeaders().getFirst("Authorization"));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  @AfterEach
  void stopWebhook() {
    letOutageGo.countDown();
    server.stop(0);
  }

  private Webhook hook(String token) {
    return new Webhook(url, Webhook.Format.JSON, Duration.ofSeconds(30), 0, Map.of("Authorization", token));
  }

  private static Alert alert(State from, State to, String message) {
    Instant now = Instant.now();
    return new Alert(Alert.Kind.CHANGE, "shop", "http://shop.example/", "", from, to, now, now, null,
        to == State.UP ? Verdict.UP : Verdict.DOWN, to == State.UP ? 200 : 500, message);
  }

  /** The first outage held at the webhook, reloads to each of {@code reloads}, then a recovery and a second outage. */
  @SafeVarargs
  private void flapAcrossAReload(Webhook first, List<Webhook>... reloads) throws InterruptedException {
    try (Alerter alerter = new Alerter(List.of(first),
        (a, d) -> delivered.add(a.message() + (d.replaced() ? " replaced" : d.ok() ? " ok" : " failed")),
        Duration.ofMillis(1))) {
      alerter.alert(alert(State.UP, State.DOWN, "first outage"));
      assertThat(outageReceived.await(30, TimeUnit.SECONDS)).isTrue();
      for (List<Webhook> reloaded : reloads) {
        alerter.setWebhooks(reloaded);
      }
      alerter.alert(alert(State.DOWN, State.UP, "recovery"));
      alerter.alert(alert(State.UP, State.DOWN, "second outage"));
      Eventually.await(Duration.ofSeconds(30), "the recovery's delivery to end",
          () -> delivered.stream().anyMatch(d -> d.startsWith("recovery ")));
      letOutageGo.countDown();
      alerter.idle().join();
    }
  }

  @Test
  void aReloadThatLeavesTheWebhookAsItWasKeepsTheRecoveryBehindTheOutageItEnds() throws InterruptedException {
    flapAcrossAReload(hook("Bearer t"), List.of(hook("Bearer t")));

    assertThat(delivered).containsExactlyInAnyOrder("first outage ok", "recovery replaced", "second outage ok");
    assertThat(answered).containsExactly("first outage Bearer t", "second outage Bearer t");
  }

  @Test
  void aReloadThatChangesTheWebhooksHeadersKeepsTheOrderAndSendsWhatWaitedWithTheNewOnes()
      throws InterruptedException {
    flapAcrossAReload(hook("Bearer old"), List.of(hook("Bearer new")));

    assertThat(delivered).containsExactlyInAnyOrder("first outage ok", "recovery replaced", "second outage ok");
    assertThat(answered).containsExactly("first outage Bearer old", "second outage Bearer new");
  }

  @Test
  void aWebhookOneReloadDropsAndTheNextAddsBackKeepsTheRecoveryBehindTheOutageStillBeingDelivered()
      throws InterruptedException {
    flapAcrossAReload(hook("Bearer t"), List.of(), List.of(hook("Bearer t")));

    assertThat(delivered).containsExactlyInAnyOrder("first outage ok", "recovery replaced", "second outage ok");
    assertThat(answered).containsExactly("first outage Bearer t", "second outage Bearer t");
  }
}
