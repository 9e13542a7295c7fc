package dev.sitepulse.pinger.internal.http;

/**
 * Text a server chose, made fit for a one-line reason: a status line, a Location, an exception
 * message that quotes the response. What would not print as itself is escaped, so garbage cannot
 * break a table row, a Nagios line or a terminal, and the length is capped, so it cannot flood one.
 */
final class ServerText {

  /** Room for a reason with a URL in it, far less than the kilobytes a server can send. */
  static final int REASON_LENGTH = 240;

  private ServerText() {}

  /** A whole reason, as a last line of defence for every message an attempt reports. */
  static String reason(String text) {
    return excerpt(text, REASON_LENGTH);
  }

  /** The whole text, what would not print as itself escaped: for text already cut to size. */
  static String escaped(String text) {
    return isText(text) ? text : excerpt(text, Integer.MAX_VALUE - 1);
  }

  /** At most {@code max} characters, escapes counted, then an ellipsis if anything was cut. */
  static String excerpt(String text, int max) {
    StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 1));
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      String shown = printable(cp) ? Character.toString(cp) : escape(cp);
      if (sb.length() + shown.length() > max) {
        return sb.append('…').toString();
      }
      sb.append(shown);
    }
    return sb.toString();
  }

  /** The excerpt in double quotes, which show where a server's text starts and ends. */
  static String quote(String text, int max) {
    return '"' + excerpt(text, max) + '"';
  }

  /** Whether the text prints as itself: words, not bytes that a UTF-8 decoder patched up. */
  static boolean isText(String text) {
    return text.codePoints().allMatch(ServerText::printable);
  }

  private static boolean printable(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
      default -> cp != 0xFFFD; // the decoder's stand-in for bytes that were not UTF-8
    };
  }

  private static String escape(int cp) {
    return cp < 0x100 ? String.format("\\x%02x", cp) : String.format("\\u%04x", cp);
  }
}
