package dev.sitepulse.pinger.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A byte count as people write it: {@code 1MiB}, {@code 512KiB}, {@code 10MB}, {@code 65536}. */
public record DataSize(long bytes) {

  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /**
   * The most a max-body may be: a body that is read (a page to parse, a body a condition reads) is
   * held in memory whole, in one array, which holds 2 GiB at the most.
   */
  public static final DataSize MAX_BODY_LIMIT = new DataSize(1L << 30);
  private static final Pattern FORM =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|kib|mb|mib|gb|gib)?");

  public DataSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("a size cannot be negative: " + bytes);
    }
  }

  /** A max-body of a config or an option, when given: at most {@link #MAX_BODY_LIMIT}. */
  public static void checkMaxBody(DataSize maxBody) {
    if (maxBody != null && maxBody.bytes() > MAX_BODY_LIMIT.bytes()) {
      throw new InvalidValueException("max-body",
          "max-body can be at most " + MAX_BODY_LIMIT + ", got " + maxBody);
    }
  }

  /** @throws IllegalArgumentException quoting the text and showing the accepted forms */
  public static DataSize parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a size (use e.g. 65536, 512KiB, 1MiB, 10MB)");
    }
    long unit =
        switch (m.group(2) == null ? "b" : m.group(2)) {
          case "kb" -> 1000L;
          case "kib" -> 1L << 10;
          case "mb" -> 1000_000L;
          case "mib" -> 1L << 20;
          case "gb" -> 1000_000_000L;
          case "gib" -> 1L << 30;
          default -> 1L;
        };
    // Exact decimal arithmetic: 1.5KiB is 1536 bytes, and 1.5 bytes is refused, not made 1.
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
    if (bytes.compareTo(LONG_MAX) > 0) {
      throw new IllegalArgumentException("\"" + text + "\" is too large a size");
    }
    if (bytes.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("\"" + text + "\" is not a whole number of bytes");
    }
    return new DataSize(bytes.longValueExact());
  }

  @Override
  public String toString() {
    if (bytes >= 1 << 30 && bytes % (1 << 30) == 0) {
      return bytes / (1 << 30) + "GiB";
    }
    if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
      return bytes / (1 << 20) + "MiB";
    }
    if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
      return bytes / (1 << 10) + "KiB";
    }
    return bytes + "B";
  }
}
