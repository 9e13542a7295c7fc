package dev.sitepulse.analytics.internal.pagerank;

/**
 * When PageRank's contributions turn from float to double. Float halves the bytes gathered per
 * edge but rounds each contribution to 24 bits, which leaves the L1 change between iterations
 * jittering around 1e-8 instead of falling further. Both backends run float while the change is
 * well above that and switch for good once it is not, or as soon as it stops falling; the
 * iterations after the switch are all-double, so the result and its convergence test are.
 */
final class ContribPrecision {

  /** Float contributions while the L1 change is at least this: ten times their noise floor. */
  static final double FLOAT_UNTIL = 1e-7;

  private double previous = Double.NaN; // no comparison is true before two changes are known

  /** Called before each iteration with the last L1 change (infinite before the first). */
  boolean needsDouble(double change) {
    boolean stalled = change >= previous;
    previous = change;
    return change < FLOAT_UNTIL || stalled;
  }
}
