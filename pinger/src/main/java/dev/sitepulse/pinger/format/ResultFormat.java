package dev.sitepulse.pinger.format;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

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

  /** Parses a format name without regard to case, naming the choices when it is unknown. */
  public static ResultFormat parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown format \"" + name + "\" (choose one of " + choices() + ")");
    }
  }

  public static String choices() {
    return Arrays.stream(values())
        .map(f -> f.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
