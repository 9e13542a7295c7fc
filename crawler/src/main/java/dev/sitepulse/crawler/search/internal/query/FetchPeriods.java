package dev.sitepulse.crawler.search.internal.query;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The time a {@code fetched_at:} value names, as the epoch milliseconds of its first and last
 * instant in UTC: a year ({@code 2026}), a month ({@code 2026-12}) or a day ({@code 2026-12-07}).
 * The field holds epoch milliseconds, so {@code fetched_at:2026} was the 2,026th millisecond of
 * 1970 and found nothing, silently; no crawl fetches a page in 1970's first 10 seconds, so a number
 * of four digits is read as the year it looks like.
 */
final class FetchPeriods {
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** What the field takes, for an error that names it. */
  static final String TAKES = "a date, 2026, 2026-12 or 2026-12-07 (in UTC), or epoch milliseconds";

  private FetchPeriods() {}

  /** {first, last} millisecond of the period {@code text} names; null when it names none. */
  static long[] of(String text) {
    String value = text.trim();
    try {
      if (YEAR.matcher(value).matches()) {
        return between(Year.parse(value).atDay(1), Year.parse(value).plusYears(1).atDay(1));
      }
      if (MONTH.matcher(value).matches()) {
        YearMonth month = YearMonth.parse(value);
        return between(month.atDay(1), month.plusMonths(1).atDay(1));
      }
      if (DAY.matcher(value).matches()) {
        LocalDate day = LocalDate.parse(value);
        return between(day, day.plusDays(1));
      }
    } catch (DateTimeParseException e) {
      return null; // 2026-13, 2026-02-30: no such time, which the caller's error says
    }
    return null;
  }

  private static long[] between(LocalDate first, LocalDate next) {
    long from = first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    return new long[] {from, next.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1};
  }
}
