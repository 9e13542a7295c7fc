package dev.sitepulse.pinger.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Rate;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.history.HistoryQuery;
import dev.sitepulse.pinger.history.SqliteHistory;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check waiting out a server's Retry-After (up to 5 min) when the watch stops: the stop waits
 * only for timeouts and back-offs, so the check must end at once with the attempt it made, or its
 * result is lost.
 */
class StopWhileRetryingTest {
  private static final Duration LIMIT = Duration.ofSeconds(10);
  private static final PingSettings SETTINGS = PingSettings.DEFAULTS.withRatePerHost(Rate.UNLIMITED);

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  @TempDir Path dir;

  @BeforeEach
  void maintenanceForAMinute() {
    site.stubFor(get("/maintenance").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "60")));
  }

  private static Target maintenance() {
    return Target.of("http://127.0.0.1:" + site.getPort() + "/maintenance").withTimeout(Duration.ofSeconds(2))
        .withRetries(2);
  }

  private static boolean requested() {
    return !site.findAll(getRequestedFor(urlEqualTo("/maintenance"))).isEmpty();
  }

  @Test
  void stoppingTheWatchRecordsTheCheckWaitingOutRetryAfter() throws Exception {
    Vertx vertx = Vertx.vertx();
    SqliteHistory history = SqliteHistory.open(dir, Duration.ofDays(30), Clock.systemUTC());
    Alerter alerter = new Alerter(List.of(), Alerter.Listener.NONE, Duration.ofMillis(10));
    try (PingerSource source = new PingerSource(SETTINGS)) {
      WatchPlan plan = new WatchPlan(List.of(new WatchedTarget(maintenance(), Duration.ofMinutes(10))), SETTINGS,
          Thresholds.DEFAULT, null, List.of());
      Watch w = Watch.start(vertx, plan, source, history, alerter, Watch.Options.DEFAULT.withInitialOffset(i -> 1));
      Eventually.await(LIMIT, "the first attempt", StopWhileRetryingTest::requested);

      w.stop().get(5, TimeUnit.SECONDS);
      history.flush().join();

      assertThat(history.countChecks(HistoryQuery.between(Instant.EPOCH, Instant.now().plusSeconds(60))))
          .isEqualTo(1);
    } finally {
      alerter.close();
      history.close();
      vertx.close().await();
    }
  }

  @Test
  void aStopReachesACheckOnThePingerAReloadReplaced() throws Exception {
    try (PingerSource source = new PingerSource(SETTINGS)) {
      CompletableFuture<CheckResult> underWay = source.check(maintenance());
      Eventually.await(LIMIT, "the first attempt", StopWhileRetryingTest::requested);
      source.update(SETTINGS.withConcurrency(8));

      source.stopRetrying();

      assertThat(underWay.get(5, TimeUnit.SECONDS).attempts()).hasSize(1);
    }
  }
}
