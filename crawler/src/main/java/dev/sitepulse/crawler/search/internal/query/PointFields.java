package dev.sitepulse.crawler.search.internal.query;

import static dev.sitepulse.crawler.index.PageFields.FETCHED_AT;
import static dev.sitepulse.crawler.index.PageFields.STATUS;

import dev.sitepulse.crawler.search.InvalidQueryException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;

/**
 * The point fields status and fetched_at as {@link PageQueryParser} reads them: the classic parser
 * would treat them as text and never match, so they take numbers and ranges ({@code status:404},
 * {@code status:[500 TO *]}), and fetched_at dates too ({@code fetched_at:2026-12}); a value that
 * is neither is an error placed in the query.
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
    long[] period = period(query, field, text);
    return LongPoint.newRangeQuery(field, period[0], period[1]);
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
    // Points take inclusive bounds; an exclusive one moves a step past its value, a period's
    // whole length for a date: {2026 TO *] starts in 2027 (null means open).
    long from = min;
    long to = max;
    if (lower != null) {
      long[] bound = period(query, field, lower);
      from = clamp(lowerInclusive ? bound[0] : bound[1] == Long.MAX_VALUE ? bound[1] : bound[1] + 1, min, max);
    }
    if (upper != null) {
      long[] bound = period(query, field, upper);
      to = clamp(upperInclusive ? bound[1] : bound[0] == Long.MIN_VALUE ? bound[0] : bound[0] - 1, min, max);
    }
    return STATUS.equals(field)
        ? IntPoint.newRangeQuery(field, (int) from, (int) to)
        : LongPoint.newRangeQuery(field, from, to);
  }

  private static long clamp(long value, long min, long max) {
    return Math.max(min, Math.min(max, value));
  }

  /**
   * The first and last value {@code text} stands for: a number is itself; for fetched_at, a
   * date is its year, month or day ({@link FetchPeriods}).
   */
  private static long[] period(String query, String field, String text) throws ParseException {
    long[] dates = FETCHED_AT.equals(field) ? FetchPeriods.of(text) : null;
    if (dates != null) {
      return dates;
    }
    long n = number(query, field, text);
    return new long[] {n, n};
  }

  private static long number(String query, String field, String text) throws ParseException {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      String takes = FETCHED_AT.equals(field) ? FetchPeriods.TAKES : "a whole number";
      throw new QueryErrors.Placed(
          field + " takes " + takes + ", not " + InvalidQueryException.quoted(text), columnOf(query, field, text));
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
