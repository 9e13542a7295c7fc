package dev.sitepulse.pinger.format;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.RunSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * RFC 4180 CSV with a header row: one row per check, times in milliseconds, text cells as
 * {@link CsvText#formulaSafe} makes them. The values are the last attempt's, with how many attempts
 * the check made, as the table's reason and the JSON's list of attempts tell.
 */
final class CsvWriter implements ResultWriter {

  private static final List<String> COLUMNS =
      List.of(
          "name", "group", "url", "verdict", "error_kind", "status",
          "total_ms", "dns_ms", "connect_ms", "tls_ms", "processing_ms", "transfer_ms",
          "bytes", "redirects", "final_url", "message",
          // Added last, so that the columns before keep their places in the scripts that read them.
          "attempts");

  // Streaming through CsvFactory keeps Jackson's databind layer out of a short run's start-up.
  // Strict quoting: by default Jackson quotes every string over 24 characters, needed or not.
  private static final CsvFactory FACTORY =
      CsvFactory.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
          .build();

  private static final CsvSchema SCHEMA =
      CsvSchema.builder()
          .addColumns(COLUMNS, CsvSchema.ColumnType.STRING)
          .setUseHeader(true)
          .setLineSeparator("\r\n")
          .build();

  private final PrintStream out;

  CsvWriter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void finish(List<CheckResult> results, RunSummary summary) {
    StringWriter text = new StringWriter();
    try (CsvGenerator csv = FACTORY.createGenerator(text)) {
      csv.setSchema(SCHEMA);
      for (CheckResult result : results) {
        csv.writeStartArray();
        for (Object value : values(Row.of(result))) {
          write(csv, value);
        }
        csv.writeEndArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen writing to a string", e);
    }
    out.print(text);
    out.flush();
  }

  private static void write(CsvGenerator csv, Object value) throws IOException {
    if (value == null) {
      csv.writeNull();
    } else if (value instanceof BigDecimal d) {
      csv.writeNumber(d);
    } else if (value instanceof Long || value instanceof Integer) {
      csv.writeNumber(((Number) value).longValue());
    } else { // a name, a URL or a message may come from anyone: none may run as a formula
      csv.writeString(CsvText.formulaSafe(value.toString()));
    }
  }

  /** The row's values in the order of {@link #COLUMNS}. */
  private static Object[] values(Row r) {
    TimingsMs t = r.timings();
    return new Object[] {
      r.name(), r.group(), r.url(), r.verdict(), r.errorKind(), r.status(),
      t.total(), t.dns(), t.connect(), t.tls(), t.processing(), t.transfer(),
      r.bytes(), r.redirects(), r.finalUrl(), r.message(), r.attempts()
    };
  }
}
