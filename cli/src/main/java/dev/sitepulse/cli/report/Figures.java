package dev.sitepulse.cli.report;

import dev.sitepulse.pinger.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How the table and the HTML write numbers, times and durations: the same everywhere. */
public final class Figures {

  static final String NONE = "-";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private Figures() {}

  /** 99.95%, 100%, or - with no checks. */
  static String percent(Availability a) {
    if (!a.known()) {
      return NONE;
    }
    long hundredths = a.hundredthsOfAPercentDown();
    return hundredths == 10_000 ? "100%" : String.format(Locale.ROOT, "%d.%02d%%", hundredths / 100, hundredths % 100);
  }

  /** 12.3, to a tenth of a millisecond, or - with no value. */
  static String millis(double ms, long count) {
    return count == 0 ? NONE : millis(ms);
  }

  /** 12.3, to a tenth of a millisecond. */
  static String millis(double ms) {
    return String.format(Locale.ROOT, "%.1f", ms);
  }

  /** A PageRank to five decimals: 0.01234. */
  static String rank(double rank) {
    return String.format(Locale.ROOT, "%.5f", rank);
  }

  static String duration(Duration d) {
    return d.isZero() ? "0s" : Durations.format(d.withNanos(d.getNano() / 1_000_000 * 1_000_000));
  }

  /**
   * What a report's window is called, in the table's first line and the page's title and heading:
   * "last 24h", or "the whole history (3h)" when the history began inside the window asked for.
   */
  static String window(Report r) {
    String span = duration(Duration.between(r.since(), r.until()));
    return r.coversWholeHistory() ? "the whole history (" + span + ")" : "last " + span;
  }

  static String time(Instant t) {
    return t == null ? NONE : TIME.format(t);
  }

  /** When an incident began: its first failed check, or where checks resumed and it was already down. */
  static String incidentStart(Incident i) {
    return i.checksResumed() == null ? time(i.start())
        : "already down when checks resumed at " + time(i.checksResumed());
  }

  /** Until when an incident lasted: its end, "still down", or where its checks stopped. */
  static String incidentEnd(Incident i) {
    if (i.ongoing()) {
      return "still down";
    }
    return i.end() != null ? time(i.end()) : "open when checks stopped at " + time(i.checksStopped());
  }

  /**
   * How long an incident lasted: all of it, from its start, even where that is before the window
   * ({@code since}); then, if it began before, the part inside, which the downtime counts: "4m33s
   * (10s in window)". Only the part inside read as "still down 10s" after four minutes down.
   */
  static String incidentLength(Incident i, Instant since) {
    Duration whole = wholeLength(i, since);
    return whole.equals(i.duration()) ? duration(whole)
        : duration(whole) + " (" + duration(i.duration()) + " in window)";
  }

  /** An incident's length from its start, before {@code since} too. */
  static Duration wholeLength(Incident i, Instant since) {
    return i.start().isBefore(since) ? i.duration().plus(Duration.between(i.start(), since)) : i.duration();
  }

  /** Why an incident happened: what the check that started it said. */
  static String incidentReason(Incident i) {
    return i.failed().first() == null ? NONE : i.failed().first().reason();
  }

  /** How many checks failed in an incident, and of which kinds: "4: CONNECT_REFUSED×2 DOWN×1 TIMEOUT×1". */
  static String incidentFailures(Incident i) {
    return i.failed().count() == 0 ? "0" : i.failed().count() + ": " + counts(i.failed().kinds());
  }

  static String day(Instant t) {
    return t == null ? NONE : DAY.format(t);
  }

  /** 200×8636 500×4 */
  static String counts(Map<?, Long> counts) {
    if (counts.isEmpty()) {
      return NONE;
    }
    return counts.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(" "));
  }
}
