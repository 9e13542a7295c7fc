package dev.sitepulse.pinger.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.history.SqliteHistory;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watch stopped and started again leaves a gap in its target's checks, which report counts as
 * neither up nor down; so does an alert's "was UP for". Checks are made by hand on a clock the test
 * moves, one second apart, with canned results dated by it; the history and the webhook are real.
 */
class AlertsAcrossAGapTest {

  @RegisterExtension
  static WireMockExtension receiver = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  @TempDir Path dir;

  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Target TOGGLE = new Target("toggle", null, "http://127.0.0.1:9/toggle", null, null, null, null,
      0, null);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final Vertx vertx = Vertx.vertx();
  private volatile boolean failing;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  /** The results a watch gets: UP or DOWN as the test says, dated by its clock. */
  private CompletableFuture<CheckResult> check(Target t) {
    return CompletableFuture.completedFuture(failing ? Results.down(t, clock.instant()) : Results.up(t, clock.instant()));
  }

  /** Runs a watch of TOGGLE over the folder's history for {@code checks} checks a second apart, then stops it. */
  private void watch(int checks) {
    receiver.stubFor(post("/hook").willReturn(ok()));
    Webhook hook = new Webhook("http://127.0.0.1:" + receiver.getPort() + "/hook", Webhook.Format.JSON,
        Webhook.DEFAULT_TIMEOUT, 0, Map.of());
    WatchPlan plan = new WatchPlan(List.of(new WatchedTarget(TOGGLE, SECOND)), PingSettings.DEFAULTS,
        Thresholds.DEFAULT, null, List.of(hook));
    try (SqliteHistory history = SqliteHistory.open(dir, Duration.ofDays(30), clock);
        Alerter alerter = new Alerter(plan.webhooks(), Alerter.Listener.NONE, Duration.ofMillis(10))) {
      Watch w = Watch.start(vertx, plan, this::check, history, alerter,
          new Watch.Options(clock, (interval, targets) -> Duration.ofHours(1).toMillis(), 100_000));
      for (int i = 0; i < checks; i++) {
        w.checkNow(TOGGLE.name()).join();
        clock.advance(SECOND);
      }
      w.stop().join();
      alerter.idle().join();
    }
  }

  private String lastAlertText() throws Exception {
    var posts = receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
    assertThat(posts).isNotEmpty();
    return new ObjectMapper().readTree(posts.get(posts.size() - 1).getBodyAsString()).get("text").asText();
  }

  @Test
  void aWatchStartedAgainAfterAPauseCountsNoneOfThePauseInHowLongTheTargetWasUp() throws Exception {
    watch(10); // UP from 0s; checks at 0 to 9s
    clock.advance(Duration.ofSeconds(9)); // stopped from 10s to 19s
    watch(10); // checks at 19 to 28s
    failing = true;
    watch(3); // DOWN from 29s

    // As report has it: UP from 0s to one interval past the last check before the gap (10s), and
    // from 19s to 29s; the 9 seconds between are neither.
    assertThat(lastAlertText()).isEqualTo("toggle (http://127.0.0.1:9/toggle) is DOWN (was UP for 20s): HTTP 500 DOWN,"
        + " condition failed: [STATUS] (500) < 400");
  }
}
