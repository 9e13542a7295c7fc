package dev.sitepulse.crawler.search.internal.query;

import java.util.function.IntUnaryOperator;

/**
 * A walk over the characters of a query that the grammar reads as words and syntax: not those of
 * its phrases, regular expressions and ranges, which are text as typed, nor escaped ones.
 */
final class OutsideText {
  private OutsideText() {}

  /**
   * Calls {@code visitor} with the index of each such character, in order; it returns the index of
   * the last character it has read, from which the walk goes on ({@code i} itself to read only
   * that one, the query's length to stop).
   */
  static void walk(String query, IntUnaryOperator visitor) {
    boolean inPhrase = false;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        inPhrase = !inPhrase;
      } else if (inPhrase) {
        // text
      } else if (c == '/') {
        i = QueryWords.regexEnd(query, i);
      } else if (c == '[' || c == '{') {
        i = QueryWords.rangeEnd(query, i);
      } else {
        i = visitor.applyAsInt(i);
      }
    }
  }
}
