package dev.sitepulse.crawler.search.internal.query;

import dev.sitepulse.crawler.index.PageFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.RegExp;

/**
 * {@code url:} with a word or a part of a path rather than a whole URL: the pages whose URL holds
 * it between the URL's own separators, in any case. {@code url:library} finds every page under
 * {@code /library/} (and {@code library.html}, not {@code mylibrary/}), {@code url:"library/json"}
 * the pages of that path. The index holds each URL whole, so such a value matched no URL and
 * found nothing, silently. A value with a scheme ({@code url:"https://…"}) is still the whole URL,
 * and a prefix of one ({@code url:https\:\/\/docs.python.org\/3\/*}) its start.
 */
final class UrlWords {
  /** What the separators are: anything but a letter or digit, as a URL's path uses / . - _ and more. */
  private static final String SEPARATOR = "[^a-zA-Z0-9]";

  private UrlWords() {}

  /** The pages whose URL holds {@code value} as a word or words; null for a whole URL. */
  static Query of(String value) {
    return value.contains("://") || value.isEmpty() ? null : holding(value, true);
  }

  /** The pages whose URL has a word that starts with {@code prefix}; null for the start of a whole URL. */
  static Query startingWith(String prefix) {
    return prefix.contains("://") || prefix.isEmpty() ? null : holding(prefix, false);
  }

  private static Query holding(String value, boolean whole) {
    StringBuilder regexp = new StringBuilder();
    // A value that starts or ends with a separator (/library/) needs none around it.
    regexp.append(Character.isLetterOrDigit(value.charAt(0)) ? "(.*" + SEPARATOR + ")?" : ".*");
    value.codePoints().forEach(c -> {
      if (!Character.isLetterOrDigit(c)) {
        regexp.append('\\');
      }
      regexp.appendCodePoint(c);
    });
    boolean open = !whole || !Character.isLetterOrDigit(value.codePointBefore(value.length()));
    regexp.append(open ? ".*" : "(" + SEPARATOR + ".*)?");
    return new RegexpQuery(new Term(PageFields.URL, regexp.toString()), RegExp.ALL,
        RegExp.ASCII_CASE_INSENSITIVE, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
  }
}
