package dev.sitepulse.pinger.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in configs and flags: {@code 250ms}, {@code 10s}, {@code 1h30m}, {@code 7d}. */
public final class Durations {

  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  // Go's units plus d; "ms" must come before "m" and "s", as alternatives are tried in order.
  private static final String UNIT = "(ns|us|µs|ms|s|m|h|d)";
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)" + UNIT);
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?" + UNIT + ")+");

  private Durations() {}

  /** @throws IllegalArgumentException quoting the text and showing the accepted forms */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("0")) {
      return Duration.ZERO; // as in --delay 0: zero needs no unit
    }
    if (!WHOLE.matcher(t).matches()) {
      throw new IllegalArgumentException(whyNot(text, t));
    }
    Matcher m = PART.matcher(t);
    // Exact decimal arithmetic, as DataSize's: in doubles 8.2s was 8.199999999 s, 1.005s 1004 ms.
    BigDecimal nanos = BigDecimal.ZERO;
    long previousUnit = Long.MAX_VALUE;
    String previous = null;
    while (m.find()) {
      long unit = nanosIn(m.group(2));
      if (unit >= previousUnit) { // 5s5s or 30m1h: a typo far likelier than a sum meant
        throw new IllegalArgumentException("\"" + text + "\" is not a duration: "
            + (unit > previousUnit ? m.group(2) + " comes after " + previous
                : m.group(2).equals(previous) ? previous + " is given twice"
                : previous + " and " + m.group(2) + " are one unit")
            + " (write each unit once, larger first, e.g. 1h30m)");
      }
      previousUnit = unit;
      previous = m.group(2);
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
    }
    if (nanos.compareTo(LONG_MAX) >= 0) { // a Duration holds more, but every clock sum here is in nanos
      throw new IllegalArgumentException(
          "\"" + text + "\" is too long a duration (at most " + Long.MAX_VALUE / 86_400_000_000_000L + "d, 292 years)");
    }
    return Duration.ofNanos(nanos.longValue()); // a part of a nanosecond is dropped
  }

  /** Why {@code t} (text, trimmed and in lower case) is refused: what is wrong, where it can tell. */
  private static String whyNot(String text, String t) {
    String magnitude = t.startsWith("-") ? t.substring(1) : null;
    if (magnitude != null && (NUMBER.matcher(magnitude).matches() || WHOLE.matcher(magnitude).matches())) {
      // Checked before its parts are, so that -5s5s says the sign is wrong before the units are.
      String positive = text.trim().substring(1);
      boolean needsUnit = NUMBER.matcher(magnitude).matches() && !magnitude.equals("0");
      return "\"" + text + "\" is negative: a duration cannot be (use e.g. " + positive + (needsUnit ? "s" : "") + ")";
    }
    if (NUMBER.matcher(t).matches()) {
      return "\"" + text + "\" is not a duration: a number needs a unit, such as " + t + "s or " + t
          + "ms (only 0 needs none)";
    }
    return "\"" + text + "\" is not a duration (use e.g. 500ms, 10s, 2m, 1h30m, 7d)";
  }

  private static long nanosIn(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "µs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default -> 86_400_000_000_000L;
    };
  }

  private static final long DAY = 86_400;

  /**
   * 250ms, 2s, 1.5s, 2m, 1h30m or 30d: how a person would write it; under a millisecond, 40us or
   * 1ns. A negative one (a certificate that expired) is its size after a minus: -2166d1m30s.
   */
  public static String format(Duration d) {
    if (d.isNegative()) {
      return "-" + format(d.negated());
    }
    long ms = d.toMillis();
    if (ms == 0 && !d.isZero()) {
      long nanos = d.toNanos();
      return nanos % 1000 == 0 ? nanos / 1000 + "us" : nanos + "ns";
    }
    if (ms < 1000) {
      return ms + "ms";
    }
    if (ms < 60_000) {
      // Tenths at most; one that rounds to a whole second (9999 ms) reads as its neighbours do: 10s.
      String seconds = String.format(Locale.ROOT, "%.1f", ms / 1000.0);
      return (seconds.endsWith(".0") ? seconds.substring(0, seconds.length() - 2) : seconds) + "s";
    }
    long s = d.toSeconds();
    StringBuilder out = new StringBuilder();
    // Days from two on: 24h and 36h read better in hours, 720h and 2400000h do not.
    if (s >= 2 * DAY) {
      out.append(s / DAY).append('d');
      s %= DAY;
    }
    if (s >= 3600) {
      out.append(s / 3600).append('h');
    }
    if (s % 3600 >= 60) {
      out.append(s % 3600 / 60).append('m');
    }
    if (s % 60 != 0) {
      out.append(s % 60).append('s');
    }
    return out.toString();
  }
}
