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
}
