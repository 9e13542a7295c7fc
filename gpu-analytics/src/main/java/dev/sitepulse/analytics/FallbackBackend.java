package dev.sitepulse.analytics;

import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenCL backend that hands over to the Java one for good once its device fails: {@code auto}
 * chose the device for speed, and the Java backend gives the same answers. A GPU driver that
 * cannot build a kernel then costs time, not the run. An input too large for the device's memory
 * ({@link BufferTooLargeException}, found before that buffer is made, though a step that grows its
 * output may have copied its input by then) is no failure of the device: the Java backend runs that
 * call alone, saying why at info level.
 */
final class FallbackBackend implements AnalyticsBackend {

  private static final Logger LOG = LoggerFactory.getLogger(FallbackBackend.class);

  private final Supplier<AnalyticsBackend> fallback;
  private AnalyticsBackend current;
  private boolean fellBack;
  /** The Java backend that ran a call too large for the device, kept for the next such call. */
  private AnalyticsBackend forLargeCalls;

  FallbackBackend(AnalyticsBackend primary, Supplier<AnalyticsBackend> fallback) {
    this.current = primary;
    this.fallback = fallback;
  }

  @Override
  public synchronized DeviceInfo device() {
    return current.device();
  }

  @Override
  public PageRankResult pageRank(CsrGraph graph, PageRankConfig config) {
    return run(backend -> backend.pageRank(graph, config));
  }

  @Override
  public NearDuplicates nearDuplicates(long[] simHashes, int maxDistance) {
    return run(backend -> backend.nearDuplicates(simHashes, maxDistance));
  }

  @Override
  public LatencyStats latencyStats(float[] latenciesMs, int from, int to) {
    return run(backend -> backend.latencyStats(latenciesMs, from, to));
  }

  /**
   * Holds the lock for the whole call: the OpenCL backend runs one call at a time anyway, and a
   * fall-back must not close it under a caller still using it.
   */
  private synchronized <T> T run(Function<AnalyticsBackend, T> call) {
    if (!fellBack && Devices.hasFailed(current.device())) { // in another step of this run
      fallBack();
    }
    try {
      return call.apply(current);
    } catch (BufferTooLargeException e) {
      LOG.info("OpenCL device {}; the Java backend runs this call", e.getMessage());
      if (forLargeCalls == null) {
        forLargeCalls = fallback.get();
      }
      return call.apply(forLargeCalls);
    } catch (DeviceFailedException e) {
      LOG.warn("OpenCL device {}; the Java backend takes over", e.getMessage());
      LOG.debug("OpenCL failure", e);
      Devices.failed(current.device());
      fallBack();
      return call.apply(current);
    }
  }

  private void fallBack() {
    AnalyticsBackend failed = current;
    current = forLargeCalls != null ? forLargeCalls : fallback.get();
    forLargeCalls = null;
    fellBack = true;
    closeQuietly(failed);
  }

  private static void closeQuietly(AnalyticsBackend failed) {
    try {
      failed.close();
    } catch (RuntimeException e) {
      LOG.debug("closing the failed OpenCL backend", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      current.close();
    } finally {
      if (forLargeCalls != null) {
        forLargeCalls.close();
      }
    }
  }
}
