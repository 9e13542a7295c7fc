package dev.sitepulse.pinger.internal.condition;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A value as text, with its number when it reads as one, so {@code 200 == 200.0} holds.
 *
 * @param number the value as a number (milliseconds for a duration), or null
 */
record Literal(String text, BigDecimal number) implements Expected {

  // Bounded so that a body full of digits is compared as text instead of parsed at length, and
  // an exponent such as 1e999999999 never reaches BigDecimal.
  private static final int MAX_NUMBER_LENGTH = 64;
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d{1,4})?");

  static Literal of(String text) {
    boolean numeric = text.length() <= MAX_NUMBER_LENGTH && NUMBER.matcher(text).matches();
    return new Literal(text, numeric ? new BigDecimal(text) : null);
  }

  /** Numerically when both are numbers, else as exact text. */
  @Override
  public boolean matches(Literal actual) {
    if (number != null && actual.number != null) {
      return number.compareTo(actual.number) == 0;
    }
    return text.equals(actual.text);
  }
}
