package dev.sitepulse.pinger.format;

import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.RunSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * RFC 4180 CSV with a header row ({@link CsvRows}): one row per check, times in milliseconds, text
 * cells as {@link CsvText#cell} makes them. The values are the last attempt's, with how many attempts
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

  private final PrintStream out;

  CsvWriter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void finish(List<CheckResult> results, RunSummary summary) {
    StringWriter text = new StringWriter();
    try (CsvRows csv = CsvRows.to(text, COLUMNS)) {
      for (CheckResult result : results) {
        csv.startRow();
        for (Object value : values(Row.of(result))) {
          write(csv, value);
        }
        csv.endRow();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen writing to a string", e);
    }
    out.print(text);
    out.flush();
  }

  private static void write(CsvRows csv, Object value) throws IOException {
    if (value == null) {
      csv.empty();
    } else if (value instanceof BigDecimal d) {
      csv.number(d);
    } else if (value instanceof Long || value instanceof Integer) {
      csv.number(((Number) value).longValue());
    } else { // a name, a URL or a message may come from anyone: none may run as a formula or an escape
      csv.text(value.toString());
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
