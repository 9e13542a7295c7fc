package dev.sitepulse.pinger.format;

/**
 * Builds Prometheus text exposition format 0.0.4: metric families, each announced once by
 * {@code # HELP} and {@code # TYPE} and followed by its samples. Shared by {@code ping --format
 * prometheus} and the {@code /metrics} endpoint of {@code watch}.
 */
public final class Exposition {

  private final StringBuilder text = new StringBuilder();

  /** Starts a family; every sample up to the next call must belong to it. */
  public void gauge(String name, String help) {
    family(name, help, "gauge");
  }

  /** Starts a family of counters, whose names end in {@code _total}. */
  public void counter(String name, String help) {
    family(name, help, "counter");
  }

  /** Starts a summary: samples {@code name{quantile="..."}}, {@code name_sum} and {@code name_count}. */
  public void summary(String name, String help) {
    family(name, help, "summary");
  }

  private void family(String name, String help, String type) {
    text.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
    text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  /** @param labels name, value, name, value... */
  public void sample(String name, String value, String... labels) {
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

  public static String number(double value) {
    return Double.toString(value);
  }

  public static String number(long value) {
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
