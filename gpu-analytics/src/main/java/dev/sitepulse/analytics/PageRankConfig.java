package dev.sitepulse.analytics;

/**
 * Settings of a PageRank run, validated when built.
 *
 * @param damping       probability of following a link, in (0, 1); 0.85 by default
 * @param tolerance     stop once the L1 change of the rank vector in one iteration is below this
 *                      (1e-9 by default; 0 runs exactly {@code maxIterations})
 * @param maxIterations stop after this many iterations at the latest (200 by default)
 * @param topN          how many of the highest-ranked nodes the result lists (20 by default)
 */
public record PageRankConfig(double damping, double tolerance, int maxIterations, int topN) {

  public static final PageRankConfig DEFAULTS = new PageRankConfig(0.85, 1e-9, 200, 20);

  public PageRankConfig {
    if (!(damping > 0 && damping < 1)) {
      throw new IllegalArgumentException("damping must be in (0, 1), was " + damping);
    }
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must be >= 0, was " + tolerance);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, was " + maxIterations);
    }
    if (topN < 0) {
      throw new IllegalArgumentException("topN must be >= 0, was " + topN);
    }
  }

  public PageRankConfig withDamping(double value) {
    return new PageRankConfig(value, tolerance, maxIterations, topN);
  }

  public PageRankConfig withTolerance(double value) {
    return new PageRankConfig(damping, value, maxIterations, topN);
  }

  public PageRankConfig withMaxIterations(int value) {
    return new PageRankConfig(damping, tolerance, value, topN);
  }

  public PageRankConfig withTopN(int value) {
    return new PageRankConfig(damping, tolerance, maxIterations, value);
  }
}
