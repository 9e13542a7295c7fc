package dev.sitepulse.crawler.search;

import static dev.sitepulse.crawler.index.PageFields.FETCHED_AT;
import static dev.sitepulse.crawler.index.PageFields.STATUS;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;

/**
 * The point fields status and fetched_at as {@link PageQueryParser} reads them: the classic parser
 * would treat them as text and never match, so they take numbers and ranges ({@code status:404},
 * {@code status:[500 TO *]}); a value that is no number is an error placed in the query.
 */
final class PointFields {
  private PointFields() {}

  /** Whether {@code field} is one of the point fields. */
  static boolean has(String field) {
    return STATUS.equals(field) || FETCHED_AT.equals(field);
  }

  /** The pages whose {@code field} is the number {@code text}; {@code query} places an error. */
  static Query exact(String query, String field, String text) throws ParseException {
    if (STATUS.equals(field)) {
      long status = number(query, field, text);
      if (status != (int) status) {
        throw new QueryErrors.Placed(field + " " + status + " is out of range", columnOf(query, field, text));
      }
      return IntPoint.newExactQuery(field, (int) status);
    }
    return LongPoint.newExactQuery(field, number(query, field, text));
  }

  /** The pages with any value in {@code field}. */
  static Query any(String field) {
    return STATUS.equals(field)
        ? IntPoint.newRangeQuery(field, Integer.MIN_VALUE, Integer.MAX_VALUE)
        : LongPoint.newRangeQuery(field, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** The pages whose {@code field} is within the bounds, null for an open one; {@code query} places an error. */
  static Query range(String query, String field, String lower, String upper, boolean lowerInclusive,
      boolean upperInclusive) throws ParseException {
    long min = STATUS.equals(field) ? Integer.MIN_VALUE : Long.MIN_VALUE;
    long max = STATUS.equals(field) ? Integer.MAX_VALUE : Long.MAX_VALUE;
    // Points take inclusive bounds; an exclusive one moves a step inwards (null means open).
    long from = lower == null ? min : clamp(number(query, field, lower), min, max);
    long to = upper == null ? max : clamp(number(query, field, upper), min, max);
    if (lower != null && !lowerInclusive && from < max) {
      from++;
    }
    if (upper != null && !upperInclusive && to > min) {
      to--;
    }
    return STATUS.equals(field)
        ? IntPoint.newRangeQuery(field, (int) from, (int) to)
        : LongPoint.newRangeQuery(field, from, to);
  }

  private static long clamp(long value, long min, long max) {
    return Math.max(min, Math.min(max, value));
  }

  private static long number(String query, String field, String text) throws ParseException {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new QueryErrors.Placed(
          field + " takes a whole number, not " + InvalidQueryException.quoted(text), columnOf(query, field, text));
    }
  }

  /**
   * The 1-based column of {@code value} as the query gives it to {@code field}: the first time it
   * follows the field's name ({@code status:abc}, {@code fetched_at:[a TO b]}); -1 if not found.
   */
  private static int columnOf(String query, String field, String value) {
    Matcher named = Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(field) + "\\s*:").matcher(query);
    while (named.find()) {
      int at = query.indexOf(value.trim(), named.end());
      if (at >= 0) {
        return at + 1;
      }
    }
    return -1;
  }
}
