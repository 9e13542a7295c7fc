package dev.sitepulse.pinger.format;

import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.Phases;
import dev.sitepulse.pinger.RunSummary;
import dev.sitepulse.pinger.TlsInfo;
import dev.sitepulse.pinger.Verdict;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * The metrics blackbox_exporter reports for an HTTP probe, with a {@code target} label naming the
 * check, so dashboards built for blackbox_exporter work on a textfile-collector drop of this output.
 * Values come from the last attempt, as the verdict does. Two gauges of its own follow, with no
 * labels: whether the run checked every target, and how many a stop left unchecked.
 */
public final class PrometheusWriter implements ResultWriter {

  private static final String TARGET = "target";

  private final PrintStream out;

  PrometheusWriter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void finish(List<CheckResult> results, RunSummary summary) {
    Exposition e = new Exposition();
    appendProbes(e, results);
    appendCompleteness(e, summary);
    out.print(e);
    out.flush();
  }

  /** The probe_* families for these results, one sample per result; watch's /metrics uses it too. */
  public static void appendProbes(Exposition e, List<CheckResult> results) {
    gauge(e, results, "probe_success", "Displays whether or not the probe was a success",
        r -> r.verdict() == Verdict.UP || r.verdict() == Verdict.DEGRADED ? "1" : "0");
    gauge(e, results, "probe_duration_seconds", "Returns how long the probe took to complete in seconds",
        r -> seconds(r.phases().totalNanos()));
    gauge(e, results, "probe_http_status_code", "Response HTTP status code",
        r -> Exposition.number(r.status()));
    durations(e, results);
    // As blackbox_exporter: the header, -1 without one; the body read is the uncompressed length.
    gauge(e, results, "probe_http_content_length", "Length of http content response",
        r -> Exposition.number(r.last().contentLength()));
    gauge(e, results, "probe_http_uncompressed_body_length", "Length of uncompressed response body",
        r -> Exposition.number(r.last().bodyBytes()));
    gauge(e, results, "probe_http_redirects", "The number of redirects",
        r -> Exposition.number(r.last().redirects()));
    certificateExpiry(e, results);
  }

  /**
   * Always there, so an alert can rest on it: a run a stop cut short has fewer targets, and its
   * probe_* families alone read as a whole run over those.
   */
  private static void appendCompleteness(Exposition e, RunSummary summary) {
    e.gauge("sitepulse_run_complete", "Whether the run checked every target (0: a signal stopped it first)");
    e.sample("sitepulse_run_complete", summary.complete() ? "1" : "0");
    e.gauge("sitepulse_run_unfinished_checks", "Checks the signal that stopped the run left without a result");
    e.sample("sitepulse_run_unfinished_checks", Exposition.number(summary.unfinished()));
  }

  private static void gauge(
      Exposition e, List<CheckResult> results, String name, String help, Function<CheckResult, String> value) {
    e.gauge(name, help);
    for (CheckResult r : results) {
      e.sample(name, value.apply(r), TARGET, r.target().name());
    }
  }

  private static void durations(Exposition e, List<CheckResult> results) {
    String name = "probe_http_duration_seconds";
    e.gauge(name, "Duration of http request by phase, summed over all redirects");
    for (CheckResult r : results) {
      Phases p = r.phases();
      String target = r.target().name();
      e.sample(name, seconds(p.dnsNanos()), TARGET, target, "phase", "resolve");
      e.sample(name, seconds(p.connectNanos()), TARGET, target, "phase", "connect");
      e.sample(name, seconds(p.tlsNanos()), TARGET, target, "phase", "tls");
      e.sample(name, seconds(p.processingNanos()), TARGET, target, "phase", "processing");
      e.sample(name, seconds(p.transferNanos()), TARGET, target, "phase", "transfer");
    }
  }

  /** Only targets that completed a handshake have a certificate; the family is left out when none did. */
  private static void certificateExpiry(Exposition e, List<CheckResult> results) {
    String name = "probe_ssl_earliest_cert_expiry";
    List<CheckResult> withTls =
        results.stream().filter(r -> r.last().tls() != null && r.last().tls().notAfter() != null).toList();
    if (withTls.isEmpty()) {
      return;
    }
    e.gauge(name, "Returns earliest SSL cert expiry in unixtime");
    for (CheckResult r : withTls) {
      TlsInfo tls = r.last().tls();
      e.sample(name, Exposition.number(tls.notAfter().getEpochSecond()), TARGET, r.target().name());
    }
  }

  private static String seconds(long nanos) {
    return Exposition.number(nanos / 1e9);
  }
}
