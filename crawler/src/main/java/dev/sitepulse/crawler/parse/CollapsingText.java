package dev.sitepulse.crawler.parse;

/**
 * Accumulates text with every whitespace run collapsed to one space, as Element.text() does, but
 * copying runs of non-space characters in bulk rather than a code point at a time.
 */
final class CollapsingText {
  private final StringBuilder chars;

  CollapsingText(int capacity) {
    chars = new StringBuilder(capacity);
  }

  void append(String raw) {
    int run = -1;
    for (int i = 0, n = raw.length(); i < n; i++) {
      char c = raw.charAt(i);
      boolean space = isWhitespace(c);
      if (space || isInvisible(c)) {
        if (run >= 0) {
          chars.append(raw, run, i);
          run = -1;
        }
        if (space) {
          space();
        }
      } else if (run < 0) {
        run = i;
      }
    }
    if (run >= 0) {
      chars.append(raw, run, raw.length());
    }
  }

  /** A word boundary, e.g. between two block elements; never doubles a space or leads with one. */
  void space() {
    int n = chars.length();
    if (n > 0 && chars.charAt(n - 1) != ' ') {
      chars.append(' ');
    }
  }

  boolean isEmpty() {
    return chars.length() == 0;
  }

  @Override
  public String toString() {
    int n = chars.length();
    return n > 0 && chars.charAt(n - 1) == ' ' ? chars.substring(0, n - 1) : chars.toString();
  }

  static String collapse(String raw) {
    CollapsingText text = new CollapsingText(raw.length());
    text.append(raw);
    return text.toString();
  }

  /** HTML whitespace plus the no-break space, which reads as a space in extracted text. */
  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00a0';
  }

  /** Zero-width space and soft hyphen: present in markup, absent from the words. */
  private static boolean isInvisible(char c) {
    return c == '\u200b' || c == '\u00ad';
  }
}
