package dev.sitepulse.crawler.search.internal.correction;

import dev.sitepulse.crawler.search.internal.query.QueryWords;
import java.util.List;

/**
 * The words of a query, in Lucene's classic syntax, that a spelling correction may replace, with
 * where they stand in it: a correction changes those characters and keeps the rest as typed. A
 * plain word, or one in a text field ({@code title:asyncoi}), required or boosted, or in a quoted
 * phrase, whose quotes stay ({@code "asyncio evnt loop"}). Not a value of url, host, lang, status
 * or fetched_at, matched whole; not a prefix, wildcard, fuzzy, regular expression or range, which
 * say themselves what they match; not an excluded word ({@code -word}, {@code NOT word},
 * {@code -(a b)}, {@code -"a b"}), which finds nothing on purpose; not a word with an escape.
 */
final class CorrectableWords {
  private CorrectableWords() {}

  static List<QueryWords.Word> in(String query) {
    return QueryWords.of(query).stream().filter(CorrectableWords::correctable).toList();
  }

  private static boolean correctable(QueryWords.Word word) {
    return word.kind() == QueryWords.Kind.PLAIN && !word.excluded() && word.inTextField() && word.text().indexOf('\\') < 0;
  }
}
