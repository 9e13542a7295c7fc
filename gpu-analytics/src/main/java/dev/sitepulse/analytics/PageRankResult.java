package dev.sitepulse.analytics;

import java.util.List;

/**
 * The outcome of a PageRank run.
 *
 * @param ranks      the rank of every node (sums to 1), in double precision on every backend
 * @param iterations how many iterations ran
 * @param lastChange the L1 change of the rank vector in the last iteration
 * @param converged  whether {@code lastChange} fell below the tolerance
 * @param top        the {@code topN} highest ranks, best first, ties by lower node number
 * @param timings    where the time went and which device ran it
 */
public record PageRankResult(double[] ranks, int iterations, double lastChange, boolean converged,
    List<RankedNode> top, Timings timings) {

  public PageRankResult {
    top = List.copyOf(top);
  }
}
