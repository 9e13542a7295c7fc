package dev.sitepulse.cli;

import dev.sitepulse.pinger.format.CutText;
import dev.sitepulse.pinger.format.DisplayWidth;
import dev.sitepulse.pinger.format.OneLine;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text cut to fit a line or a label: an ellipsis when cut, never inside a character as a reader sees it. */
public final class Shortened {

  /** Titles are the sites' own text, and a site may put a whole article there. */
  private static final int MAX_TITLE = 120;
  // \p{Cc}, not \p{Cntrl}: the C1 controls too, such as U+009B, which some terminals read as ESC [;
  // and the bidirectional overrides and isolates, as OneLine.isControl says why.
  private static final Pattern BLANKS_AND_CONTROLS =
      Pattern.compile("[\\s" + OneLine.CONTROL_CHARS + "]+");

  /**
   * What a reader takes for one character, Unicode's extended grapheme clusters: an emoji ZWJ
   * sequence (👨‍👩‍👧), a flag's two regional indicators, a letter and its accents. The JDK 17
   * BreakIterator splits the first two; \X does not.
   */
  private static final Pattern CHARACTERS = Pattern.compile("\\X");

  private Shortened() {}

  /**
   * {@code s} on one terminal line: each run of whitespace and control characters (newlines,
   * escape codes' ESC) becomes one space. Null reads as empty.
   */
  public static String line(String s) {
    return s == null ? "" : BLANKS_AND_CONTROLS.matcher(s).replaceAll(" ").strip();
  }

  /** A crawled page's title on one line, cut at 120 characters; "(no title)" when it has none. */
  public static String title(String s) {
    String line = line(s);
    return line.isEmpty() ? "(no title)" : of(line, MAX_TITLE);
  }

  /**
   * A cell of a text table, which a server or a config may make any length (a page title of 5000
   * characters made every row of the table that wide): {@link #line} within {@code columns}
   * terminal columns, as {@link DisplayWidth} counts them, its end cut to "…".
   */
  public static String columns(String s, int columns) {
    String line = line(s);
    if (DisplayWidth.of(line) <= columns) {
      return line;
    }
    int width = 0;
    int end = 0;
    Matcher character = CHARACTERS.matcher(line);
    while (character.find()) {
      int w = DisplayWidth.of(character.group());
      if (width + w > columns - 1) {
        break;
      }
      width += w;
      end = character.end();
    }
    return line.substring(0, end).stripTrailing() + "…";
  }

  /** {@code s} if it has at most {@code max} chars, else its first ones and "…", {@code max} in all at most. */
  public static String of(String s, int max) {
    return CutText.of(s, max);
  }
}
