package dev.sitepulse.pinger.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.history.SqliteHistory;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchMetricsTest {

  private static final Pattern SAMPLE = Pattern.compile("([a-z_]+)(\\{[^}]*})? (\\S+)");

  @TempDir Path dir;

  /** sample line without value → value; fails on any line that is neither a sample nor HELP/TYPE. */
  private static Map<String, Double> samples(String text) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      assertThat(m.matches()).as("a sample line: %s", line).isTrue();
      out.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
    }
    return out;
  }

  /** Targets of these names, checked hourly, so only checkNow checks them; changes after one result. */
  private static WatchPlan plan(String... names) {
    List<WatchedTarget> targets = new ArrayList<>();
    for (String name : names) {
      targets.add(new WatchedTarget(new Target(name, null, "http://127.0.0.1:9/" + name, null, null, null, null, 0, null),
          Duration.ofHours(1)));
    }
    return new WatchPlan(targets, PingSettings.DEFAULTS, new Thresholds(1, 1), null, List.of());
  }

  @Test
  void metricsCarryTheProbeSeriesPerTargetAndTheWatchsOwn() {
    Vertx vertx = Vertx.vertx();
    FakeChecks checks = new FakeChecks();
    try (SqliteHistory history = SqliteHistory.open(dir, Duration.ofDays(1), Clock.systemUTC());
        Alerter alerter = new Alerter(List.of(), Alerter.Listener.NONE, Duration.ofMillis(1))) {
      Watch w = Watch.start(vertx, plan("up", "down"), checks, history, alerter, FirstTicks.at(i -> i));
      w.checkNow("up").join();
      checks.verdict = Verdict.DOWN;
      w.checkNow("down").join();
      w.checkNow("down").join();

      String text = WatchMetrics.render(w);
      Map<String, Double> s = samples(text);

      assertThat(text).contains("# TYPE probe_success gauge\n", "# TYPE sitepulse_checks_total counter\n",
          "# TYPE sitepulse_scheduler_lag_seconds summary\n");
      assertThat(s).containsEntry("probe_success{target=\"up\"}", 1.0)
          .containsEntry("probe_success{target=\"down\"}", 0.0)
          .containsEntry("probe_http_status_code{target=\"down\"}", 500.0)
          .containsEntry("sitepulse_state{target=\"up\"}", 0.0)
          .containsEntry("sitepulse_state{target=\"down\"}", 2.0)
          .containsEntry("sitepulse_checks_total{target=\"up\"}", 1.0)
          .containsEntry("sitepulse_checks_total{target=\"down\"}", 2.0)
          .containsEntry("sitepulse_checks_skipped_total{target=\"down\"}", 0.0)
          .containsKey("sitepulse_scheduler_lag_seconds{quantile=\"0.99\"}")
          .containsKey("sitepulse_scheduler_lag_seconds_count")
          .containsEntry("sitepulse_alerts_failed_total", 0.0)
          .containsEntry("sitepulse_alerts_replaced_total", 0.0)
          .containsKey("sitepulse_history_backlog");
      w.stop().join();
    } finally {
      vertx.close().await();
    }
  }

  /** What a dashboard alerting on probe_success sees, most often while a watch is stopping. */
  @Test
  void aCheckSitepulseCouldNotStartLeavesTheProbesAndStatusAtTheLatestCheckThatCounts() {
    Vertx vertx = Vertx.vertx();
    FakeChecks checks = new FakeChecks();
    try (SqliteHistory history = SqliteHistory.open(dir, Duration.ofDays(1), Clock.systemUTC());
        Alerter alerter = new Alerter(List.of(), Alerter.Listener.NONE, Duration.ofMillis(1))) {
      Watch w = Watch.start(vertx, plan("up"), checks, history, alerter, FirstTicks.at(i -> i));
      w.checkNow("up").join();
      checks.answer = Results::notStarted;
      TargetStatus status = w.checkNow("up").join();

      assertThat(samples(WatchMetrics.render(w))).containsEntry("probe_success{target=\"up\"}", 1.0)
          .containsEntry("probe_http_status_code{target=\"up\"}", 200.0)
          .containsEntry("sitepulse_state{target=\"up\"}", 0.0)
          .containsEntry("sitepulse_checks_total{target=\"up\"}", 2.0);
      assertThat(status.last().verdict()).isEqualTo(Verdict.UP);
      assertThat(status.notStartedAt()).as("said apart").isNotNull();

      checks.answer = null;
      assertThat(w.checkNow("up").join().notStartedAt()).as("a check that counts since").isNull();
      w.stop().join();
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void aHostWhoseChecksTheCircuitHoldsBackIsShownAsOpen() throws Exception {
    Vertx vertx = Vertx.vertx();
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    PingSettings settings = PingSettings.DEFAULTS
        .withCircuitBreaker(new dev.sitepulse.pinger.CircuitBreakerSettings(2, Duration.ofMinutes(5)));
    try (SqliteHistory history = SqliteHistory.open(dir, Duration.ofDays(1), Clock.systemUTC());
        Alerter alerter = new Alerter(List.of(), Alerter.Listener.NONE, Duration.ofMillis(1));
        PingerSource source = new PingerSource(settings)) {
      WatchPlan plan = new WatchPlan(List.of(new WatchedTarget(
          new Target("gone", null, "http://127.0.0.1:" + port + "/", null, null, null, null, 0, null),
          Duration.ofHours(1))), settings, new Thresholds(1, 1), null, List.of());
      Watch w = Watch.start(vertx, plan, source, history, alerter, FirstTicks.at(i -> i));
      for (int i = 0; i < 3; i++) {
        w.checkNow("gone").join();
      }

      String text = WatchMetrics.render(w);

      assertThat(text).contains("# TYPE sitepulse_circuit_open gauge\n");
      assertThat(samples(text)).containsEntry("sitepulse_circuit_open{host=\"127.0.0.1:" + port + "\"}", 1.0);
      w.stop().join();
    } finally {
      vertx.close().await();
    }
  }
}
