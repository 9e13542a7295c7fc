package dev.sitepulse.crawler.parse;

import java.util.Arrays;

/**
 * Accumulates text with every whitespace run collapsed to one space, as Element.text() does.
 *
 * <p>Each string is copied into the buffer in bulk and collapsed there in place: going through it
 * a charAt() at a time cost a bounds check per character, which in the launcher's C1-compiled crawl
 * was a tenth of the CPU time once a page held a single non-Latin-1 character ("¶", "—").
 */
final class CollapsingText {
  private char[] chars;
  private int length;

  CollapsingText(int capacity) {
    chars = new char[Math.max(capacity, 16)];
  }

  void append(String raw) {
    int n = raw.length();
    if (length + n > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(length + n, chars.length * 2));
    }
    raw.getChars(0, n, chars, length);
    int out = length; // never ahead of the read position, so collapsing in place is safe
    for (int i = length, end = length + n; i < end; i++) {
      char c = chars[i];
      if (c > ' ' && c < '\u00a0') { // most characters: two comparisons under C1, not eight
        chars[out++] = c;
      } else if (isWhitespace(c)) {
        if (out > 0 && chars[out - 1] != ' ') {
          chars[out++] = ' ';
        }
      } else if (!isInvisible(c)) {
        chars[out++] = c;
      }
    }
    length = out;
  }

  /** A word boundary, e.g. between two block elements; never doubles a space or leads with one. */
  void space() {
    if (length > 0 && chars[length - 1] != ' ') {
      if (length == chars.length) {
        chars = Arrays.copyOf(chars, chars.length * 2);
      }
      chars[length++] = ' ';
    }
  }

  int length() {
    return length;
  }

  /**
   * The word that starts at {@code from} (past a space there), up to a space or an opening
   * bracket: {@code max_connections} of "max_connections (integer)". Empty when there is none.
   */
  String wordAt(int from) {
    int start = from < length && chars[from] == ' ' ? from + 1 : from;
    int end = start;
    while (end < length && chars[end] != ' ' && chars[end] != '(') {
      end++;
    }
    return new String(chars, start, end - start);
  }

  boolean isEmpty() {
    return length == 0;
  }

  /** The {@link SimHash} of the text, read straight from the buffer. */
  long simHash() {
    return SimHash.of(chars, trimmedLength());
  }

  @Override
  public String toString() {
    return new String(chars, 0, trimmedLength());
  }

  static String collapse(String raw) {
    CollapsingText text = new CollapsingText(raw.length());
    text.append(raw);
    return text.toString();
  }

  private int trimmedLength() {
    return length > 0 && chars[length - 1] == ' ' ? length - 1 : length;
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
