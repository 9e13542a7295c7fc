package dev.sitepulse.crawler.search.internal.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The words of a query in Lucene's classic syntax, read as its grammar reads them, each with where
 * it stands and what the query says of it: its field, whether it is in a quoted phrase or excluded
 * ({@code -word}, {@code NOT word}, {@code -(a b)}, {@code -"a b"}), and what it matches. A phrase
 * is its words, split at spaces; a range or a regular expression is one word. Operators, field
 * names, parentheses, boosts and slops are no words. What a caller takes of them is its own:
 * {@link dev.sitepulse.crawler.search.internal.correction.CorrectableWords},
 * {@link dev.sitepulse.crawler.search.internal.ranking.DefinedNames}.
 */
public final class QueryWords {
  private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "&&", "||");
  /** Characters that end a word in the classic grammar ({@code -} and {@code +} only start one's operator). */
  private static final String WORD_ENDS = "!():^[]\"{}~/";

  /** What a word matches, as the grammar decides it: a prefix or wildcard before a fuzzy mark. */
  public enum Kind { PLAIN, PREFIX, WILDCARD, FUZZY, REGEX, RANGE }

  /**
   * @param text the word as typed, escapes included
   * @param start where it starts in the query
   * @param end where it ends, exclusive: before any boost, slop or fuzziness
   * @param field the field it names, or null for the default fields
   */
  public record Word(String text, int start, int end, String field, Kind kind, boolean inPhrase, boolean excluded) {
    /** Whether it is searched as text: in the default fields or in title, headings, description or body. */
    public boolean inTextField() {
      return field == null || PageQueryParser.TEXT_FIELDS.contains(field);
    }
  }

  /** A group's field and whether the group is excluded: {@code -title:(a b)}. */
  private record Group(String field, boolean excluded) {}

  private final String query;
  private final Deque<Group> groups = new ArrayDeque<>();
  private final List<Word> words = new ArrayList<>();
  private String nextField;
  private boolean nextExcluded;
  private int at;

  private QueryWords(String query) {
    this.query = query;
    groups.push(new Group(null, false));
  }

  public static List<Word> of(String query) {
    QueryWords scan = new QueryWords(query);
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
      } else if (c == '"') {
        phrase();
      } else if (c == '/') {
        regex();
      } else if (c == '[' || c == '{') {
        range();
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
    boolean wildcard = false;
    boolean star = false; // the last character is an unescaped *
    while (at < query.length() && !isSpace(query.charAt(at)) && WORD_ENDS.indexOf(query.charAt(at)) < 0) {
      char c = query.charAt(at);
      wildcard |= star || c == '?';
      star = c == '*';
      at += c == '\\' ? 2 : 1;
    }
    at = Math.min(at, query.length());
    if (at == start) { // a stray ] or }, which the grammar refuses anyway
      at++;
      return;
    }
    String text = query.substring(start, at);
    int colon = pastSpaces(at); // the grammar skips white space between tokens: title : word
    if (colon < query.length() && query.charAt(colon) == ':') {
      nextField = text; // excluded stays: -title:word
      at = colon + 1;
      return;
    }
    if (OPERATORS.contains(text)) {
      nextExcluded |= text.equals("NOT");
      return;
    }
    Kind kind = wildcard ? Kind.WILDCARD
        : star ? Kind.PREFIX
        : fuzzyMarkAfter(at) ? Kind.FUZZY
        : Kind.PLAIN;
    add(text, start, kind, false);
    clearNext();
  }

  /**
   * Whether a {@code ~} follows the word ending at {@code i}, as the grammar reads it: after white
   * space, or after a boost ({@code word ~1}, {@code word^2 ~1} and {@code word^2~1} are fuzzy too).
   */
  private boolean fuzzyMarkAfter(int i) {
    i = pastSpaces(i);
    if (i < query.length() && query.charAt(i) == '^') {
      i++; // the boost's number follows at once: no white space is skipped there
      while (i < query.length() && (Character.isDigit(query.charAt(i)) || query.charAt(i) == '.')) {
        i++;
      }
      i = pastSpaces(i);
    }
    return i < query.length() && query.charAt(i) == '~';
  }

  private int pastSpaces(int i) {
    while (i < query.length() && isSpace(query.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Each word between the quotes, split at spaces; an escaped quote does not close. */
  private void phrase() {
    at++;
    while (at < query.length() && query.charAt(at) != '"') {
      if (isSpace(query.charAt(at))) {
        at++;
        continue;
      }
      int start = at;
      while (at < query.length() && !isSpace(query.charAt(at)) && query.charAt(at) != '"') {
        at += query.charAt(at) == '\\' ? 2 : 1;
      }
      at = Math.min(at, query.length());
      add(query.substring(start, at), start, Kind.PLAIN, true);
    }
    at = Math.min(at + 1, query.length());
    clearNext();
  }

  /** A regular expression, to the next {@code /} that no backslash escapes or the end, as one word. */
  private void regex() {
    whole(Kind.REGEX, regexEnd(query, at));
  }

  /** Where the regular expression whose slash is at {@code open} closes: the next unescaped slash. */
  static int regexEnd(String query, int open) {
    int i = open + 1;
    while (i < query.length() && query.charAt(i) != '/') {
      i += query.charAt(i) == '\\' ? 2 : 1;
    }
    return i;
  }

  /**
   * A range, as one word. Either closing bracket ends it, whichever opened it: the grammar takes
   * an inclusive start with an exclusive end, and the other way round. A quoted bound may hold
   * one; elsewhere in a range a backslash escapes nothing, and a quote that no other closes is text.
   */
  private void range() {
    whole(Kind.RANGE, rangeEnd(query, at));
  }

  /** Where the range whose bracket is at {@code open} closes (see {@link #range()}). */
  static int rangeEnd(String query, int open) {
    int i = open + 1;
    while (i < query.length() && query.charAt(i) != ']' && query.charAt(i) != '}') {
      int quoteEnd = query.charAt(i) == '"' ? closingQuote(query, i) : query.length();
      if (isSpace(query.charAt(i))) {
        i++;
      } else if (quoteEnd < query.length()) {
        i = quoteEnd + 1;
      } else { // a bound; a quote that none closes is its first character, as the grammar reads it
        i++;
        while (i < query.length() && " ]}".indexOf(query.charAt(i)) < 0) {
          i++;
        }
      }
    }
    return i;
  }

  /** Where the quote at {@code open} closes, past escaped quotes: the query's length when nothing does. */
  static int closingQuote(String query, int open) {
    int i = open + 1;
    while (i < query.length() && query.charAt(i) != '"') {
      i += query.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i, query.length());
  }

  /** From here to {@code close}, included, as one word of {@code kind}. */
  private void whole(Kind kind, int close) {
    int start = at;
    at = Math.min(close + 1, query.length());
    add(query.substring(start, at), start, kind, false);
    clearNext();
  }

  private void add(String text, int start, Kind kind, boolean inPhrase) {
    words.add(new Word(text, start, start + text.length(), field(), kind, inPhrase, excluded()));
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

  /** The classic grammar's white space: space, tab, line ends and the ideographic space, no other. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u3000';
  }
}
