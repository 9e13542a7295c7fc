package dev.sitepulse.crawler.search.internal.query;

import dev.sitepulse.crawler.search.InvalidQueryException;
import dev.sitepulse.pinger.ErrorText;
import java.util.ArrayDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Turns the query parser's multi-line "Encountered ... Was expecting one of ..." into one line with
 * a column. QueryParser wraps the grammar's ParseException (which knows the offending token) or the
 * lexer's TokenMgrError (which knows only its message) in a ParseException of its own.
 */
public final class QueryErrors {
  private static final Pattern LEXER_COLUMN = Pattern.compile("column (\\d+)");
  private static final Pattern REGEXP_POSITION = Pattern.compile(" at position (\\d+)$");
  private static final Pattern BOOST = Pattern.compile("\\^(\\d+(?:\\.\\d+)?)");
  /** A range's opening bracket after no field: at the start, or after a space, bracket or operator. */
  private static final Pattern FIELDLESS_RANGE = Pattern.compile("(?:^|[\\s(+\\-!])([\\[{])");
  /** The field name a colon closes, at the end of the text before it. */
  private static final Pattern FIELD_BEFORE = Pattern.compile("([\\p{L}\\p{N}_]+)\\s*$");
  private static final Pattern CODE_BRACKET = Pattern.compile("[\\p{L}\\p{N}_][(\\[{]");

  /** A problem found after the grammar, which this class can place itself. */
  static class Placed extends ParseException {
    private static final long serialVersionUID = 1L;
    final int column;

    Placed(String message, int column) {
      super(message);
      this.column = column;
    }
  }

  /** A query of stop words only, which a page may still define as a name (Rust's {@code into}). */
  public static final class OnlyStopWords extends Placed {
    private static final long serialVersionUID = 1L;

    OnlyStopWords() {
      super("it has only stop words, which the index leaves out (such as the, a, of, to, not); add a word"
          + " that the pages would have", -1);
    }

