package dev.sitepulse.pinger.internal.condition;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A value as text, with its number when it reads as one, so {@code [STATUS] == 200.0} holds.
 *
 * @param number the value as a number (milliseconds for a duration), or null
 * @param textual whether the value is text that may only look like a number (a JSON string, a
 *     header): {@code ==} compares it as text, so "1.1" is not 1.10 and "01234" is not 1234;
 *     {@code <} and {@code >} still read its number
 */
record Literal(String text, BigDecimal number, boolean textual) implements Expected {

  // Bounded so that a body full of digits is compared as text instead of parsed at length, and
  // an exponent such as 1e999999999 never reaches BigDecimal.
  private static final int MAX_NUMBER_LENGTH = 64;
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d{1,4})?");

  /** A number, a duration's milliseconds, or a value that is numeric when it reads as a number. */
  Literal(String text, BigDecimal number) {
    this(text, number, false);
  }

  static Literal of(String text) {
    return new Literal(text, numberIn(text), false);
  }

  /** A value that is text whatever it reads as, such as a JSON string or a header. */
  static Literal text(String text) {
    return new Literal(text, numberIn(text), true);
  }

  private static BigDecimal numberIn(String text) {
    boolean numeric = text.length() <= MAX_NUMBER_LENGTH && NUMBER.matcher(text).matches();
    return numeric ? new BigDecimal(text) : null;
  }

  /** Numerically when both are numbers and the actual value is one, else as exact text. */
  @Override
  public boolean matches(Literal actual) {
    if (number != null && actual.number != null && !actual.textual) {
      return number.compareTo(actual.number) == 0;
    }
    return text.equals(actual.text);
  }
}
