package dev.sitepulse.pinger.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.RunSummary;
import dev.sitepulse.pinger.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * One JSON document of the summary and all results, or with {@code lines} one compact object per
 * check, printed as soon as it completes so a pipe sees progress.
 */
final class JsonWriter implements ResultWriter {

  // Plain decimals: a timing of 100 ms must read 100, not 1E+2.
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private final PrintStream out;
  private final boolean lines;

  JsonWriter(PrintStream out, boolean lines) {
    this.out = out;
    this.lines = lines;
  }

  @Override
  public void onResult(CheckResult result) {
    if (lines) {
      out.println(render(false, g -> ResultJson.write(g, result)));
      out.flush();
    }
  }

  @Override
  public void finish(List<CheckResult> results, RunSummary summary) {
    if (lines) {
      return;
    }
    out.println(render(true, g -> {
      g.writeStartObject();
      writeSummary(g, summary);
      g.writeArrayFieldStart("results");
      for (CheckResult result : results) {
        ResultJson.write(g, result);
      }
      g.writeEndArray();
      g.writeEndObject();
    }));
    out.flush();
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

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** Renders to a string first so the text goes through the stream's own charset. */
  private static String render(boolean pretty, Body body) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(text)) {
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen writing to a string", e);
    }
    return text.toString();
  }
}
