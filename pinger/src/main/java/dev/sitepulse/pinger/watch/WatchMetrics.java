package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.format.Exposition;
import dev.sitepulse.pinger.format.PrometheusWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The watch's {@code /metrics}: ping's probe_* families for each target's latest result that
 * counts ({@link TargetStatus#last}), so blackbox_exporter dashboards work, then the watch's own
 * state, counters and scheduler lag.
 */
public final class WatchMetrics {

  private static final String TARGET = "target";

  private WatchMetrics() {}

  public static String render(Watch watch) {
    List<TargetStatus> statuses = watch.statuses();
    List<CheckResult> latest = new ArrayList<>();
    for (TargetStatus s : statuses) {
      if (s.last() != null) {
        latest.add(s.last());
      }
    }
    Exposition e = new Exposition();
    PrometheusWriter.appendProbes(e, latest);

    e.gauge("sitepulse_state", "State of the target: 0 UP, 1 DEGRADED, 2 DOWN, 3 UNKNOWN");
    for (TargetStatus s : statuses) {
      e.sample("sitepulse_state", Exposition.number(s.state().code()), TARGET, s.name());
    }
    e.counter("sitepulse_checks_total", "Checks made and recorded since the watch started");
    for (TargetStatus s : statuses) {
      e.sample("sitepulse_checks_total", Exposition.number(s.checks()), TARGET, s.name());
    }
    e.counter("sitepulse_checks_skipped_total",
        "Ticks skipped because the target's previous check was still running, or the history lagged");
    for (TargetStatus s : statuses) {
      e.sample("sitepulse_checks_skipped_total", Exposition.number(s.skipped()), TARGET, s.name());
    }
    Map<String, Boolean> circuits = watch.circuitsHeldBack();
    if (!circuits.isEmpty()) {
      e.gauge("sitepulse_circuit_open",
          "1 while the circuit of a host and port holds its checks back: its last checks could not reach it");
      circuits.forEach((host, open) -> e.sample("sitepulse_circuit_open", open ? "1" : "0", "host", host));
    }
    lag(e, watch.lag());
    e.counter("sitepulse_alerts_delivered_total", "Alert deliveries webhooks accepted");
    e.sample("sitepulse_alerts_delivered_total", Exposition.number(watch.alerter().deliveredCount()));
    e.counter("sitepulse_alerts_failed_total",
        "Alert deliveries that failed: out of retries, refused by a full queue, or cut short by a stop");
    e.sample("sitepulse_alerts_failed_total", Exposition.number(watch.alerter().failedCount()));
    e.counter("sitepulse_alerts_replaced_total",
        "Alerts not sent to a webhook because a later alert of their target replaced them while it was busy");
    e.sample("sitepulse_alerts_replaced_total", Exposition.number(watch.alerter().replacedCount()));
    e.gauge("sitepulse_history_backlog", "Records waiting to be written to the history");
    e.sample("sitepulse_history_backlog", Exposition.number(watch.history().backlog()));
    e.counter("sitepulse_history_written_total", "Records written to the history since the watch started");
    e.sample("sitepulse_history_written_total", Exposition.number(watch.history().written()));
    return e.toString();
  }

  private static void lag(Exposition e, LagRecorder lag) {
    String name = "sitepulse_scheduler_lag_seconds";
    e.summary(name, "How late scheduled ticks fired, to the millisecond; quantiles of the last 10 minutes");
    for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
      e.sample(name, Exposition.number(lag.quantileSeconds(q)), "quantile", Double.toString(q));
    }
    e.sample(name + "_sum", Exposition.number(lag.sumSeconds()));
    e.sample(name + "_count", Exposition.number(lag.count()));
    e.gauge("sitepulse_scheduler_lag_max_seconds", "The latest any tick fired in the last 10 minutes");
    e.sample("sitepulse_scheduler_lag_max_seconds", Exposition.number(lag.maxSeconds()));
  }
}
