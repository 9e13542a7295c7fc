package dev.sitepulse.cli.report;

/**
 * How many of a target's checks reached it (UP or DEGRADED). Kept as counts rather than a share,
 * so that 57 of 100 checks print as 57%: {@code Math.floor(0.57 * 10000)} is 5699.
 */
public record Availability(long reached, long checks) {

  static final Availability NO_CHECKS = new Availability(0, 0);

  public Availability {
    if (reached < 0 || reached > checks) {
      throw new IllegalArgumentException(reached + " of " + checks + " checks");
    }
  }

  public boolean known() {
    return checks > 0;
  }

  /** 0..1; only for a known availability. */
  public double share() {
    return (double) reached / checks;
  }

  /** The double nearest the exact percentage: one rounding, in the division. */
  public double percent() {
    return reached * 100.0 / checks;
  }

  /** Whole hundredths of a percent, rounded down, so 99.999% never shows as 100%. */
  long hundredthsOfAPercentDown() {
    return reached * 10_000 / checks;
  }

  Availability plus(Availability other) {
    return new Availability(reached + other.reached, checks + other.checks);
  }
}
