package dev.sitepulse.analytics;

import java.util.Locale;

/**
 * What the user asked for with {@code --device}: {@code auto}, {@code cpu} (the pure-Java
 * backend), {@code opencl} (the first OpenCL device, preferring a GPU) or {@code opencl:N}.
 *
 * @param mode        which kind of backend
 * @param openClIndex for {@link Mode#OPENCL}: the device index, or -1 for "the best one"; a long, so
 *     that a number past an int (opencl:12345678901) is one no device has, not a typo; one past a
 *     long, as far out of range, is held as the largest long
 * @param number the index as given, without leading zeros, null for none: what an error names,
 *     past a long too
 */
public record DeviceChoice(Mode mode, long openClIndex, String number) {

  /** The kinds of choice. */
  public enum Mode { AUTO, CPU, OPENCL }

  public static final DeviceChoice AUTO = new DeviceChoice(Mode.AUTO, -1);
  public static final DeviceChoice CPU = new DeviceChoice(Mode.CPU, -1);
  public static final DeviceChoice OPENCL = new DeviceChoice(Mode.OPENCL, -1);

  private static final String MAX_LONG = Long.toString(Long.MAX_VALUE);

  public DeviceChoice {
    if (mode == null) {
      throw new IllegalArgumentException("mode must not be null");
    }
    if (openClIndex < -1 || (mode != Mode.OPENCL && openClIndex != -1) || (openClIndex < 0 && number != null)) {
      throw new IllegalArgumentException("openClIndex " + openClIndex + " is not valid for " + mode);
    }
    if (number == null && openClIndex >= 0) {
      number = Long.toString(openClIndex);
    }
  }

  /** A choice whose index, if any, fits a long. */
  public DeviceChoice(Mode mode, long openClIndex) {
    this(mode, openClIndex, null);
  }

  /**
   * Parses {@code auto}, {@code cpu}, {@code opencl} or {@code opencl:N}, ignoring case.
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public static DeviceChoice parse(String text) {
    String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "auto" -> AUTO;
      case "cpu", "java" -> CPU;
      case "opencl" -> OPENCL;
      default -> parseIndexed(text, value);
    };
  }

  private static DeviceChoice parseIndexed(String text, String value) {
    String digits = value.startsWith("opencl:") ? value.substring("opencl:".length()) : "";
    // ASCII digits only: parseLong also takes a sign and other scripts' digits (opencl:\u0663 was 3).
    if (digits.matches("[0-9]+")) {
      String number = digits.replaceFirst("^0+(?=.)", "");
      // Any length: one beyond a long is as far out of range, and named as given.
      boolean beyondLong = number.length() > 19 || (number.length() == 19 && number.compareTo(MAX_LONG) > 0);
      return new DeviceChoice(Mode.OPENCL, beyondLong ? Long.MAX_VALUE : Long.parseLong(number), number);
    }
    throw new IllegalArgumentException(
        "device must be auto, cpu, opencl or opencl:N (N >= 0), was '" + text + "'");
  }

  @Override
  public String toString() {
    return mode == Mode.OPENCL && openClIndex >= 0
        ? "opencl:" + number
        : mode.name().toLowerCase(Locale.ROOT);
  }
}
