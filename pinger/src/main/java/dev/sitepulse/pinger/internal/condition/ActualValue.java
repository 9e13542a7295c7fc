package dev.sitepulse.pinger.internal.condition;

/**
 * What the left side of a condition came to for one observation.
 *
 * @param literal the value, or null when there is none to compare
 * @param absent whether the value is missing rather than unreadable: a missing JSON field is
 *     unequal to anything, while a body that is not JSON fails every comparison
 * @param problem why there is no value, for the description; null when there is one
 */
record ActualValue(Literal literal, boolean absent, String problem) {

  private static final int SHOWN_LENGTH = 60;

  static ActualValue of(String text) {
    return new ActualValue(Literal.of(text), false, null);
  }

  /** A value that is text, which {@code ==} compares as text even where it reads as a number. */
  static ActualValue text(String text) {
    return new ActualValue(Literal.text(text), false, null);
  }

  static ActualValue absent(String problem) {
    return new ActualValue(null, true, problem);
  }

  static ActualValue unusable(String problem) {
    return new ActualValue(null, false, problem);
  }

  /**
   * The text cut to about 60 characters and kept on one line, so a whole body does not flood a
   * result.
   */
  static String shorten(String text) {
    String oneLine = text.replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
    if (oneLine.codePointCount(0, oneLine.length()) <= SHOWN_LENGTH) {
      return oneLine;
    }
    return oneLine.substring(0, oneLine.offsetByCodePoints(0, SHOWN_LENGTH)) + "...";
  }
}
