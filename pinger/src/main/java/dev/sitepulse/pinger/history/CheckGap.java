package dev.sitepulse.pinger.history;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch in which a target was not checked though it was before and after: a watch stopped and
 * started again, or the machine slept.
 *
 * @param last its last check before the stretch
 * @param next its first check after it
 * @param interval how often it was checked before the stretch (after it, when nothing came before)
 */
public record CheckGap(Instant last, Instant next, Duration interval) {

  /** Where its unknown time begins: one interval past the check before it, which stands for that interval. */
  public Instant unknownFrom() {
    return last.plus(interval);
  }

  /** How long nothing was seen of the target: from {@link #unknownFrom()} to the next check. */
  public Duration unknown() {
    Instant from = unknownFrom();
    return next.isAfter(from) ? Duration.between(from, next) : Duration.ZERO;
  }
}
