package dev.sitepulse.pinger.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An enum's values as configs, help and the command line write them (lower case, {@code -} for
 * {@code _}), and how a value that is none of them is refused, the same in a config and an option.
 */
public final class EnumChoices {

  private EnumChoices() {}

  public static List<String> names(Class<?> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
  }

  /** {@code expected one of a, b, got "c"}. */
  public static String refusal(Class<?> type, Object value) {
    return "expected one of " + String.join(", ", names(type)) + ", got \"" + value + "\"";
  }
}
