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
 */
final class CrawlDelayNumbers {

  /** The value of a Crawl-delay line: a decimal number with no '.', and its exponent if any. */
  private static final Pattern WITHOUT_POINT = Pattern.compile(
      "(?im)^([ \\t]*crawl-delay[ \\t]*:[ \\t]*[+-]?\\d+)([eE][+-]?\\d+)?(?=[ \\t]*(?:#.*)?$)");

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
