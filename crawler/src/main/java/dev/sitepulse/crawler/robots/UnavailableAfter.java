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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date of an {@code unavailable_after} robots directive, in the formats search engines read:
 * RFC 822 and 1123 ({@code 25 Jun 2010 15:00:00 PST}), RFC 850 ({@code Monday, 15-Aug-05 15:52:01
 * UTC}) and ISO 8601 ({@code 2010-06-25}, {@code 2010-06-25T15:00:00Z}, or with a space for the
 * T), a month's name short or in full. A date without a zone is UTC; a date without a time, its
 * start.
 */
final class UnavailableAfter {

  private static final Pattern WEEKDAY = Pattern.compile(
      "(?i)(mon|tue|wed|thu|fri|sat|sun)[a-z]*");
  private static final Pattern LEADING_WEEKDAY = Pattern.compile("(?i)^" + WEEKDAY.pattern() + ",?\\s*");
  /** Day, month name and year, apart by spaces or dashes, a time and a zone name or offset, all but the date optional. */
  private static final List<DateTimeFormatter> WRITTEN = List.of(written("yyyy"), written("yy"));
  /**
   * RFC 822's zone names, which are fixed offsets: Google's own example, "25 Jun 2010 15:00:00
   * PST", is 23:00 UTC, where Java reads PST as Los Angeles' time, summer time in June.
   */
  private static final Map<String, String> RFC822_ZONES = Map.of("UT", "+0000", "EST", "-0500", "EDT", "-0400",
      "CST", "-0600", "CDT", "-0500", "MST", "-0700", "MDT", "-0600", "PST", "-0800", "PDT", "-0700");
  private static final Pattern TRAILING_ZONE = Pattern.compile("\\s([A-Za-z]{2,3})$");
  /** ISO 8601's date and time written apart by a space, as people write them: 2010-06-25 15:00. */
  private static final Pattern SPACED_ISO = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d)");

  private UnavailableAfter() {}

  private static DateTimeFormatter written(String year) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive()
        .appendPattern("d[ ][-][MMMM][MMM][ ][-]" + year + "[ HH:mm[:ss]][ ][z][XX][XXX]")
        .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
        .toFormatter(Locale.ENGLISH);
  }

  /** The part of an RFC 850 date before its comma, which splitting directives at commas cut off. */
  static boolean isWeekdayAlone(String s) {
    return WEEKDAY.matcher(s.strip()).matches();
  }

  /** The moment, or null when {@code date} is in no format read here: then it asks nothing. */
  static Instant parse(String date) {
    String d = SPACED_ISO.matcher(date.strip()).replaceFirst("$1T$2");
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
    String written = withOffset(LEADING_WEEKDAY.matcher(d).replaceFirst(""));
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

  /** The date with an RFC 822 zone name at its end as the offset it stands for. */
  private static String withOffset(String date) {
    Matcher zone = TRAILING_ZONE.matcher(date);
    String offset = zone.find() ? RFC822_ZONES.get(zone.group(1).toUpperCase(Locale.ROOT)) : null;
    return offset == null ? date : date.substring(0, zone.start()) + " " + offset;
  }
}
