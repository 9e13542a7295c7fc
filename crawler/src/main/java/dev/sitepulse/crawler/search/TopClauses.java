package dev.sitepulse.crawler.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each clause at the top of a query in Lucene's classic syntax starts and ends: the parts
 * white space separates outside quotes, parentheses, ranges and regular expressions, operators
 * among them ({@code host:(a b)}, {@code "a b"^2}, {@code AND}, {@code status:[200 TO 299]}).
 */
final class TopClauses {
  private TopClauses() {}

  /** Each clause as {start, end}, end exclusive, in query order. */
  static List<int[]> of(String query) {
    List<int[]> clauses = new ArrayList<>();
    int depth = 0;
    int start = -1;
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (depth == 0 && Character.isWhitespace(c)) {
        if (start >= 0) {
          clauses.add(new int[] {start, i});
          start = -1;
        }
        i++;
        continue;
      }
      if (start < 0) {
        start = i;
      }
      i = switch (c) {
        case '\\' -> i + 2;
        case '"' -> QueryWords.closingQuote(query, i) + 1;
        case '[', '{' -> QueryWords.rangeEnd(query, i) + 1;
        case '/' -> QueryWords.regexEnd(query, i) + 1;
        case '(' -> {
          depth++;
          yield i + 1;
        }
        case ')' -> {
          depth = Math.max(0, depth - 1);
          yield i + 1;
        }
        default -> i + 1;
      };
    }
    if (start >= 0) {
      clauses.add(new int[] {start, Math.min(i, query.length())});
    }
    return clauses;
  }
}
