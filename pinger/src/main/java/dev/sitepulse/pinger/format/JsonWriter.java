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
 * check, printed as soon as it completes so a pipe sees progress.
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
      writeSummary(g, summary);
      g.writeArrayFieldStart("results");
      for (CheckResult result : results) {
        ResultJson.write(g, result);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
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
