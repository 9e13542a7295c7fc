package dev.sitepulse.analytics;

/**
 * Runs the batch analytics on one device. Every backend gives the same answers: PageRank within
 * 1e-6 in L1, identical near-duplicate pairs, identical latency histograms. A backend is used by
 * one thread at a time and holds native or thread resources until closed.
 *
 * <p>Get one from {@link Devices#open}, or directly: {@link JavaBackend} always works,
 * {@link OpenClBackend#buildIfSupported()} when an OpenCL device exists.
 */
public interface AnalyticsBackend extends AutoCloseable {

  /** The device this backend runs on; its id is what every {@link Timings} names. */
  DeviceInfo device();

  /**
   * Pull-based PageRank over a CSR-by-destination graph: damping as configured, the rank of
   * dangling nodes (no out-edges) spread evenly over all nodes, starting from 1/n everywhere.
   */
  PageRankResult pageRank(CsrGraph graph, PageRankConfig config);

  /**
   * All pairs of fingerprints within {@code maxDistance} bits of each other (0..63; 3 is the
   * usual choice), exact duplicates included, and the clusters they form.
   */
  NearDuplicates nearDuplicates(long[] simHashes, int maxDistance);

  /** Statistics of {@code latenciesMs[from, to)}. */
  LatencyStats latencyStats(float[] latenciesMs, int from, int to);

  /** Statistics of a whole latency series. */
  default LatencyStats latencyStats(float[] latenciesMs) {
    return latencyStats(latenciesMs, 0, latenciesMs.length);
  }

  /** Releases native memory and threads; the backend cannot be used afterwards. */
  @Override
  void close();
}
