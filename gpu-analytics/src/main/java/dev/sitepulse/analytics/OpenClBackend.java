package dev.sitepulse.analytics;

import dev.sitepulse.analytics.internal.duplicates.ClPairScan;
import dev.sitepulse.analytics.internal.latency.ClLatency;
import dev.sitepulse.analytics.internal.opencl.ClDevice;
import dev.sitepulse.analytics.internal.opencl.ClDevices;
import dev.sitepulse.analytics.internal.opencl.ClSession;
import dev.sitepulse.analytics.internal.pagerank.ClPageRank;
import dev.sitepulse.analytics.internal.parallel.ForkJoinRunner;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jocl.CLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenCL backend (through JOCL). Kernels come from {@code .cl} resources, are built once per
 * backend on first use and kept; a step's device buffers are kept for its next call and grow as it
 * needs, and are released when another step runs or a buffer would be too large for the device.
 * Transfer and kernel times come from the queue's event profiling.
 *
 * <p>Obtain one with {@link #buildIfSupported()}: on a machine without an OpenCL library, platform
 * or device it returns empty instead of failing, and loading this class never touches OpenCL.
 * Thread-safe: calls run one at a time.
 */
public final class OpenClBackend implements AnalyticsBackend {

  private static final Logger LOG = LoggerFactory.getLogger(OpenClBackend.class);

  private final ClSession session;
  private final ClLatency.Variant histogramVariant;
  private final ForkJoinRunner hostThreads;
  private boolean closed;

  private OpenClBackend(ClSession session, ClLatency.Variant histogramVariant) {
    this.session = session;
    this.histogramVariant = histogramVariant;
    this.hostThreads = new ForkJoinRunner(Runtime.getRuntime().availableProcessors());
  }

  /**
   * A backend on the best OpenCL device: the first GPU with double precision, else the first GPU,
   * else the first device with double precision, else the first. Empty when OpenCL is not usable
   * here.
   */
  public static Optional<OpenClBackend> buildIfSupported() {
    return best().flatMap(OpenClBackend::open);
  }

  /** A backend on OpenCL device {@code index} (as numbered by {@link #devices()}), if it exists. */
  public static Optional<OpenClBackend> buildIfSupported(int index) {
    List<ClDevice> devices = ClDevices.probe().devices();
    return index >= 0 && index < devices.size() ? open(devices.get(index)) : Optional.empty();
  }

  /** The OpenCL devices on this machine, numbered as {@code opencl:N}; empty without OpenCL. */
  public static List<DeviceInfo> devices() {
    return ClDevices.probe().devices().stream().map(ClDevice::info).toList();
  }

  /** Why there is no OpenCL device, or "" when there is one. */
  public static String unavailableReason() {
    return ClDevices.probe().problem();
  }

  static Optional<ClDevice> best() {
    return ClDevices.probe().devices().stream()
        .min(Comparator.comparingInt(OpenClBackend::preference));
  }

  private static int preference(ClDevice device) {
    boolean gpu = device.info().kind() == DeviceInfo.Kind.OPENCL_GPU;
    return (gpu ? 0 : 2) + (device.info().fp64() ? 0 : 1);
  }

  static Optional<OpenClBackend> open(ClDevice device) {
    return open(device, ClLatency.variantFor(device));
  }

  static Optional<OpenClBackend> open(ClDevice device, ClLatency.Variant variant) {
    try {
      return Optional.of(new OpenClBackend(ClSession.open(device), variant));
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("Cannot open OpenCL device {}", device.info().name(), e);
      return Optional.empty();
    }
  }

  /**
   * A backend on a device that was asked for by name.
   *
   * @throws DeviceFailedException when the device is listed but no context can be made on it
   */
  static OpenClBackend openOrFail(ClDevice device) {
    try {
      return new OpenClBackend(ClSession.open(device), ClLatency.variantFor(device));
    } catch (RuntimeException | LinkageError e) {
      throw new DeviceFailedException(device.info(), "cannot be opened: " + e.getMessage(), e);
    }
  }

  @Override
  public DeviceInfo device() {
    return session.device().info();
  }

  @Override
  public synchronized PageRankResult pageRank(CsrGraph graph, PageRankConfig config) {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(config, "config");
    ensureOpen();
    return asDeviceFailure(() -> {
      session.keepBuffersOf("pagerank");
      return ClPageRank.run(session, graph, config);
    });
  }

  @Override
  public synchronized NearDuplicates nearDuplicates(long[] simHashes, int maxDistance) {
    Objects.requireNonNull(simHashes, "simHashes");
    ensureOpen();
    return asDeviceFailure(() -> {
      session.keepBuffersOf("duplicates");
      return ClPairScan.run(session, simHashes, maxDistance, hostThreads);
    });
  }

  @Override
  public synchronized LatencyStats latencyStats(float[] latenciesMs, int from, int to) {
    Objects.checkFromToIndex(from, to, latenciesMs.length);
    ensureOpen();
    return asDeviceFailure(() -> {
      session.keepBuffersOf("latency");
      return ClLatency.run(session, latenciesMs, from, to, histogramVariant);
    });
  }

  /** An OpenCL error (out of device memory, a lost device) as the one exception callers handle. */
  private <T> T asDeviceFailure(Supplier<T> call) {
    try {
      return call.get();
    } catch (CLException e) {
      throw new DeviceFailedException(device(), "OpenCL call failed: " + e.getMessage(), e);
    }
  }

  /** The device memory held for the next call, for tests. */
  synchronized long bufferBytes() {
    return session.bufferBytes();
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("OpenCL backend on " + device().name() + " is closed");
    }
  }

  /**
   * Gives back the device's memory. A release that fails (a device lost meanwhile) is logged, not
   * thrown: it comes after the results were made, often from a try-with-resources that would
   * otherwise replace them with the failure.
   */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      try {
        releaseLogging(device(), session::close);
      } finally {
        hostThreads.close();
      }
    }
  }

  static void releaseLogging(DeviceInfo device, Runnable release) {
    try {
      release.run();
    } catch (CLException e) {
      LOG.warn("OpenCL device {}: releasing its memory failed: {}", device.name(), e.getMessage());
      LOG.debug("OpenCL release failure", e);
    }
  }
}
