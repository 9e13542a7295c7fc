package dev.sitepulse.pinger.format;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.RunSummary;
import dev.sitepulse.pinger.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * One JSON document of the summary and all results, or with {@code lines} one compact object per
 * check, printed as soon as it completes so a pipe sees progress. A jsonl stream a stop cut short
 * just ends, as a stream does; the exit code and stderr say so.
 */
final class JsonWriter implements ResultWriter {

  private final PrintStream out;
  private final boolean lines;

  JsonWriter(PrintStream out, boolean lines) {
    this.out = out;
    this.lines = lines;
  }

  @Override
  public void onResult(CheckResult result) {
    if (lines) {
      JsonOutput.compact(out, g -> ResultJson.write(g, result));
    }
  }

  @Override
  public void finish(List<CheckResult> results, RunSummary summary) {
    if (lines) {
      return;
    }
    JsonOutput.pretty(out, g -> {
      g.writeStartObject();
      writeCompleteness(g, summary);
      writeSummary(g, summary);
      g.writeArrayFieldStart("results");
      for (CheckResult result : results) {
        ResultJson.write(g, result);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /**
   * Whether every target was checked, first: a script that reads the counts and results of a run a
   * stop cut short would otherwise take them for the whole run.
   */
  private static void writeCompleteness(JsonGenerator g, RunSummary summary) throws IOException {
    g.writeBooleanField("complete", summary.complete());
    g.writeStringField("stopped_by", summary.stoppedBy());
    g.writeNumberField("unfinished", summary.unfinished());
  }

  private static void writeSummary(JsonGenerator g, RunSummary summary) throws IOException {
    g.writeObjectFieldStart("summary");
    g.writeNumberField("total", summary.total());
    for (Verdict v : Verdict.values()) {
      g.writeNumberField(v.name().toLowerCase(Locale.ROOT), summary.count(v));
    }
    g.writeNumberField("wall_ms", TimingsMs.millis(summary.wallTime().toNanos()));
    g.writeEndObject();
  }
}
