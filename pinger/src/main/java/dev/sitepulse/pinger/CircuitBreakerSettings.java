package dev.sitepulse.pinger;

import java.time.Duration;

/**
 * When checks stop going to a host that cannot be reached: after {@code failures} checks of one
 * host and port in a row failed to reach it (DNS, connection refused, connect timeout), its next
 * checks are not sent for {@code openFor} and end as {@link ErrorKind#CIRCUIT_OPEN}; then one trial
 * check goes, and the circuit closes if it reaches the host. The next check of the target whose
 * failure opened the circuit is its trial at once: a watch's circuit holds a recovery back one
 * interval at most. A slow or failing endpoint does not count: its host answered. Validated when built.
 *
 * @param failures checks in a row that open the circuit; 0 turns circuit breaking off
 */
public record CircuitBreakerSettings(int failures, Duration openFor) {

  /** Where a circuit's changes are logged (open, trial, closed), at INFO. */
  public static final String LOGGER = "sitepulse.circuits";

  /** Resilience4j keeps a slot per failure it counts, for every host: more would fill the memory. */
  public static final int MAX_FAILURES = 100;
  /** Resilience4j waits no less than this in the open state. */
  public static final Duration MIN_OPEN_FOR = Duration.ofMillis(1); // both above DEFAULT, which is checked
  public static final CircuitBreakerSettings DEFAULT = new CircuitBreakerSettings(5, Duration.ofSeconds(30));
  public static final CircuitBreakerSettings OFF = new CircuitBreakerSettings(0, DEFAULT.openFor);

  public CircuitBreakerSettings {
    if (failures < 0 || failures > MAX_FAILURES) {
      throw new IllegalArgumentException("circuit-breaker failures must be 0 (off) to " + MAX_FAILURES + ", got " + failures);
    }
    if (openFor == null || openFor.compareTo(MIN_OPEN_FOR) < 0) {
      throw new IllegalArgumentException("circuit-breaker open-for must be at least 1ms, got " + openFor);
    }
  }

  public boolean enabled() {
    return failures > 0;
  }
}
