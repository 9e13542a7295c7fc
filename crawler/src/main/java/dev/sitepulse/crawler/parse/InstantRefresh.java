package dev.sitepulse.crawler.parse;

/**
 * Reads a meta refresh's {@code content} as HTML's "shared declarative refresh steps" do, for the
 * refreshes that send the reader elsewhere at once: {@code 0;URL=macro.Eq.html} (rustdoc),
 * {@code 0;org/acme/package-summary.html} (javadoc), {@code 0; url='new.html'}. One after a
 * delay shows the page first, and so is no redirect.
 */
final class InstantRefresh {

  private InstantRefresh() {}

  /** The URL as written, unresolved, when the delay is 0; else null. */
  static String target(String content) {
    int i = skipSpace(content, 0);
    int digits = i;
    while (i < content.length() && (Character.isDigit(content.charAt(i)) || content.charAt(i) == '.')) {
      i++;
    }
    if (i == digits || !isZero(content.substring(digits, i))) {
      return null;
    }
    i = skipSpace(content, i);
    if (i < content.length() && (content.charAt(i) == ';' || content.charAt(i) == ',')) {
      i = skipSpace(content, i + 1);
    }
    if (content.regionMatches(true, i, "url", 0, 3)) {
      int equals = skipSpace(content, i + 3);
      if (equals < content.length() && content.charAt(equals) == '=') {
        i = skipSpace(content, equals + 1);
      }
    }
    String url = content.substring(i).strip();
    if (!url.isEmpty() && (url.charAt(0) == '\'' || url.charAt(0) == '"')) {
      int close = url.indexOf(url.charAt(0), 1);
      url = url.substring(1, close < 0 ? url.length() : close);
    }
    return url.isEmpty() ? null : url; // "0" alone reloads the page itself
  }

  private static boolean isZero(String delay) {
    return delay.chars().allMatch(c -> c == '0' || c == '.');
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
