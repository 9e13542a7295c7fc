package dev.sitepulse.pinger;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request rate such as {@code 10/s}, {@code 90/m} or {@code 0.5/s}; {@link #UNLIMITED} turns
 * limiting off.
 */
public record Rate(double permits, Duration per) {

  public static final Rate UNLIMITED = new Rate(Double.POSITIVE_INFINITY, Duration.ofSeconds(1));

  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*(ms|s|m|h)");

  public Rate {
    if (!(permits > 0)) {
      throw new IllegalArgumentException("rate must be positive, got " + permits);
    }
  }

  /**
   * Parses {@code N/s}, {@code N/m}, {@code N/h} or {@code unlimited}.
   *
   * @throws IllegalArgumentException quoting the text
   */
  public static Rate parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("unlimited") || t.equals("0")) {
      return UNLIMITED;
    }
    Matcher m = FORM.matcher(t);
    if (!m.matches() || Double.parseDouble(m.group(1)) <= 0) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a rate (use e.g. 10/s, 90/m or unlimited)");
    }
    Duration per =
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(1);
          case "s" -> Duration.ofSeconds(1);
          case "m" -> Duration.ofMinutes(1);
          default -> Duration.ofHours(1);
        };
    double permits = Double.parseDouble(m.group(1));
    if (Double.isInfinite(permits)) { // 400 digits: a double's Infinity, which would mean unlimited
      throw new IllegalArgumentException(
          "\"" + text + "\" is too large a rate; write unlimited to turn limiting off");
    }
    if (per.toNanos() / permits >= Long.MAX_VALUE) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is too slow a rate: fewer than one request in 292 years");
    }
    return new Rate(permits, per);
  }

  public boolean isUnlimited() {
    return Double.isInfinite(permits);
  }

  /** The spacing between two permits when they are spread evenly, so no host sees a burst. */
  public Duration interval() {
    return Duration.ofNanos(Math.max(1, (long) (per.toNanos() / permits)));
  }

  @Override
  public String toString() {
    if (isUnlimited()) {
      return "unlimited";
    }
    String unit = per.toHours() == 1 ? "h" : per.toMinutes() == 1 ? "m" : per.toSeconds() == 1 ? "s" : "ms";
    String n = permits == Math.rint(permits) ? String.valueOf((long) permits) : String.valueOf(permits);
    return n + "/" + unit;
  }
}
