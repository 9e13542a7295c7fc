package dev.sitepulse.pinger.history;

import dev.sitepulse.pinger.internal.RetryPolicy;
import java.time.Duration;
import java.time.Instant;

/**
 * When a check began and how long the whole check took, its retries and their back-offs too, which
 * together say when a watch could check the target next: a check that outlasts the interval
 * delays the next.
 */
public record CheckTime(Instant at, Duration took) {

  /**
   * How long a check of {@code attempts} took, from its last attempt's time, which is all the
   * history keeps: each attempt as long as that one (the attempts of a site that hangs all run to
   * the timeout), plus the back-offs between them. A server's Retry-After is not counted.
   */
  static Duration took(long lastAttemptMicros, int attempts) {
    return Duration.ofNanos(lastAttemptMicros * 1000).multipliedBy(Math.max(1, attempts))
        .plus(RetryPolicy.backoffs(attempts - 1));
  }
}
