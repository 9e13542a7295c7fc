package dev.sitepulse.cli.watch;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.Phases;
import dev.sitepulse.pinger.format.JsonOutput;
import dev.sitepulse.pinger.watch.TargetStatus;
import dev.sitepulse.pinger.watch.Watch;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The body of {@code /status}: every target's current state and latest result that counts, as
 * JSON, and when a check sitepulse could not start came after it.
 */
final class StatusJson {

  private StatusJson() {}

  static String render(Watch watch, Instant startedAt) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JsonOutput.generator(out)) {
      g.writeStartObject();
      g.writeStringField("started_at", startedAt.toString());
      g.writeNumberField("checks", watch.checksTotal());
      g.writeNumberField("skipped", watch.skippedTotal());
      g.writeArrayFieldStart("targets");
      for (TargetStatus s : watch.statuses()) {
        target(g, s);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }

  private static void target(JsonGenerator g, TargetStatus s) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", s.name());
    g.writeStringField("url", s.target().target().url());
    g.writeStringField("group", s.target().target().group());
    g.writeStringField("state", s.state().name());
    g.writeStringField("since", s.since() == null ? null : s.since().toString());
    g.writeNumberField("interval_seconds", s.target().interval().toMillis() / 1000.0);
    g.writeNumberField("checks", s.checks());
    g.writeNumberField("skipped", s.skipped());
    CheckResult last = s.last();
    if (last == null) {
      g.writeNullField("last");
    } else {
      g.writeObjectFieldStart("last");
      Instant at = last.attempts().get(0).startedAt();
      g.writeStringField("at", at == null ? null : at.toString());
      g.writeStringField("verdict", last.verdict().name());
      g.writeStringField("error_kind", last.errorKind() == null ? null : last.errorKind().name());
      if (last.status() > 0) {
        g.writeNumberField("status", last.status());
      } else {
        g.writeNullField("status");
      }
      g.writeNumberField("total_ms", Phases.millis(last.phases().totalNanos()));
      g.writeStringField("message", last.message());
      g.writeEndObject();
    }
    // last is the latest check that counts; one sitepulse could not start since is only dated.
    g.writeStringField("not_started_at", s.notStartedAt() == null ? null : s.notStartedAt().toString());
    g.writeEndObject();
  }
}
