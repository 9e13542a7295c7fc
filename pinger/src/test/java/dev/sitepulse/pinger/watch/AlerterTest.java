package dev.sitepulse.pinger.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.pinger.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** What the alerter logs about deliveries, read from the alert logger itself. */
class AlerterTest {

  /**
   * How long a test waits for what comes by itself (a webhook's answer, a post, a delivery, an
   * end): a bound for a machine as loaded as it gets, never a speed goal; what must not come, never
   * comes.
   */
  private static final Duration ENDS = Duration.ofMinutes(1);

  private static final HeldAnswers held = new HeldAnswers();

  @RegisterExtension
  static WireMockExtension receiver =
      WireMockExtension.newInstance().options(options().dynamicPort().extensions(held)).build();

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(Alerter.LOGGER);

  @BeforeEach
  void listen() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(log);
  }

  private static Alert down() {
    Instant now = Instant.now();
    return new Alert(Alert.Kind.CHANGE, "shop", "http://shop.example/", "", State.UP, State.DOWN, now,
        now, null, Verdict.DOWN, 500, "condition failed");
  }

  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

  private List<String> failures(Webhook hook) {
    try (Alerter alerter = new Alerter(List.of(hook), (alert, d) -> deliveries.add(d), Duration.ofMillis(1))) {
      alerter.alert(down());
      alerter.idle().join();
    }
    return log.list.stream().map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.contains("not delivered")).toList();
  }

  private static Webhook hook(String path, int retries) {
    return new Webhook("http://127.0.0.1:" + receiver.getPort() + path, Webhook.Format.JSON,
        ENDS, retries, Map.of());
  }

  @Test
  void oneFailedAttemptIsCountedInTheSingular() {
    receiver.stubFor(post("/hook").willReturn(serverError()));
    assertThat(failures(hook("/hook", 0))).singleElement().asString()
        .endsWith(" after 1 attempt: HTTP 500");
  }

  @Test
  void severalFailedAttemptsAreCountedInThePlural() {
    receiver.stubFor(post("/hook").willReturn(serverError()));
    assertThat(failures(hook("/hook", 1))).singleElement().asString()
        .endsWith(" after 2 attempts: HTTP 500");
  }

  @Test
  void aFailedHooksSecretPathIsNeitherLoggedNorHandedOn() {
    receiver.stubFor(post("/services/T000/B000/XXXX").willReturn(serverError()));
    String shown = "http://127.0.0.1:" + receiver.getPort() + "/…";

    List<String> logged = failures(hook("/services/T000/B000/XXXX", 0));

    assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/services/T000/B000/XXXX")))).hasSize(1);
    assertThat(logged).singleElement().asString()
        .isEqualTo("alert for shop not delivered to " + shown + " after 1 attempt: HTTP 500");
    assertThat(deliveries).extracting(Delivery::sink).containsExactly(shown);
  }

  @Test
  void aNewlineInATargetsNameCannotForgeASecondAlertLogLine() {
    receiver.stubFor(post("/hook").willReturn(serverError()));
    Instant now = Instant.now();
    Alert forged = new Alert(Alert.Kind.CHANGE, "shop\nsitepulse is UP", "http://shop.example/", "", State.UP,
        State.DOWN, now, now, null, Verdict.DOWN, 500, "condition failed");

    try (Alerter alerter = new Alerter(List.of(hook("/hook", 0)), (alert, d) -> { }, Duration.ofMillis(1))) {
      alerter.alert(forged);
      alerter.idle().join();
    }

    assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(2)
        .allSatisfy(line -> assertThat(line).doesNotContain("\n").contains("shop sitepulse is UP"));
  }

  @Test
  void aWebhookThatHangsDoesNotHoldUpTheAlertsOfAnother() throws Exception {
    // The hanging one takes the connection (the system's backlog does) and never answers, so the
    // other's alerts come before its answer however slowly the machine runs.
    receiver.stubFor(post("/good").willReturn(ok()));
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Webhook hanging = new Webhook("http://127.0.0.1:" + silent.getLocalPort() + "/hang", Webhook.Format.JSON,
          Duration.ofHours(1), 0, Map.of());
      Alerter alerter = new Alerter(List.of(hanging, hook("/good", 0)), (alert, d) -> deliveries.add(d),
          Duration.ofMillis(1));
      try (alerter) {
        Instant now = Instant.now();
        for (int i = 0; i < 12; i++) { // as when an outage takes many targets down at once
          alerter.alert(new Alert(Alert.Kind.CHANGE, "site" + i, "http://site" + i + ".example/", "", State.UP,
              State.DOWN, now, now, null, Verdict.DOWN, 500, "condition failed"));
        }

        // A bound for a loaded machine, not a speed goal: held up, they would wait the hour.
        Eventually.await(ENDS, "every alert delivered to the webhook that answers",
            () -> deliveries.stream().filter(Delivery::ok).count() == 12);
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/good")))).hasSize(12);
        // As a stopping watch does, so that the posts closing cuts short log nothing into the next test.
        alerter.abandon("the test is over");
      }
    }
  }

  /**
   * Five alerts of a flapping target and one of another to a webhook that holds its answers until
   * all are sent: the alerts after the first all arrive while it is under way. Returns the alerter,
   * closed.
   */
  private Alerter flapAtASlowWebhook() throws InterruptedException {
    receiver.stubFor(post("/slow").willReturn(ok()));
    Webhook slow = new Webhook("http://127.0.0.1:" + receiver.getPort() + "/slow", Webhook.Format.JSON,
        ENDS, 0, Map.of());
    Instant now = Instant.now();
    try (Alerter alerter = new Alerter(List.of(slow), (alert, d) -> deliveries.add(d), Duration.ofMillis(1));
        HeldAnswers answers = held.hold("/slow")) {
      for (int i = 1; i <= 5; i++) {
        boolean down = i % 2 == 1;
        alerter.alert(new Alert(Alert.Kind.CHANGE, "shop", "http://shop.example/", "", down ? State.UP : State.DOWN,
            down ? State.DOWN : State.UP, now, now, null, down ? Verdict.DOWN : Verdict.UP, 500, "flap " + i));
      }
      alerter.alert(new Alert(Alert.Kind.CHANGE, "blog", "http://blog.example/", "", State.UP, State.DOWN, now,
          now, null, Verdict.DOWN, 500, "blog down"));
      assertThat(answers.asked()).as("the first post held at the webhook").isTrue();
      answers.close();
      alerter.idle().join();
      return alerter;
    }
  }

  @Test
  void aWebhookThatAnswersSlowlyWhileATargetFlapsGetsItsLatestAlertAndOneLineCountsThoseReplaced()
      throws InterruptedException {
    flapAtASlowWebhook();

    assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/slow"))))
        .extracting(r -> r.getBodyAsString().replaceAll(".*\"message\":\"([^\"]*)\".*", "$1"))
        .as("the first, then the latest of each target").containsExactlyInAnyOrder("flap 1", "flap 5", "blog down");
    assertThat(deliveries).filteredOn(d -> !d.ok()).hasSize(3).allSatisfy(d -> {
      assertThat(d.attempts()).isZero();
      assertThat(d.error()).isEqualTo("not sent: a later alert of its target replaced it while the webhook was busy");
    });
    assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).filteredOn(m -> m.contains("not sent"))
        .containsExactly("3 alerts not sent to http://127.0.0.1:" + receiver.getPort() + "/…: each was replaced"
            + " by a later alert of its target while the webhook was busy");
  }

  @Test
  void alertsReplacedWhileTheWebhookWasBusyAreCountedApartFromFailedDeliveries() throws InterruptedException {
    Alerter alerter = flapAtASlowWebhook();

    assertThat(alerter.replacedCount()).isEqualTo(3);
    assertThat(alerter.failedCount()).as("the webhook took every alert sent to it").isZero();
    assertThat(alerter.deliveredCount()).isEqualTo(3);
    assertThat(deliveries).filteredOn(Delivery::replaced).hasSize(3)
        .allSatisfy(d -> assertThat(d.ok()).isFalse());
    assertThat(deliveries).filteredOn(d -> !d.replaced()).allSatisfy(d -> assertThat(d.ok()).isTrue());
  }

  @Test
  void aReloadThatChangesAWebhooksTimeoutRetriesOrHeadersKeepsItsWorkers() {
    String url = "http://127.0.0.1:" + receiver.getPort() + "/hook";
    try (Alerter alerter = new Alerter(List.of(hook("/hook", 0)), Alerter.Listener.NONE, Duration.ofMillis(1))) {
      for (int i = 1; i <= 5; i++) { // a rotated ${TOKEN}, say, each time
        alerter.setWebhooks(List.of(new Webhook(url, Webhook.Format.JSON, Duration.ofSeconds(i), i,
            Map.of("Authorization", "Bearer token" + i))));
      }
      alerter.idle().join();

      assertThat(alerter.workerPools()).isEqualTo(1);
    }
  }

  @Test
  void aWebhookDroppedByAReloadHasItsWorkersShutDownOnceItsDeliveryUnderWayEnds() throws InterruptedException {
    receiver.stubFor(post("/old").willReturn(ok()));
    Alerter alerter = new Alerter(List.of(hook("/old", 0)), (alert, d) -> deliveries.add(d), Duration.ofMillis(1));
    try (alerter) {
      try (HeldAnswers answer = held.hold("/old")) {
        alerter.alert(down());
        assertThat(answer.asked()).as("the post held at the old webhook").isTrue();
        alerter.setWebhooks(List.of(hook("/new", 0)));
      }
      alerter.idle().join();

      assertThat(deliveries).as("delivered where it started").singleElement()
          .satisfies(d -> assertThat(d.ok()).isTrue());
      assertThat(alerter.workerPools()).as("the new webhook's only").isEqualTo(1);
    }
  }

  @Test
  void aDroppedWebhooksLanesAreKeptForAReloadThatAddsItBackOnlyUntilItsDeliveryUnderWayEnds()
      throws InterruptedException {
    receiver.stubFor(post("/old").willReturn(ok()));
    try (Alerter alerter = new Alerter(List.of(hook("/old", 0)), Alerter.Listener.NONE, Duration.ofMillis(1))) {
      try (HeldAnswers answer = held.hold("/old")) {
        alerter.alert(down());
        assertThat(answer.asked()).as("the post held at the old webhook").isTrue();
        alerter.setWebhooks(List.of(hook("/new", 0)));
        assertThat(alerter.parkedLanes()).isEqualTo(1);
      }
      alerter.idle().join();

      Eventually.await(ENDS, "the old webhook's lanes to be let go", () -> alerter.parkedLanes() == 0);
    }
  }

  @Test
  void userAndPasswordInAWebhookUrlAreSentAsBasicAuthorizationAsForATarget() {
    receiver.stubFor(post("/hook").willReturn(ok()));
    Webhook hook = new Webhook("http://alice:s3cr%40t@127.0.0.1:" + receiver.getPort() + "/hook",
        Webhook.Format.JSON, ENDS, 0, Map.of());

    try (Alerter alerter = new Alerter(List.of(hook), (alert, d) -> deliveries.add(d), Duration.ofMillis(1))) {
      alerter.alert(down());
      alerter.idle().join();
    }

    assertThat(deliveries).singleElement().satisfies(d -> assertThat(d.ok()).isTrue());
    assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook")))).singleElement()
        .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Basic YWxpY2U6czNjckB0"));
  }

  @Test
  void anAuthorizationHeaderOfTheWebhookWinsOverItsUrlsUserAndPassword() {
    receiver.stubFor(post("/hook").willReturn(ok()));
    Webhook hook = new Webhook("http://alice:s3cret@127.0.0.1:" + receiver.getPort() + "/hook",
        Webhook.Format.JSON, ENDS, 0, Map.of("authorization", "Bearer t"));

    try (Alerter alerter = new Alerter(List.of(hook), (alert, d) -> deliveries.add(d), Duration.ofMillis(1))) {
      alerter.alert(down());
      alerter.idle().join();
    }

    assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook")))).singleElement()
        .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer t"));
  }

  private static void closeSocket(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aDeliveryStillUnderWayAtStopIsRecordedAsFailedOnceAndNamedInTheLog() throws Exception {
    // A webhook that takes the connection and never answers: the post is under way from the moment
    // it connects until the test closes the socket, however slowly the machine runs.
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Socket> connected = CompletableFuture.supplyAsync(() -> {
        try {
          return silent.accept();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      Webhook hook = new Webhook("http://127.0.0.1:" + silent.getLocalPort() + "/slow", Webhook.Format.JSON,
          Duration.ofSeconds(60), 3, Map.of());
      int abandoned;
      Alerter alerter = new Alerter(List.of(hook), (alert, d) -> deliveries.add(d), Duration.ofMillis(1));
      try (alerter) {
        alerter.alert(down());
        connected.get(ENDS.toSeconds(), TimeUnit.SECONDS); // the first attempt is under way

        abandoned = alerter.abandon("the watch stopped while it was still being delivered");
      } finally {
        connected.thenAccept(AlerterTest::closeSocket);
      }
      // Closing the socket ends the attempt, and its failure then arrives late: once it has been
      // handled, it must not have been recorded a second time.
      alerter.idle().handle((done, failure) -> null).get(ENDS.toSeconds(), TimeUnit.SECONDS);

      assertThat(abandoned).isEqualTo(1);
      assertThat(deliveries).singleElement().satisfies(d -> {
        assertThat(d.ok()).isFalse();
        assertThat(d.error()).isEqualTo("the watch stopped while it was still being delivered");
        assertThat(d.attempts()).as("the one under way").isEqualTo(1);
      });
      assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
          .contains("alert for shop not delivered to http://127.0.0.1:" + silent.getLocalPort()
              + "/…: the watch stopped while it was still being delivered");
    }
  }
}
