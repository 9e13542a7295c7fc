package dev.sitepulse.crawler.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The words of a query, in Lucene's classic syntax, that a spelling correction may replace, with
 * where they stand in it: a correction changes those characters and keeps the rest as typed. A
 * plain word, or one in a text field ({@code title:asyncoi}), required or boosted. Not a quoted
 * phrase, which asks for its words exactly and often holds code ({@code "*args"}); not a value of
 * url, host, lang, status or fetched_at, matched whole; not a prefix, wildcard, fuzzy, regular
 * expression or range, which say themselves what they match; not an excluded word ({@code -word},
 * {@code NOT word}, {@code -(a b)}), which finds nothing on purpose; not a word with an escape.
 */
final class CorrectableWords {
  private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "&&", "||");
  /** Characters that end a word in the classic grammar ({@code -} and {@code +} only start one's operator). */
  private static final String WORD_ENDS = "!():^[]\"{}~/";

  /**
   * @param start where the word starts in the query
   * @param end where it ends, exclusive
   * @param field the field it names, or null for the default fields
   */
  record Word(int start, int end, String field) {}

  /** A group's field and whether the group is excluded: {@code -title:(a b)}. */
  private record Group(String field, boolean excluded) {}

  private final String query;
  private final Deque<Group> groups = new ArrayDeque<>();
  private final List<Word> words = new ArrayList<>();
  private String nextField;
  private boolean nextExcluded;
  private int at;

  private CorrectableWords(String query) {
    this.query = query;
    groups.push(new Group(null, false));
  }

  static List<Word> in(String query) {
    CorrectableWords scan = new CorrectableWords(query);
    scan.scan();
    return List.copyOf(scan.words);
  }

  private void scan() {
    while (at < query.length()) {
      char c = query.charAt(at);
      if (isSpace(c) || c == '+') {
        at++;
      } else if (c == '-' || c == '!') {
        nextExcluded = true;
        at++;
      } else if (c == '"' || c == '/') {
        skipPast(c, at + 1);
      } else if (c == '[' || c == '{') {
        skipPast(c == '[' ? ']' : '}', at + 1);
      } else if (c == '(') {
        groups.push(new Group(field(), excluded()));
        clearNext();
        at++;
      } else if (c == ')') {
        if (groups.size() > 1) {
          groups.pop();
        }
        at++;
      } else if (c == '^' || c == '~') { // a boost, a slop or a fuzziness, and its number
        at++;
        while (at < query.length() && (Character.isDigit(query.charAt(at)) || query.charAt(at) == '.')) {
          at++;
        }
      } else if (c == ':') {
        at++;
      } else {
        word();
      }
    }
  }

  private void word() {
    int start = at;
    boolean plain = true;
    while (at < query.length() && !isSpace(query.charAt(at)) && WORD_ENDS.indexOf(query.charAt(at)) < 0) {
      char c = query.charAt(at);
      plain &= c != '*' && c != '?' && c != '\\';
      at += c == '\\' ? 2 : 1;
    }
    at = Math.min(at, query.length());
    if (at == start) { // a stray ] or }, which the grammar refuses anyway
      at++;
      return;
    }
    String text = query.substring(start, at);
    if (at < query.length() && query.charAt(at) == ':') {
      nextField = text; // excluded stays: -title:word
      at++;
      return;
    }
    if (OPERATORS.contains(text)) {
      nextExcluded |= text.equals("NOT");
      return;
    }
    boolean fuzzy = at < query.length() && query.charAt(at) == '~';
    String field = field();
    if (plain && !fuzzy && !excluded() && (field == null || PageQueryParser.TEXT_FIELDS.contains(field))) {
      words.add(new Word(start, at, field));
    }
    clearNext();
  }

  /** Moves past the next {@code close} from {@code from} that no backslash escapes, or to the end. */
  private void skipPast(char close, int from) {
    int i = from;
    while (i < query.length() && query.charAt(i) != close) {
      i += query.charAt(i) == '\\' ? 2 : 1;
    }
    at = Math.min(i + 1, query.length());
    clearNext();
  }

  private String field() {
    return nextField != null ? nextField : groups.peek().field();
  }

  private boolean excluded() {
    return nextExcluded || groups.peek().excluded();
  }

  private void clearNext() {
    nextField = null;
    nextExcluded = false;
  }

  /** Lucene's classic grammar also splits words at an ideographic space. */
  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u3000';
  }
}
