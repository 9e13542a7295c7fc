package dev.sitepulse.pinger.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text cut to a number of chars: an ellipsis when cut, never inside a character as a reader sees it. */
public final class CutText {

  /**
   * What a reader takes for one character, Unicode's extended grapheme clusters: an emoji ZWJ
   * sequence (👨‍👩‍👧), a flag's two regional indicators, a letter and its accents. The JDK 17
   * BreakIterator splits the first two; \X does not.
   */
  private static final Pattern CHARACTERS = Pattern.compile("\\X");

  private CutText() {}

  /** {@code s} if it has at most {@code max} chars, else its first ones and "…", {@code max} in all at most. */
  public static String of(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = 0;
    Matcher character = CHARACTERS.matcher(s);
    while (character.find() && character.end() <= max - 1) {
      end = character.end();
    }
    return s.substring(0, end).stripTrailing() + "…";
  }
}
