package dev.sitepulse.pinger.format;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sitepulse.pinger.Attempt;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.ConditionResult;
import dev.sitepulse.pinger.Hop;
import dev.sitepulse.pinger.TlsInfo;
import java.io.IOException;

/** Writes one check as a JSON object; shared by the json and jsonl formats. */
final class ResultJson {

  private ResultJson() {}

  static void write(JsonGenerator g, CheckResult result) throws IOException {
    Row row = Row.of(result);
    Attempt last = result.last();
    g.writeStartObject();
    g.writeStringField("name", row.name());
    g.writeStringField("group", row.group());
    g.writeStringField("url", row.url());
    g.writeStringField("verdict", row.verdict().name());
    g.writeStringField("error_kind", row.errorKind() == null ? null : row.errorKind().name());
    g.writeStringField("message", row.message());
    writeStatus(g, row.status());
    g.writeStringField("final_url", row.finalUrl());
    g.writeNumberField("redirects", row.redirects());
    g.writeNumberField("queued_ms", TimingsMs.millis(last.queued().toNanos()));
    writeTimings(g, row.timings());
    g.writeNumberField("bytes", row.bytes());
    g.writeBooleanField("body_truncated", last.bodyTruncated());
    g.writeStringField("remote_address", last.remoteAddress());
    writeTls(g, last.tls());
    g.writeArrayFieldStart("conditions");
    for (ConditionResult c : last.conditions()) {
      g.writeStartObject();
      g.writeStringField("condition", c.condition());
      g.writeBooleanField("success", c.success());
      g.writeStringField("description", c.description());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("hops");
    for (Hop hop : last.hops()) {
      g.writeStartObject();
      g.writeStringField("url", hop.url());
      writeStatus(g, Row.status(hop.status()));
      g.writeStringField("location", hop.location());
      writeTimings(g, TimingsMs.of(hop.phases()));
      g.writeEndObject();
    }
    g.writeEndArray();
    writeAttempts(g, result);
    g.writeEndObject();
  }

  /** Every attempt, so what the retries saw stays visible. */
  private static void writeAttempts(JsonGenerator g, CheckResult result) throws IOException {
    g.writeArrayFieldStart("attempts");
    for (Attempt a : result.attempts()) {
      g.writeStartObject();
      g.writeNumberField("number", a.number());
      g.writeStringField("started_at", a.startedAt() == null ? null : a.startedAt().toString());
      g.writeStringField("verdict", a.verdict().name());
      g.writeStringField("error_kind", a.errorKind() == null ? null : a.errorKind().name());
      g.writeStringField("message", a.message());
      writeStatus(g, Row.status(a.status()));
      g.writeNumberField("queued_ms", TimingsMs.millis(a.queued().toNanos()));
      g.writeNumberField("total_ms", TimingsMs.millis(a.phases().totalNanos()));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeStatus(JsonGenerator g, Integer status) throws IOException {
    if (status == null) {
      g.writeNullField("status");
    } else {
      g.writeNumberField("status", status);
    }
  }

  private static void writeTimings(JsonGenerator g, TimingsMs t) throws IOException {
    g.writeObjectFieldStart("timings_ms");
    g.writeNumberField("dns", t.dns());
    g.writeNumberField("connect", t.connect());
    g.writeNumberField("tls", t.tls());
    g.writeNumberField("processing", t.processing());
    g.writeNumberField("transfer", t.transfer());
    g.writeNumberField("total", t.total());
    g.writeEndObject();
  }

  private static void writeTls(JsonGenerator g, TlsInfo tls) throws IOException {
    if (tls == null) {
      g.writeNullField("tls");
      return;
    }
    g.writeObjectFieldStart("tls");
    g.writeStringField("version", tls.version());
    g.writeStringField("cipher", tls.cipherSuite());
    g.writeStringField("subject", tls.subject());
    g.writeStringField("issuer", tls.issuer());
    g.writeStringField("not_after", tls.notAfter() == null ? null : tls.notAfter().toString());
    g.writeEndObject();
  }
}