    /** Whether {@code e} is this error, the parser's own or wrapped in the grammar's. */
    public static boolean isCauseOf(InvalidQueryException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof OnlyStopWords) {
          return true;
        }
      }
      return false;
    }
  }

  private QueryErrors() {}

  public static InvalidQueryException of(String query, ParseException wrapper) {
    Throwable cause = wrapper.getCause() != null ? wrapper.getCause() : wrapper;
    // Whatever the grammar tripped on in a URL typed without quotes, the quotes are what is missing.
    Placed url = UnquotedUrl.in(query);
    if (url != null) {
      return new InvalidQueryException(query, url.getMessage(), url.column, wrapper);
    }
    if (cause instanceof Placed placed) {
      return new InvalidQueryException(query, placed.getMessage(), placed.column, wrapper);
    }
    if (cause instanceof ParseException grammar
        && grammar.currentToken != null
        && grammar.currentToken.next != null) {
      Token offending = grammar.currentToken.next;
      // Lucene's FastCharStream reports 0-based offsets as columns; people count from 1.
      int column = offending.beginColumn + 1;
      String reason =
          offending.kind == QueryParserConstants.EOF
              ? "unexpected end" + endHint(query, grammar)
              : "unexpected " + quoted(offending) + bracketHint(query, offending.image) + operatorHint(offending, "");
      return new InvalidQueryException(query, reason, column, wrapper);
    }
    if (cause instanceof TokenMgrError lexer) {
      return lexerError(query, lexer.getMessage(), wrapper);
    }
    return new InvalidQueryException(query, firstLine(cause.getMessage()), -1, wrapper);
  }

  /**
   * A regular expression Lucene refused, at the column of its problem where Lucene names one (its
   * "position" counts from 0 within the expression), else of its opening slash.
   */
  static Placed badRegexp(String query, String regexp, RuntimeException e) {
    String written = "/" + regexp + "/";
    int slash = query.indexOf(written); // the first place it is written: the first to fail
    String problem = e instanceof TooComplexToDeterminizeException ? "too complex" : firstLine(e.getMessage());
    int offset = problem.equals("unexpected end-of-string") ? regexp.length() : -1;
    Matcher m = REGEXP_POSITION.matcher(problem);
    if (m.find()) {
      offset = Integer.parseInt(m.group(1));
      problem = problem.substring(0, m.start());
    }
    int column = slash < 0 ? -1 : offset < 0 ? slash + 1 : slash + offset + 2;
    return new Placed("regular expression " + written + ": " + problem, column);
  }

  /**
   * A boost past float's range ({@code ^1} followed by 39 digits) parses as infinity, which Lucene
   * refuses when it builds the query. Placed at the first such boost.
   */
  static Placed boostOutOfRange(String query, IllegalArgumentException e) {
    Matcher m = BOOST.matcher(query);
    while (m.find()) {
      if (Float.isInfinite(Float.parseFloat(m.group(1)))) {
        return new Placed("boost too large (at most 3.4e38)", m.start() + 1);
      }
    }
    return new Placed(firstLine(e.getMessage()), -1);
  }

  /** A range typed without a field, placed at the first bracket that opens one with no field before it. */
  static Placed rangeWithoutField(String query) {
    Matcher m = FIELDLESS_RANGE.matcher(query);
    return new Placed("a range needs a field, as in status:[500 TO 599] or title:[a TO c]"
        + " (quote text with brackets to search for it)", m.find() ? m.start(1) + 1 : -1);
  }

  /** The lexer counts columns from 1 already. */
  private static InvalidQueryException lexerError(String query, String message, Throwable e) {
    Matcher m = LEXER_COLUMN.matcher(message);
    int column = m.find() ? Integer.parseInt(m.group(1)) : -1;
    String reason;
    if (message.contains("<EOF>")) {
      // A quote typed last opens a phrase with nothing after it, of which the lexer names no prefix.
      boolean inQuote = message.contains("after prefix \"\\\"") || query.endsWith("\"") && !query.endsWith("\\\"");
      // A character it cannot start a token with is reported as the end when it is the last one.
      String last = query.isEmpty() ? "" : query.substring(query.length() - 1);
      if (!inQuote && (last.equals("]") || last.equals("}"))) {
        return new InvalidQueryException(query, "unexpected " + InvalidQueryException.quoted(last)
            + bracketHint(query, last), query.length(), e);
      }
      if (!inQuote && last.equals("\\")) {
        return new InvalidQueryException(query,
            "a \\ at the end escapes nothing (write \\\\ for the character)", query.length(), e);
      }
      reason = inQuote ? "unclosed quote, unexpected end" : "unexpected end";
    } else if (column >= 1 && column <= query.length()) {
      String offending = query.substring(column - 1, column);
      reason = "unexpected " + InvalidQueryException.quoted(offending) + bracketHint(query, offending);
    } else {
      reason = "unexpected character";
    }
    return new InvalidQueryException(query, reason, column, e);
  }

  /**
   * What the end left unfinished, since "unexpected end" alone does not say: an operator without
   * its word ({@code asyncio -}, {@code cache AND}), a boost without its number, a field without
   * what to find in it, or an open range or group. Empty for anything else.
   */
  private static String endHint(String query, ParseException grammar) {
    Token last = grammar.currentToken;
    String after = " after " + quoted(last);
    return switch (last.kind) {
      case QueryParserConstants.MINUS -> after + ", which leaves out the pages with the word after it";
      case QueryParserConstants.PLUS -> after + ", which requires the word after it";
      case QueryParserConstants.CARAT -> after + ", which weighs the word before it by the number after it, as in asyncio^2";
      case QueryParserConstants.COLON -> fieldHint(query, last);
      default -> operatorHint(last, after) + openRange(query, grammar) + openGroup(query);
    };
  }

  /** {@code title:} with nothing after it: the field named, and how a field takes its word. */
  private static String fieldHint(String query, Token colon) {
    Matcher field = FIELD_BEFORE.matcher(query.substring(0, Math.min(query.length(), colon.beginColumn)));
    String name = field.find() ? field.group(1) : "";
    return " after " + InvalidQueryException.quoted(name + ":") + ", a field: give what to find in it, as in "
        + name + ":asyncio";
  }

  /**
   * Where the query ended inside a group ({@code (asyncio}, {@code loop(}), the column of the
   * bracket left open. Empty when every group is closed.
   */
  private static String openGroup(String query) {
    int opened = unclosedParenthesis(query);
    return opened < 0 ? "" : ": the group opened at column " + (opened + 1) + " is not closed, as in (a OR b)"
        + " (quote text with brackets to search for it)";
  }

  /** The last ( that no ) closes, outside phrases, expressions, ranges and escapes; -1 if none. */
  private static int unclosedParenthesis(String query) {
    ArrayDeque<Integer> open = new ArrayDeque<>();
    OutsideText.walk(query, i -> {
      if (query.charAt(i) == '(') {
        open.push(i);
      } else if (query.charAt(i) == ')' && !open.isEmpty()) {
        open.pop();
      }
      return i;
    });
    return open.isEmpty() ? -1 : open.peek();
  }

  private static boolean expects(ParseException grammar, int kind) {
    for (int[] sequence : grammar.expectedTokenSequences == null ? new int[0][] : grammar.expectedTokenSequences) {
      for (int expected : sequence) {
        if (expected == kind) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Where the query ended inside a range ({@code [a TO}), the column of its bracket, since the end
   * alone does not say what was left open. Empty when the grammar expected no part of a range.
   */
  private static String openRange(String query, ParseException grammar) {
    boolean inRange = expects(grammar, QueryParserConstants.RANGE_TO)
        || expects(grammar, QueryParserConstants.RANGEIN_END) || expects(grammar, QueryParserConstants.RANGEEX_END);
    int opened = Math.max(query.lastIndexOf('['), query.lastIndexOf('{'));
    return inRange && opened >= 0
        ? ": the range opened at column " + (opened + 1) + " is not closed, as in [a TO b] or {a TO b}"
            + " (quote text with brackets to search for it)"
        : "";
  }

  /**
   * Code pasted as a query ({@code str.format()}, {@code dict[str, int]}) trips over brackets,
   * which the syntax reserves for groups and ranges; quoted, it is searched as text. Said when a
   * closing bracket tripped the parser, or a bracket opens right after a word as in code: not
   * for a range ({@code status:[200 TO 299]}) or a group ({@code title:(a b)}).
   */
  private static String bracketHint(String query, String offending) {
    boolean tripped = offending.equals(")") || offending.equals("]") || offending.equals("}")
        || CODE_BRACKET.matcher(query).find();
    return tripped ? " (quote text with brackets to search for it)" : "";
  }

  /**
   * An operator word with nothing to join or exclude ({@code cache AND}, {@code OR sockets}) may be
   * the word itself, typed in capitals: the grammar's "unexpected end" did not say how to search
   * for it. Empty for any other token.
   */
  private static String operatorHint(Token token, String after) {
    boolean operator = token.kind == QueryParserConstants.AND || token.kind == QueryParserConstants.OR
        || token.kind == QueryParserConstants.NOT;
    if (!operator || !PageQueryParser.OPERATORS.contains(token.image)) { // && and || are no words
      return "";
    }
    return after + ", an operator (to search for the word, quote it: " + quoted(token) + ")";
  }

  private static String quoted(Token token) {
    return InvalidQueryException.quoted(token.image);
  }

  private static String firstLine(String message) {
    return ErrorText.firstLine(message, "invalid query");
  }
}
