package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.Verdict;

/**
 * What a watched target is, as decided over several results. The numbers follow the Nagios
 * convention the exit codes use: 0 UP, 1 DEGRADED, 2 DOWN, 3 UNKNOWN.
 */
public enum State {
  /** Not yet decided: no success and not enough failures since the watch started. */
  UNKNOWN(3),
  UP(0),
  /** Reachable, but a latency or certificate condition keeps failing. */
  DEGRADED(1),
  /** Failing: a status, header or body condition, a timeout or an error. */
  DOWN(2);

  private final int code;

  State(int code) {
    this.code = code;
  }

  /** 0 UP, 1 DEGRADED, 2 DOWN, 3 UNKNOWN: the value of {@code sitepulse_state}. */
  public int code() {
    return code;
  }

  /** What one result says on its own. */
  public static State of(Verdict v) {
    return switch (v) {
      case UP -> UP;
      case DEGRADED -> DEGRADED;
      case DOWN, TIMEOUT, ERROR -> DOWN;
    };
  }

  /** How bad, for comparing: UP 0, DEGRADED 1, DOWN 2; UNKNOWN counts as UP. */
  int severity() {
    return this == UNKNOWN ? 0 : code;
  }
}
