package dev.sitepulse.crawler.parse;

import org.jsoup.internal.StringUtil;

/** Accumulates text with every whitespace run collapsed to one space, as Element.text() does. */
final class CollapsingText {
  private final StringBuilder chars;

  CollapsingText(int capacity) {
    chars = new StringBuilder(capacity);
  }

  void append(String raw) {
    StringUtil.appendNormalisedWhitespace(chars, raw, endsInSpace());
  }

  /** A word boundary, e.g. between two block elements; never doubles a space or leads with one. */
  void space() {
    if (!endsInSpace()) {
      chars.append(' ');
    }
  }

  boolean isEmpty() {
    return chars.length() == 0;
  }

  private boolean endsInSpace() {
    int n = chars.length();
    return n == 0 || chars.charAt(n - 1) == ' ';
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
}
