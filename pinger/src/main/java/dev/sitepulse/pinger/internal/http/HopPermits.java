package dev.sitepulse.pinger.internal.http;

/**
 * Where a redirect hop takes its request permit: the rate limit of the host it goes to, as the
 * check's first request took one of its own host's when the scheduler started it.
 */
@FunctionalInterface
public interface HopPermits {

  /** Every hop goes at once: the rate is unlimited, or the exchange is not a check's. */
  HopPermits NONE = host -> 0;

  /**
   * Takes a permit of {@code host}'s rate now if one is free, and returns 0; otherwise takes none
   * and returns the nanoseconds until the next. Called from any thread.
   */
  long takeOrWait(String host);
}
