package dev.sitepulse.crawler.robots;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * crawler-commons reads a Crawl-delay with a '.' as a double, and one without as an int: 1e5, 1e300
 * or 99999999999999999999 was dropped as a line not understood, while 100000 and 1.0e300 were
 * capped at 30 s with a warning. Each decimal number is given a '.' before crawler-commons reads
 * it, so that every one is read as the number it is (past Long.MAX_VALUE ms, as that), capped
 * with the one warning; NaN, Infinity, hex and words are left to be ignored, a negative delay too.
 * The lines are found as crawler-commons finds them, lest one it reads keep its int, or bytes it
 * reads as part of another line be changed.
 */
final class CrawlDelayNumbers {

  /**
   * Where crawler-commons ends a line, in the bytes read as ISO-8859-1: CR, LF, form feed, and
   * U+0085, U+2028 and U+2029 in their UTF-8 bytes; a lone 0x85 (the end of Å in UTF-8) is none.
   */
  private static final String LINE_END = "(?:[\\n\\r\\f]|\u00C2\u0085|\u00E2\u0080[\u00A8\u00A9])";
  /** Where a line starts: the text, after the UTF-8 byte order mark crawler-commons skips, or a line end. */
  private static final String LINE_START = "(?:\\A(?:\u00EF\u00BB\u00BF)?|(?<=" + LINE_END + "))";
  /** What crawler-commons trims off a line's ends: the controls and the space, but those that end lines. */
  private static final String BLANK = "[\\x00-\\x09\\x0B\\x0E-\\x20]";
  /** Crawl-delay in each spelling crawler-commons reads as one, then ':' or a space or tab. */
  private static final String DIRECTIVE =
      "(?:crawl-delay|crawl delay|clawl-delay|craw-delay|crawl-deley)(?:[ \\t]*:|[ \\t])";

  /**
   * The value of a Crawl-delay line, as crawler-commons reads one, that is a decimal number with no
   * '.', and its exponent if any: nothing follows on its line but blanks and a comment.
   */
  private static final Pattern WITHOUT_POINT = Pattern.compile("(?i)(" + LINE_START + BLANK + "*" + DIRECTIVE + BLANK
      + "*[+-]?\\d+)([eE][+-]?\\d+)?(?=" + BLANK + "*(?:#(?:(?!" + LINE_END + ").)*)?(?:" + LINE_END + "|\\z))",
      Pattern.DOTALL);

  private CrawlDelayNumbers() {}

  /** {@code robots} with a '.' after the digits of each such number; the same array when none lacks one. */
  static byte[] withPoints(byte[] robots) {
    String text = new String(robots, StandardCharsets.ISO_8859_1); // every byte kept as it was
    Matcher m = WITHOUT_POINT.matcher(text);
    if (!m.find()) {
      return robots;
    }
    String pointed = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "." + (r.group(2) == null ? "" : r.group(2))));
    return pointed.getBytes(StandardCharsets.ISO_8859_1);
  }
}
