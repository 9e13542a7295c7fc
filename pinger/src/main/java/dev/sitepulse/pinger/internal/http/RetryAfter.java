package dev.sitepulse.pinger.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.Response;

/** Reads a Retry-After header: either delay-seconds or an HTTP-date (RFC 9110, 10.2.3). */
public final class RetryAfter {
  private RetryAfter() {}

  /**
   * The wait a 429 or 503 asks for before a retry. On other statuses the header asks for no retry
   * (on a 3xx it paces the redirect), so checks and fetches alike ignore it there.
   */
  static Optional<Duration> of(Response response, Instant now) {
    return response.code() == 429 || response.code() == 503
        ? parse(response.header("Retry-After"), now)
        : Optional.empty();
  }

  /** The wait {@code value} asks for from {@code now}; empty for none, nonsense or a date already past. */
  public static Optional<Duration> parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
      } catch (NumberFormatException tooLong) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      // A date already past (a stale cached answer, a clock astray) says nothing of when to come
      // back: taken as 0 it made every retry at once, so it counts as no Retry-After at all.
      return d.isNegative() ? Optional.empty() : Optional.of(d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
