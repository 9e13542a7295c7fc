package dev.sitepulse.pinger.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.history.PendingAlertRecord;
import dev.sitepulse.pinger.history.SqliteHistory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** At least once: an alert a watch was killed while delivering is sent when the next one starts. */
class UndeliveredAlertsTest {

  @RegisterExtension
  static WireMockExtension receiver = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;

  private static Alert downAt(Instant at) {
    return new Alert(Alert.Kind.CHANGE, "shop", "http://shop.example/", "web", State.UP, State.DOWN, at,
        at, Duration.ofHours(2), Verdict.DOWN, 500, "condition failed");
  }

  private static Webhook hook(String url) {
    return new Webhook(url, Webhook.Format.JSON, Duration.ofSeconds(60), 3, Map.of());
  }

  private SqliteHistory history() {
    return SqliteHistory.open(dir, Duration.ofDays(30), CLOCK);
  }

  @Test
  void anAlertAWatchWasKilledWhileDeliveringIsSentOnceByTheNextWatchWithItsOriginalTextAndTime() throws Exception {
    Alert alert = downAt(NOW.minusSeconds(6));
    // A webhook that takes the connection and never answers: the delivery is under way at the kill.
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      SqliteHistory first = history();
      Alerter killed = new Alerter(List.of(hook("http://127.0.0.1:" + silent.getLocalPort() + "/hook")),
          Alerter.Listener.recordingTo(first, CLOCK), Duration.ofMillis(1));
      killed.alert(alert);
      first.flush().join();
      assertThat(first.reader().pendingAlerts()).as("pending before it is posted").hasSize(1);
      // kill -9: nothing the watch would write after this point reaches the file.
      first.close();
      killed.close();
    }
    receiver.stubFor(post("/hook").willReturn(ok()));

    try (SqliteHistory second = history();
        Alerter restarted = new Alerter(List.of(hook("http://127.0.0.1:" + receiver.getPort() + "/hook")),
            Alerter.Listener.recordingTo(second, CLOCK), Duration.ofMillis(1))) {
      assertThat(restarted.resendUndelivered(second.reader(), CLOCK)).isEqualTo(1);
      restarted.idle().join();
      second.flush().join();

      receiver.verify(1, postRequestedFor(urlEqualTo("/hook"))
          .withRequestBody(matchingJsonPath("$.text", equalTo(alert.text())))
          .withRequestBody(matchingJsonPath("$.at", equalTo(alert.at().toString()))));
      assertThat(second.reader().pendingAlerts()).as("delivered: no longer pending").isEmpty();
      assertThat(second.reader().lastAlerts()).containsKey("shop");
    }
    try (SqliteHistory third = history();
        Alerter again = new Alerter(List.of(hook("http://127.0.0.1:" + receiver.getPort() + "/hook")),
            Alerter.Listener.recordingTo(third, CLOCK), Duration.ofMillis(1))) {
      assertThat(again.resendUndelivered(third.reader(), CLOCK)).as("sent once, not at every start").isZero();
    }
    receiver.verify(1, postRequestedFor(urlEqualTo("/hook")));
  }

  /** The history keeps milliseconds: a receiver that drops the second copy by target and time must find the same time. */
  @Test
  void aResentAlertIsPostedAsTheFirstWasToTheByteTimesIncluded() {
    Alert alert = downAt(NOW.minusSeconds(6).plusNanos(123_456_789));
    try (SqliteHistory h = history()) {
      h.append(PendingAlerts.record(alert, false));
      h.flush().join();

      Alert resent = PendingAlerts.alert(h.reader().pendingAlerts().get(0));

      assertThat(new String(WebhookPayload.of(Webhook.Format.JSON, resent), StandardCharsets.UTF_8))
          .isEqualTo(new String(WebhookPayload.of(Webhook.Format.JSON, alert), StandardCharsets.UTF_8));
    }
  }

  @Test
  void anUndeliveredAlertOlderThanAnHourIsNotSentAndNoLongerPending() {
    try (SqliteHistory first = history()) {
      Alerter.Listener.recordingTo(first, CLOCK).sending(downAt(NOW.minus(Alerter.RESEND_WITHIN).minusSeconds(1)));
    }
    restartSendsNothingAndLeavesNothingPending();
  }

  @Test
  void aPendingAlertThisVersionCannotReadIsDroppedNotKeptForEveryStart() {
    try (SqliteHistory first = history()) {
      first.append(new PendingAlertRecord("shop", "http://shop.example/", "web", "ESCALATION", "UP", "DOWN", NOW, NOW,
          null, "DOWN", 500, "condition failed", false)); // a later version's kind of alert
    }
    restartSendsNothingAndLeavesNothingPending();
  }

  /** A watch started over the history, its webhook answering, sends none of it and settles all of it. */
  private void restartSendsNothingAndLeavesNothingPending() {
    receiver.stubFor(post("/hook").willReturn(ok()));
    try (SqliteHistory second = history();
        Alerter restarted = new Alerter(List.of(hook("http://127.0.0.1:" + receiver.getPort() + "/hook")),
            Alerter.Listener.recordingTo(second, CLOCK), Duration.ofMillis(1))) {
      assertThat(restarted.resendUndelivered(second.reader(), CLOCK)).isZero();
      restarted.idle().join();
      second.flush().join();

      assertThat(second.reader().pendingAlerts()).isEmpty();
    }
    receiver.verify(0, postRequestedFor(urlEqualTo("/hook")));
  }

  @Test
  void anAlertDeliveredOrFailedIsNoLongerPendingSoNoLaterWatchSendsItAgain() {
    receiver.stubFor(post("/hook").willReturn(ok()));
    try (SqliteHistory h = history();
        Alerter alerter = new Alerter(List.of(hook("http://127.0.0.1:" + receiver.getPort() + "/hook"),
            new Webhook("http://127.0.0.1:1/nobody", Webhook.Format.JSON, Duration.ofSeconds(5), 0, Map.of())),
            Alerter.Listener.recordingTo(h, CLOCK), Duration.ofMillis(1))) {
      alerter.alert(downAt(NOW));
      alerter.idle().join();
      h.flush().join();

      assertThat(h.reader().pendingAlerts()).isEmpty();
    }
  }
}
