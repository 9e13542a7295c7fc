package dev.sitepulse.crawler.search.internal.query;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the query text must not hold before Lucene's grammar reads it, outside phrases, regular
 * expressions and escapes: parentheses nested too deep, and a number after {@code ^} or {@code ~}
 * that the grammar would misread rather than refuse.
 */
final class QueryPrescan {
  /**
   * Most parentheses open at once. The grammar, and every pass over the parsed query, recurses once
   * per level: a thousand levels overflowed the launcher's 512 KiB stack with a 1,000-line trace.
   */
  static final int MAX_NESTING = 100;

  /** Words the grammar reads as operators, after which a ^ or ~ is its own error. */
  private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "&&", "||");
  /** What ends the value after ^ or ~, as the grammar's term characters end. */
  private static final String VALUE_ENDS = "!():^[]\"{}~*?\\/";
  private static final Pattern PLAIN = Pattern.compile("\\d+(?:\\.\\d+)?");
  /**
   * A word's edits: 0, 1 or 2 (Lucene read ~3 as ~2 without a word), or a similarity below 1 as
   * Lucene once took it (~0.8).
   */
  private static final Pattern EDITS = Pattern.compile("[0-2]|0?\\.\\d+");

  private QueryPrescan() {}

  static void check(String query) throws QueryErrors.Placed {
    int depth = 0;
    boolean inPhrase = false;
    int phraseEnd = -1; // where the last phrase closed
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        phraseEnd = inPhrase ? i : phraseEnd;
        inPhrase = !inPhrase;
      } else if (inPhrase) {
        // text
      } else if (c == '/') {
        i = QueryWords.regexEnd(query, i);
      } else if (c == '[' || c == '{') { // a bound may hold ^ or ~ as text: [a^1e3 TO b]
        i = QueryWords.rangeEnd(query, i);
      } else if (c == '(' && ++depth > MAX_NESTING) {
        throw new QueryErrors.Placed("parentheses nested more than " + MAX_NESTING + " deep", i + 1);
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if (c == '^' || c == '~') {
        // The grammar skips white space between tokens: cache ^1e3 is cache^1e3.
        int before = lastBefore(query, i);
        if (before >= 0 && !endsOperator(query, before)) {
          checkValue(c, value(query, i + 1), before == phraseEnd, i + 1);
        }
      }
    }
  }

  /** The last character before {@code i} that is no white space, or -1. */
  private static int lastBefore(String query, int i) {
    int j = i - 1;
    while (j >= 0 && Character.isWhitespace(query.charAt(j))) {
      j--;
    }
    return j;
  }

  /**
   * Whether the character at {@code j} ends an operator rather than something a boost or distance
   * applies to: then the grammar refuses the ^ or ~ itself ({@code AND ^2}, {@code (^2}, {@code -~1}).
   */
  private static boolean endsOperator(String query, int j) {
    char c = query.charAt(j);
    if (c == '(' || c == ':' || c == '!' || c == '^' || c == '~') {
      return true;
    }
    int start = j;
    while (start > 0 && !Character.isWhitespace(query.charAt(start - 1))
        && VALUE_ENDS.indexOf(query.charAt(start - 1)) < 0) {
      start--;
    }
    String word = query.substring(start, j + 1);
    // + and - are operators only where a word would start: a-^2 is the word a- boosted
    return OPERATORS.contains(word) || word.equals("+") || word.equals("-");
  }

  private static String value(String query, int from) {
    int end = from;
    while (end < query.length() && !Character.isWhitespace(query.charAt(end))
        && VALUE_ENDS.indexOf(query.charAt(end)) < 0) {
      end++;
    }
    return query.substring(from, end);
  }

  /** ^1e3 is read as ^1 and a word e3, ~1e400 as a fractional distance, ~-1 as a similarity. */
  private static void checkValue(char sign, String value, boolean afterPhrase, int column)
      throws QueryErrors.Placed {
    if (value.isEmpty() || sign == '^' && !Character.isDigit(value.charAt(0))) {
      return; // ~ alone; the grammar says what is wrong with ^x
    }
    String written = sign + value;
    if (sign == '^' && !PLAIN.matcher(value).matches()) {
      throw new QueryErrors.Placed("boost " + written + " is not a number as a boost is written:"
          + " digits, with a fraction if need be (^2, ^0.5)", column);
    }
    if (sign == '~' && afterPhrase && !PLAIN.matcher(value).matches()) {
      throw new QueryErrors.Placed("a phrase's " + written + " is not a number: after a phrase, ~ takes how many"
          + " words its words may stand apart, in digits (~3)", column);
    }
    if (sign == '~' && !afterPhrase && !EDITS.matcher(value).matches()) {
      throw new QueryErrors.Placed("a word's " + written + " is not a number of edits: after a word, ~ takes"
          + " 0, 1 or 2, the letters it may differ by (~ alone is 2)", column);
    }
  }
}
