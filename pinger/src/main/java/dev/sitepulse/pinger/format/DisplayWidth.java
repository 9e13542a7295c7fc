package dev.sitepulse.pinger.format;

/**
 * How many columns of a terminal a text takes, as wcwidth(3) counts them: East Asian wide and
 * fullwidth characters and emoji take two, combining marks and other zero-width characters none.
 * Counting code points instead put every column after a Japanese name or an emoji out of line.
 */
public final class DisplayWidth {
  private DisplayWidth() {}

  public static int of(String text) {
    int width = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      width += of(c);
    }
    return width;
  }

  public static int of(int c) {
    int type = Character.getType(c);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
      return 0; // accents written apart, variation selectors, the zero-width joiner of emoji sequences
    }
    return wide(c) ? 2 : 1;
  }

  /** The main Wide and Fullwidth blocks of Unicode's EastAsianWidth.txt, emoji among them. */
  private static boolean wide(int c) {
    return c >= 0x1100 && c <= 0x115F // Hangul Jamo initials
        || c >= 0x2E80 && c <= 0x303E // CJK radicals, symbols and punctuation
        || c >= 0x3041 && c <= 0x33FF // kana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
        || c >= 0x3400 && c <= 0x4DBF // CJK extension A
        || c >= 0x4E00 && c <= 0x9FFF // CJK unified ideographs
        || c >= 0xA000 && c <= 0xA4CF // Yi
        || c >= 0xAC00 && c <= 0xD7A3 // Hangul syllables
        || c >= 0xF900 && c <= 0xFAFF // CJK compatibility ideographs
        || c >= 0xFE30 && c <= 0xFE4F // CJK compatibility forms
        || c >= 0xFF00 && c <= 0xFF60 // fullwidth forms
        || c >= 0xFFE0 && c <= 0xFFE6
        || c >= 0x1F300 && c <= 0x1F64F // pictographs and emoticons
        || c >= 0x1F680 && c <= 0x1F6FF // transport and map symbols
        || c >= 0x1F900 && c <= 0x1F9FF // supplemental symbols and pictographs
        || c >= 0x1FA70 && c <= 0x1FAFF
        || c >= 0x20000 && c <= 0x3FFFD; // CJK extensions B and later
  }
}
