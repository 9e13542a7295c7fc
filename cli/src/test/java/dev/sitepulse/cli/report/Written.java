package dev.sitepulse.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A report as the terminal's table and as JSON, for tests that read what a user gets. */
final class Written {
  private Written() {}

  static String table(Report report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableReport.write(report, new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  static JsonNode json(Report report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonReport.write(report, out);
    return new ObjectMapper().readTree(out.toByteArray());
  }
}
