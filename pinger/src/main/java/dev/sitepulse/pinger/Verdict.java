package dev.sitepulse.pinger;

/**
 * The outcome of a check, from best to worst. The order matters: a run is as bad as its worst
 * check, and {@link #exitCode()} follows the Nagios plugin convention.
 */
public enum Verdict {
  /** Reachable and every condition held. */
  UP,
  /** Reachable, but a latency or certificate-expiry condition failed. */
  DEGRADED,
  /** Reachable, but a status, header or body condition failed. */
  DOWN,
  /** The check did not finish within its timeout. */
  TIMEOUT,
  /** The check could not be made; {@link ErrorKind} says why. */
  ERROR;

  /** 0 OK, 1 WARNING, 2 CRITICAL, as Nagios plugins exit. */
  public int exitCode() {
    return switch (this) {
      case UP -> 0;
      case DEGRADED -> 1;
      case DOWN, TIMEOUT, ERROR -> 2;
    };
  }

  public Verdict worse(Verdict other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
