package dev.sitepulse.analytics;

import java.util.List;

/**
 * The outcome of a PageRank run.
 *
 * @param ranks      the rank of every node (sums to 1), in double precision on every backend
 * @param iterations how many iterations ran
 * @param lastChange the L1 change of the rank vector in the last iteration
 * @param converged  whether {@code lastChange} fell below the tolerance
 * @param top        the {@code topN} highest ranks, best first, ties (within {@link #TIE}) by lower
 *     node number
 * @param timings    where the time went and which device ran it
 */
public record PageRankResult(double[] ranks, int iterations, double lastChange, boolean converged,
    List<RankedNode> top, Timings timings) {

  /**
   * Ranks (which sum to 1) closer than this are equal: pages a site links alike (its index and its
   * licence, in every page's navigation) rank the same, and one backend's sums leave them an ulp or
   * two apart, either way round, where another's leave them equal. The ranks are converged to 1e-9
   * in L1, so no smaller difference says anything.
   */
  public static final double TIE = 1e-12;

  /**
   * {@code rank} rounded to a multiple of {@link #TIE}: what {@link #top} orders by (ties by lower
   * node number), and what a caller should store or sort by to list pages in the same order on
   * every device.
   */
  public static double rounded(double rank) {
    return Math.round(rank / TIE) * TIE;
  }

  public PageRankResult {
    top = List.copyOf(top);
  }
}
