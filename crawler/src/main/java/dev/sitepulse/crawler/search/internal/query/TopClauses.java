package dev.sitepulse.crawler.search.internal.query;

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
    int[] start = {-1};
    int end = scan(query, (at, depth) -> {
      if (depth == 0 && Character.isWhitespace(query.charAt(at))) {
        if (start[0] >= 0) {
          clauses.add(new int[] {start[0], at});
          start[0] = -1;
        }
      } else if (start[0] < 0) {
        start[0] = at;
      }
    });
    if (start[0] >= 0) {
      clauses.add(new int[] {start[0], end});
    }
    return clauses;
  }

  /**
   * The words at the top of {@code query} that white space, parentheses, quotes or the ends bound,
   * as the grammar reads operators: OR in {@code (a)OR(b)} and {@code a OR(b)} too.
   */
  static List<String> words(String query) {
    List<String> words = new ArrayList<>();
    int[] start = {-1};
    int end = scan(query, (at, depth) -> {
      boolean bound = depth > 0 || Character.isWhitespace(query.charAt(at)) || "()\"".indexOf(query.charAt(at)) >= 0;
      if (bound && start[0] >= 0) {
        words.add(query.substring(start[0], at));
        start[0] = -1;
      } else if (!bound && start[0] < 0) {
        start[0] = at;
      }
    });
    if (start[0] >= 0) {
      words.add(query.substring(start[0], end));
    }
    return words;
  }

  /** What {@link #scan} tells of each step: where it starts and the depth of parentheses before it. */
  private interface Step {
    void at(int start, int depth);
  }

  /**
   * Steps through {@code query} one character, or one escape, quote, range or regular expression,
   * at a time, telling {@code step} of each; returns where the last step ends.
   */
  private static int scan(String query, Step step) {
    int depth = 0;
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      int next = Math.min(query.length(), switch (c) {
        case '\\' -> i + 2;
        case '"' -> QueryWords.closingQuote(query, i) + 1;
        case '[', '{' -> QueryWords.rangeEnd(query, i) + 1;
        case '/' -> QueryWords.regexEnd(query, i) + 1;
        default -> i + 1;
      });
      step.at(i, depth);
      depth = c == '(' ? depth + 1 : c == ')' ? Math.max(0, depth - 1) : depth;
      i = next;
    }
    return i;
  }
}
