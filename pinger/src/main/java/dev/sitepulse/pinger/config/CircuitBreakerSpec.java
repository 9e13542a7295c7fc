package dev.sitepulse.pinger.config;

import dev.sitepulse.pinger.CircuitBreakerSettings;
import java.time.Duration;

/**
 * {@code defaults.circuit-breaker}: after {@code failures} checks of a host in a row could not
 * reach it, its checks are held back for {@code open-for}. Absent keys keep the built-in values.
 */
public record CircuitBreakerSpec(Integer failures, Duration openFor) {

  public CircuitBreakerSpec {
    if (failures != null && failures < 0) {
      throw new InvalidValueException("failures", "failures must be 0 (off) or more, got " + failures);
    }
    if (failures != null && failures > CircuitBreakerSettings.MAX_FAILURES) {
      throw new InvalidValueException("failures",
          "failures must be at most " + CircuitBreakerSettings.MAX_FAILURES + ", got " + failures);
    }
    if (openFor != null && (openFor.isZero() || openFor.isNegative())) {
      throw new InvalidValueException("open-for", "open-for must be positive, got " + Durations.format(openFor));
    }
    if (openFor != null && openFor.compareTo(CircuitBreakerSettings.MIN_OPEN_FOR) < 0) {
      throw new InvalidValueException("open-for", "open-for must be at least 1ms, got " + Durations.format(openFor));
    }
  }

  /**
   * The command line's form: {@code 5/30s} (failures and open-for), {@code 5} (failures), or
   * {@code off}.
   */
  public static CircuitBreakerSpec parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.equalsIgnoreCase("off")) {
      return new CircuitBreakerSpec(0, null);
    }
    int slash = t.indexOf('/');
    String count = slash < 0 ? t : t.substring(0, slash);
    if (!count.matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException("\"" + text + "\" is not a circuit breaker (use e.g. 5/30s, 5 or off)");
    }
    Duration openFor = slash < 0 ? null : Durations.parse(t.substring(slash + 1));
    return new CircuitBreakerSpec(Integer.parseInt(count), openFor);
  }

  /** This spec's keys where given, {@code under}'s where not. */
  public CircuitBreakerSpec over(CircuitBreakerSpec under) {
    return under == null ? this : new CircuitBreakerSpec(failures != null ? failures : under.failures,
        openFor != null ? openFor : under.openFor);
  }

  CircuitBreakerSettings applyTo(CircuitBreakerSettings base) {
    return new CircuitBreakerSettings(failures != null ? failures : base.failures(),
        openFor != null ? openFor : base.openFor());
  }
}
