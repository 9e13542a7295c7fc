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
   * Parses {@code N/ms}, {@code N/s}, {@code N/m}, {@code N/h}, or {@code unlimited} or a bare
   * {@code 0} for no limit (as curl's {@code --limit-rate 0}).
   *
   * @throws IllegalArgumentException quoting the text
   */
  public static Rate parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("unlimited") || t.equals("0")) {
      return UNLIMITED;
    }
    Matcher m = FORM.matcher(t);
    if (!m.matches()) {
      // A bare number is the likeliest slip: say what it lacks rather than only what a rate is.
      String why = t.matches("\\d+(\\.\\d+)?") ? "a rate needs a unit: " + t + "/s, " + t + "/m or " + t + "/h"
          : "use e.g. 10/s, 90/m or unlimited";
      throw new IllegalArgumentException("\"" + text + "\" is not a rate (" + why + ")");
    }
    if (Double.parseDouble(m.group(1)) == 0) { // would send nothing: only the bare 0 means no limit
      throw new IllegalArgumentException(
          "\"" + text + "\" would allow no request; write unlimited (or 0) to turn limiting off");
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
