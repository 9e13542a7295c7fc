package dev.sitepulse.crawler.robots;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The date of an {@code unavailable_after} robots directive, in the formats search engines read:
 * RFC 822 and 1123 ({@code 25 Jun 2010 15:00:00 PST}), RFC 850 ({@code Monday, 15-Aug-05 15:52:01
 * UTC}) and ISO 8601 ({@code 2010-06-25}, {@code 2010-06-25T15:00:00Z}). A date without a zone is
 * UTC; a date without a time, its start.
 */
final class UnavailableAfter {

  private static final Pattern WEEKDAY = Pattern.compile(
      "(?i)(mon|tue|wed|thu|fri|sat|sun)[a-z]*");
  private static final Pattern LEADING_WEEKDAY = Pattern.compile("(?i)^" + WEEKDAY.pattern() + ",?\\s*");
  /** Day, month name and year, apart by spaces or dashes, a time and a zone name or offset, all but the date optional. */
  private static final List<DateTimeFormatter> WRITTEN = List.of(written("yyyy"), written("yy"));

  private UnavailableAfter() {}

  private static DateTimeFormatter written(String year) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive()
        .appendPattern("d[ ][-]MMM[ ][-]" + year + "[ HH:mm[:ss]][ ][z][XX][XXX]")
        .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
        .toFormatter(Locale.ENGLISH);
  }

  /** The part of an RFC 850 date before its comma, which splitting directives at commas cut off. */
  static boolean isWeekdayAlone(String s) {
    return WEEKDAY.matcher(s.strip()).matches();
  }

  /** The moment, or null when {@code date} is in no format read here: then it asks nothing. */
  static Instant parse(String date) {
    String d = date.strip();
    try {
      return ZonedDateTime.parse(d, DateTimeFormatter.ISO_DATE_TIME).toInstant();
    } catch (DateTimeParseException notZoned) {
      // tried next
    }
    try {
      return LocalDateTime.parse(d, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notLocal) {
      // tried next
    }
    try {
      return LocalDate.parse(d, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException notIso) {
      // tried next
    }
    String written = LEADING_WEEKDAY.matcher(d).replaceFirst("");
    for (DateTimeFormatter f : WRITTEN) {
      try {
        var parsed = f.parseBest(written, ZonedDateTime::from, LocalDateTime::from);
        return parsed instanceof ZonedDateTime z ? z.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notWritten) {
        // tried next
      }
    }
    return null;
  }
}
