package dev.sitepulse.crawler.search.internal.query;

import java.util.List;

/**
 * One misspelt word of a query and the word that replaces it: the characters {@code [start, end)}
 * of the query {@link dev.sitepulse.crawler.search.internal.correction.DidYouMean} was given, and
 * {@code written} escaped for the grammar.
 */
public record Correction(int start, int end, String written) {

  /** {@code query} with each correction, in order of where they stand, made. */
  public static String applied(String query, List<Correction> corrections) {
    StringBuilder out = new StringBuilder(query.length() + 8);
    int copied = 0;
    for (Correction c : corrections) {
      out.append(query, copied, c.start()).append(c.written());
      copied = c.end();
    }
    return out.append(query, copied, query.length()).toString();
  }
}
