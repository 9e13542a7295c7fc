package dev.sitepulse.pinger;

/** A library's exception message made fit for a one-line error: YAML, Lucene and query parsers write several. */
public final class ErrorText {

  private ErrorText() {}

  /**
   * The first line of text in {@code message}, or {@code ifNone} when it has none. A message may
   * open with a line break, whose first line is then blank: the text after it is what it says.
   */
  public static String firstLine(String message, String ifNone) {
    if (message == null || message.isBlank()) {
      return ifNone;
    }
    String text = message.strip();
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).strip();
  }

  /**
   * Whether {@code c} must not reach a one-line error raw: a control character, which could act on
   * the terminal, a line or paragraph separator, where some readers end the line, or a bidi control
   * (an embedding, override or isolate), which reorders the text after it on screen.
   */
  public static boolean unprintable(int c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
        || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
  }

  /** {@code text} with each {@link #unprintable} character {@linkplain #escape escaped}. */
  public static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.chars().forEach(c -> out.append(unprintable(c) ? escape(c) : String.valueOf((char) c)));
    return out.toString();
  }

  /** What an error shows in place of an {@link #unprintable} character: {@code \u001b}. */
  public static String escape(int c) {
    return String.format("\\u%04x", c);
  }
}
