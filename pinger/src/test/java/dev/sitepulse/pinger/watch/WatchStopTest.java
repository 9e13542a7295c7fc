package dev.sitepulse.pinger.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Rate;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.history.HistoryCounts;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a stopping watch waits for: the checks under way, each at most its timeout. A check waiting
 * out a server's Retry-After (up to 30 s) must end at once with the attempt it made, or its result
 * is lost; a check still waiting for a slot has not been sent, and must not go out after the stop.
 */
class WatchStopTest {
  /** How long a step may take before it counts as hung: a bound for a loaded machine, not a speed goal. */
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  /**
   * How long a stop may take: the check under way's timeout and then some, on a loaded machine,
   * yet short of the Retry-After of 30 s, which a stop that waited it out would outlast (the
   * timeout and a second were a speed goal).
   */
  private static final Duration STOP_LIMIT = Duration.ofSeconds(20);
  private static final PingSettings SETTINGS = PingSettings.DEFAULTS.withRatePerHost(Rate.UNLIMITED);

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  @TempDir Path dir;

  /** Answers 503 with Retry-After: 30 at /maintenance, and nothing for 20 s at any other path. */
  private static Target target(String path, int retries) {
    site.stubFor(get(urlPathEqualTo("/maintenance"))
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")));
    if (!path.equals("/maintenance")) {
      site.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withFixedDelay(20_000)));
    }
    return Target.of("http://127.0.0.1:" + site.getPort() + path).withTimeout(TIMEOUT).withRetries(retries);
  }

  private static int requests() {
    return site.findAll(anyRequestedFor(anyUrl())).size();
  }

  /** Starts a watch of {@code targets}, stops it once the first request is in; returns the checks kept. */
  private long checksKeptByAStop(PingSettings settings, List<Target> targets) throws Exception {
    Vertx vertx = Vertx.vertx();
    SqliteHistory history = SqliteHistory.open(dir, Duration.ofDays(30), Clock.systemUTC());
    Alerter alerter = new Alerter(List.of(), Alerter.Listener.NONE, Duration.ofMillis(10));
    try (PingerSource source = new PingerSource(settings)) {
      WatchPlan plan = new WatchPlan(targets.stream().map(t -> new WatchedTarget(t, Duration.ofMinutes(10))).toList(),
          settings, Thresholds.DEFAULT, null, List.of());
      Watch w = Watch.start(vertx, plan, source, history, alerter, FirstTicks.at(i -> 1));
      Eventually.await(LIMIT, "the first request", () -> requests() > 0);

      w.stop().get(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      history.flush().join();

      return HistoryCounts.checks(history.reader(),
          new HistoryQuery(Instant.EPOCH, Instant.now().plusSeconds(60), null));
    } finally {
      alerter.close();
      history.close();
      vertx.close().await();
    }
  }

  @Test
  void stoppingTheWatchRecordsTheCheckWaitingOutRetryAfter() throws Exception {
    assertThat(checksKeptByAStop(SETTINGS, List.of(target("/maintenance", 2)))).isEqualTo(1);
  }

  @Test
  void aStoppingWatchSendsNoCheckThatWasStillWaitingForASlot() throws Exception {
    List<Target> hanging = List.of(target("/a", 0), target("/b", 0), target("/c", 0));

    // The check under way ends by its timeout; the two behind it must not be sent then.
    assertThat(checksKeptByAStop(SETTINGS.withConcurrency(1), hanging)).isEqualTo(1);
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void aStopReachesACheckOnThePingerAReloadReplaced() throws Exception {
    try (PingerSource source = new PingerSource(SETTINGS)) {
      CompletableFuture<CheckResult> underWay = source.check(target("/maintenance", 2));
      Eventually.await(LIMIT, "the first attempt", () -> requests() > 0);
      source.update(SETTINGS.withConcurrency(8));

      source.stopSending();

      assertThat(underWay.get(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS).attempts()).hasSize(1);
    }
  }
}
