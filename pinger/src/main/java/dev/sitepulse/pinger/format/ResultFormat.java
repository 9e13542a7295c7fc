package dev.sitepulse.pinger.format;

import java.io.PrintStream;

/** The output formats of {@code sitepulse ping}. */
public enum ResultFormat {
  TABLE,
  JSON,
  JSONL,
  CSV,
  PROMETHEUS,
  NAGIOS;

  /**
   * @param color whether ANSI colours may be used (only the table uses them, and only on a TTY)
   */
  public ResultWriter writer(PrintStream out, boolean color) {
    return switch (this) {
      case TABLE -> new TableWriter(out, color);
      case JSON -> new JsonWriter(out, false);
      case JSONL -> new JsonWriter(out, true);
      case CSV -> new CsvWriter(out);
      case PROMETHEUS -> new PrometheusWriter(out);
      case NAGIOS -> new NagiosWriter(out);
    };
  }
}
