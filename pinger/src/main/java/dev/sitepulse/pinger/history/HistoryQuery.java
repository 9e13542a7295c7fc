package dev.sitepulse.pinger.history;

import java.time.Instant;
import java.util.Objects;

/**
 * Which part of the history to read: {@code since} inclusive to {@code until} exclusive, for one
 * target or (null) all of them.
 */
public record HistoryQuery(Instant since, Instant until, String target) {

  public HistoryQuery {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
    if (until.isBefore(since)) {
      throw new IllegalArgumentException("until " + until + " is before since " + since);
    }
  }
}
