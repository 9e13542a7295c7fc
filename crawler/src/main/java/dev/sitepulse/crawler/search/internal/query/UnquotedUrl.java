package dev.sitepulse.crawler.search.internal.query;

import java.util.regex.Pattern;

/**
 * A URL typed without quotes, which the grammar cannot read as one: its scheme before the colon
 * is a field's name, and each {@code /} starts a regular expression. The grammar's own error
 * named whatever token it tripped on ({@code unexpected end at column 35} for
 * {@code https://docs.python.org/3/library/}, {@code unexpected ":"} for
 * {@code url:http://127.0.0.1:8092/}), which did not say what was wrong.
 */
final class UnquotedUrl {
  /** A scheme, as RFC 3986 spells it, and the {@code ://} of a URL with a host. */
  private static final Pattern START = Pattern.compile("\\p{Alpha}[\\p{Alnum}+.\\-]*://");
  /** What a word can start after, outside quotes: a field's colon, a group, an operator's sign. */
  private static final String WORD_STARTS_AFTER = ":(+-!";

  private UnquotedUrl() {}

  /**
   * The error for the first URL that {@code query} holds outside quotes, regular expressions and
   * ranges, placed at its start; null for a query without one.
   */
  static QueryErrors.Placed in(String query) {
    int[] found = {-1};
    OutsideText.walk(query, i -> {
      if (startsWord(query, i) && START.matcher(query).region(i, query.length()).lookingAt()) {
        found[0] = i;
        return query.length();
      }
      return i;
    });
    return found[0] < 0 ? null : error(query, found[0]);
  }

  private static boolean startsWord(String query, int i) {
    return i == 0 || Character.isWhitespace(query.charAt(i - 1)) || WORD_STARTS_AFTER.indexOf(query.charAt(i - 1)) >= 0;
  }

  /** The URL from {@code start} to the next space, or a group's closing parenthesis, quoted as it should be written. */
  private static QueryErrors.Placed error(String query, int start) {
    int end = start;
    int open = 0;
    while (end < query.length() && !Character.isWhitespace(query.charAt(end))
        && query.charAt(end) != '"' && (query.charAt(end) != ')' || open > 0)) {
      open += query.charAt(end) == '(' ? 1 : query.charAt(end) == ')' ? -1 : 0;
      end++;
    }
    String url = "\"" + query.substring(start, end) + "\"";
    // url:http://… or title:(http://…): in quotes, the field applies to it as typed
    int colon = start > 1 && query.charAt(start - 1) == '(' ? start - 2 : start - 1;
    String field = colon >= 0 && query.charAt(colon) == ':' ? fieldBefore(query, colon) : null;
    String quoted = field != null ? field + ":" + url : url + " searches its text, url:" + url + " finds its page";
    return new QueryErrors.Placed("a URL must be quoted: " + quoted
        + " (outside quotes a word before : names a field, and / starts a regular expression)", start + 1);
  }

  /** The field's name that ends at the colon at {@code colon}. */
  private static String fieldBefore(String query, int colon) {
    int from = colon;
    while (from > 0 && !Character.isWhitespace(query.charAt(from - 1)) && WORD_STARTS_AFTER.indexOf(query.charAt(from - 1)) < 0) {
      from--;
    }
    return query.substring(from, colon);
  }
}
