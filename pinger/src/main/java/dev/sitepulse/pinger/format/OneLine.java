package dev.sitepulse.pinger.format;

import java.util.regex.Pattern;

/**
 * Text that stays on its line, wherever a site's or a user's words are written: a table row, a
 * Nagios status line, a log line. Control characters would break the line, or, as escapes, the
 * terminal; a bidirectional override would turn the rest of the line around.
 */
public final class OneLine {

  /**
   * {@link #CONTROL_CHARS} but the bidirectional marks, for a regular expression's character class:
   * what must go wherever a site's text is written, as the marks need not ({@link #isBidiMark}).
   */
  public static final String CONTROL_CHARS_BUT_MARKS = "\\p{Cc}\\u2028-\\u202E\\u2066-\\u2069";
  /**
   * The characters {@link #isControl} names, for a regular expression's character class: C0 and C1
   * controls, the line and paragraph separators, and the bidirectional marks, embeddings,
   * overrides and isolates.
   */
  public static final String CONTROL_CHARS = CONTROL_CHARS_BUT_MARKS + "\\u061C\\u200E\\u200F";

  private static final Pattern CONTROLS = Pattern.compile("[" + CONTROL_CHARS + "]+");

  private OneLine() {}

  /** The text with each run of control characters as one space. */
  public static String of(String text) {
    return text.chars().anyMatch(OneLine::isControl) ? CONTROLS.matcher(text).replaceAll(" ") : text;
  }

  /**
   * A C0 or C1 control (newlines, ESC, U+009B), a line or paragraph separator (U+2028, U+2029,
   * which editors and some terminals break a line at), or a bidirectional mark, embedding,
   * override or isolate (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069): in a site's
   * text, an override would turn the rest of the line around, the URL after a title too, and a
   * right-to-left mark moves the punctuation beside it.
   */
  public static boolean isControl(int c) {
    return Character.isISOControl(c) || isBidiMark(c) || c >= 0x2028 && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
  }

  /**
   * A bidirectional mark (U+061C, U+200E, U+200F): normal in right-to-left titles, and with no
   * scope, so it cannot turn text after it around as an override does: it moves the neutral
   * characters beside it within its paragraph. On a terminal line that is the next column too, so
   * a table blanks it; in an HTML page a paragraph ends at its block (a cell), and a Nagios label
   * is the name its graphs are kept by, so they keep it.
   */
  public static boolean isBidiMark(int c) {
    return c == 0x061C || c == 0x200E || c == 0x200F;
  }
}
