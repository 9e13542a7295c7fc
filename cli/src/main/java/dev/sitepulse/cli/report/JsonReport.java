package dev.sitepulse.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sitepulse.pinger.format.JsonOutput;
import dev.sitepulse.pinger.history.CheckOutcome;
import dev.sitepulse.pinger.history.DeliveryRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The report as one JSON document: every figure, unrounded, for scripts. */
final class JsonReport {

  private JsonReport() {}

  static void write(Report r, OutputStream out) throws IOException {
    write(r, null, out);
  }

  /**
   * @param r the watch history's report, or null
   * @param site the crawl's, or null
   */
  static void write(Report r, SiteReport site, OutputStream out) throws IOException {
    JsonOutput.pretty(out, g -> {
      g.writeStartObject();
      if (r != null) {
        history(g, r);
      }
      if (site != null) {
        SiteJson.write(g, site);
      }
      g.writeEndObject();
    });
  }

  private static void history(JsonGenerator g, Report r) throws IOException {
    g.writeStringField("since", r.since().toString());
    g.writeStringField("until", r.until().toString());
    g.writeBooleanField("starts_at_history", r.coversWholeHistory());
    g.writeNumberField("checks", r.checks());
    g.writeNumberField("held_back", r.availability().heldBack());
    g.writeNumberField("not_started", r.availability().notStarted());
    writePercent(g, "availability_percent", r.availability());
    g.writeArrayFieldStart("targets");
    for (TargetReport t : r.targets()) {
      target(g, t, r.since());
    }
    g.writeEndArray();
    g.writeArrayFieldStart("failed_alerts");
    for (DeliveryRecord d : r.failedAlerts()) {
      g.writeStartObject();
      g.writeStringField("target", d.target());
      g.writeStringField("at", d.at().toString());
      g.writeStringField("kind", d.kind());
      g.writeStringField("sink", d.sink());
      g.writeNumberField("attempts", d.attempts());
      g.writeStringField("error", d.error());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void target(JsonGenerator g, TargetReport t, Instant since) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", t.name());
    g.writeStringField("url", t.url());
    g.writeStringField("group", t.group());
    g.writeStringField("state", t.state());
    writeTime(g, "checks_stopped_at", t.checksStopped());
    g.writeNumberField("checks", t.checks());
    g.writeNumberField("held_back", t.availability().heldBack());
    g.writeNumberField("not_started", t.availability().notStarted());
    writePercent(g, "availability_percent", t.availability());
    counts(g, "verdicts", t.verdicts());
    g.writeObjectFieldStart("incidents");
    g.writeNumberField("count", t.incidents().size());
    g.writeNumberField("total_seconds", seconds(t.downtime()));
    g.writeArrayFieldStart("list");
    for (Incident i : t.incidents()) {
      g.writeStartObject();
      g.writeStringField("start", i.start().toString());
      writeTime(g, "end", i.end());
      g.writeBooleanField("ongoing", i.ongoing());
      writeTime(g, "checks_stopped_at", i.checksStopped());
      writeTime(g, "checks_resumed_at", i.checksResumed());
      g.writeNumberField("seconds", seconds(i.duration()));
      g.writeNumberField("whole_seconds", seconds(Figures.wholeLength(i, since)));
      g.writeNumberField("failed_checks", i.failed().count());
      counts(g, "failure_kinds", i.failed().kinds());
      outcome(g, "first_failure", i.failed().first());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    latency(g, "latency_ms", t.latency());
    counts(g, "status_codes", t.statuses());
    counts(g, "error_kinds", t.errors());
    writeTime(g, "tls_expiry", t.tlsExpiry());
    outcome(g, "last_check", t.lastCheck());
    g.writeEndObject();
  }

  /**
   * A check's outcome, its message as recorded (null for UP), its status null when no response
   * came; null when there is none.
   */
  private static void outcome(JsonGenerator g, String name, CheckOutcome o) throws IOException {
    if (o == null) {
      g.writeNullField(name);
      return;
    }
    g.writeObjectFieldStart(name);
    g.writeStringField("at", o.at().toString());
    g.writeStringField("verdict", o.verdict().name());
    g.writeStringField("error_kind", o.errorKind() == null ? null : o.errorKind().name());
    if (o.status() > 0) {
      g.writeNumberField("status", o.status());
    } else {
      g.writeNullField("status"); // no response: null, as in ping's json and the webhook's, not 0
    }
    g.writeStringField("message", o.message());
    g.writeEndObject();
  }

  /** Every field with or without a latency, null without, so that one schema reads both. */
  static void latency(JsonGenerator g, String name, Latency l) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeNumberField("count", l.count());
    boolean some = l.count() > 0;
    number(g, "min", some, l.min());
    number(g, "mean", some, l.mean());
    number(g, "p50", some, l.p50());
    number(g, "p90", some, l.p90());
    number(g, "p95", some, l.p95());
    number(g, "p99", some, l.p99());
    number(g, "p999", some, l.p999());
    number(g, "max", some, l.max());
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String name, boolean known, double value) throws IOException {
    if (known) {
      g.writeNumberField(name, value);
    } else {
      g.writeNullField(name);
    }
  }

  static void counts(JsonGenerator g, String name, Map<?, Long> counts) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<?, Long> e : counts.entrySet()) {
      g.writeNumberField(e.getKey().toString(), e.getValue());
    }
    g.writeEndObject();
  }

  private static void writePercent(JsonGenerator g, String name, Availability a) throws IOException {
    if (a.known()) {
      g.writeNumberField(name, a.percent());
    } else {
      g.writeNullField(name);
    }
  }

  private static void writeTime(JsonGenerator g, String name, Instant t) throws IOException {
    g.writeStringField(name, t == null ? null : t.toString());
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
