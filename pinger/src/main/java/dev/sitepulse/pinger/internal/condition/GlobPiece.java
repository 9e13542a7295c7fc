package dev.sitepulse.pinger.internal.condition;

/**
 * The part of a glob between two stars: characters that match themselves and {@code ?}, which
 * matches any one code point, so a piece always covers as many code points as it holds.
 *
 * @param text the piece without stars, possibly empty
 * @param plain whether it holds no {@code ?}, so that String's own search can find it
 */
record GlobPiece(String text, boolean plain) {

  private static final int ANY = '?';

  static GlobPiece of(String text) {
    return new GlobPiece(text, text.indexOf(ANY) < 0);
  }

  /** Where the piece ends when it matches {@code value} from {@code start}, else -1. */
  int matchAt(String value, int start) {
    if (plain) {
      return value.startsWith(text, start) ? start + text.length() : -1;
    }
    int at = start;
    for (int i = 0; i < text.length(); ) {
      if (at >= value.length()) {
        return -1;
      }
      int wanted = text.codePointAt(i);
      int found = value.codePointAt(at);
      if (wanted != ANY && wanted != found) {
        return -1;
      }
      i += Character.charCount(wanted);
      at += Character.charCount(found);
    }
    return at;
  }

  /** Where the first match at or after {@code from} ends, else -1. */
  int findEndFrom(String value, int from) {
    if (plain) {
      int start = value.indexOf(text, from);
      return start < 0 ? -1 : start + text.length();
    }
    // Not empty, as it holds a ?, so no match can start at the very end.
    for (int start = from; start < value.length(); ) {
      int end = matchAt(value, start);
      if (end >= 0) {
        return end;
      }
      start += Character.charCount(value.codePointAt(start));
    }
    return -1;
  }

  /**
   * Where a match that ends at {@code end} would have to start, counting back one code point for
   * each that the piece holds; -1 when the value is too short.
   */
  int startBefore(String value, int end) {
    int at = end;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      if (at <= 0) {
        return -1;
      }
      at -= Character.charCount(value.codePointBefore(at));
    }
    return at;
  }
}
