package dev.sitepulse.pinger.format;

/**
 * Builds Prometheus text exposition format 0.0.4: metric families of gauges, each announced once
 * by {@code # HELP} and {@code # TYPE} and followed by its samples.
 */
final class Exposition {

  private final StringBuilder text = new StringBuilder();

  /** Starts a family; every sample up to the next call must belong to it. */
  void gauge(String name, String help) {
    text.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
    text.append("# TYPE ").append(name).append(" gauge\n");
  }

  /** @param labels name, value, name, value... */
  void sample(String name, String value, String... labels) {
    text.append(name);
    if (labels.length > 0) {
      text.append('{');
      for (int i = 0; i < labels.length; i += 2) {
        if (i > 0) {
          text.append(',');
        }
        text.append(labels[i]).append("=\"").append(escapeLabel(labels[i + 1])).append('"');
      }
      text.append('}');
    }
    text.append(' ').append(value).append('\n');
  }

  static String number(double value) {
    return Double.toString(value);
  }

  static String number(long value) {
    return Long.toString(value);
  }

  @Override
  public String toString() {
    return text.toString();
  }

  private static String escapeLabel(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String escapeHelp(String help) {
    return help.replace("\\", "\\\\").replace("\n", "\\n");
  }
}
