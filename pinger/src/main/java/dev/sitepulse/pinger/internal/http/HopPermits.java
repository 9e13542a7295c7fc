package dev.sitepulse.pinger.internal.http;

/**
 * Where a redirect hop takes its request permit: the rate limit of the host it goes to, as the
 * check's first request took one of its own host's when the scheduler started it.
 */
@FunctionalInterface
public interface HopPermits {

  /** Nothing is counted: the rate is unlimited, or the exchange is not a check's. */
  HopPermits NONE = host -> {};

  /**
   * Counts a request about to go to {@code host}: takes a permit of its rate if one is free, else
   * the host owes one, which is paid before its next check starts. Never waits; any thread.
   */
  void take(String host);
}
