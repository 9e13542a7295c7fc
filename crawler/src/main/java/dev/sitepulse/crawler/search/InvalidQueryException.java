package dev.sitepulse.crawler.search;

import dev.sitepulse.pinger.ErrorText;

/**
 * A query the classic syntax cannot parse. The message is one line, for example {@code cannot parse
 * query "title:(foo": unexpected end at column 11}.
 */
public final class InvalidQueryException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String query;
  private final String reason;
  private final int column;

  public InvalidQueryException(String query, String reason, int column, Throwable cause) {
    super(
        "cannot parse query "
            + quoted(query)
            + ": "
            + reason
            + (column > 0 ? " at column " + column : ""),
        cause);
    this.query = query;
    this.reason = reason;
    this.column = column;
  }

  /** The same error told of {@code typed}, the query before it was rewritten, at its own column. */
  public InvalidQueryException in(String typed, int typedColumn) {
    return new InvalidQueryException(typed, reason, typedColumn, getCause());
  }

  public String query() {
    return query;
  }

  /** 1-based column of the problem in the query, or -1 when Lucene does not say where. */
  public int column() {
    return column;
  }

  /** How much of a query an error quotes: a pasted page must not make the one line a screenful. */
  private static final int QUOTED = 200;

  /**
   * In double quotes, escaped so that quotes, newlines and control characters in the query keep
   * the message whole and the terminal as it was, and cut after {@value #QUOTED} characters.
   */
  public static String quoted(String text) {
    int shown = text.length() <= QUOTED ? text.length() : text.offsetByCodePoints(0, text.codePointCount(0, QUOTED));
    StringBuilder out = new StringBuilder(shown + 3).append('"');
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (ErrorText.unprintable(c)) { // raw, it would act on the terminal or break the line
            out.append(ErrorText.escape(c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append(shown < text.length() ? "…\"" : "\"").toString();
  }
}
