package dev.sitepulse.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The devices here have ids no real device has: {@code auto} remembers failed devices for the
 * whole JVM, and would pass over a real {@code opencl:0} in every later test.
 */
class FallbackBackendTest {

  private static final CsrGraph GRAPH = CsrGraph.fromEdges(4, new int[] {0, 1, 2, 3}, new int[] {1, 2, 3, 0});

  @Test
  void aDeviceThatFailsHandsTheCallAndEveryLaterOneToJava() {
    FailingDevice device = new FailingDevice("test:failing");
    try (JavaBackend java = new JavaBackend(1);
        FallbackBackend backend = new FallbackBackend(device, () -> new JavaBackend(1))) {
      PageRankResult ranks = backend.pageRank(GRAPH, PageRankConfig.DEFAULTS);
      LatencyStats stats = backend.latencyStats(new float[] {1, 2, 3});

      assertThat(ranks.ranks()).containsExactly(java.pageRank(GRAPH, PageRankConfig.DEFAULTS).ranks());
      assertThat(stats.count()).isEqualTo(3);
      assertThat(device.calls).containsExactly("pageRank", "close");
      assertThat(backend.device().kind()).isEqualTo(DeviceInfo.Kind.JAVA);
    }
  }

  @Test
  void aDeviceThatFailedInOneStepIsNotTriedAgainInTheNext() {
    FailingDevice ranksDevice = new FailingDevice("test:failing-in-one-step");
    FailingDevice dupsDevice = new FailingDevice("test:failing-in-one-step");
    try (FallbackBackend ranks = new FallbackBackend(ranksDevice, () -> new JavaBackend(1));
        FallbackBackend dups = new FallbackBackend(dupsDevice, () -> new JavaBackend(1))) {
      ranks.pageRank(GRAPH, PageRankConfig.DEFAULTS);

      assertThat(dups.nearDuplicates(new long[] {1, 1}, 3).pairCount()).isEqualTo(1);
      assertThat(dupsDevice.calls).containsExactly("close"); // no second build, no second warning
    }
  }

  @Test
  void aCallTooLargeForTheDeviceRunsOnJavaWithoutCountingAsAFailure() {
    SmallDevice device = new SmallDevice("test:small");
    try (FallbackBackend backend = new FallbackBackend(device, () -> new JavaBackend(1))) {
      LatencyStats large = backend.latencyStats(new float[] {1, 2, 3});
      LatencyStats small = backend.latencyStats(new float[] {1});

      assertThat(large.count()).isEqualTo(3);
      assertThat(small.count()).isEqualTo(1);
      assertThat(device.calls).containsExactly("latencyStats 3", "latencyStats 1");
      assertThat(backend.device()).isEqualTo(device.info);
      assertThat(Devices.hasFailed(device.info)).isFalse();
    }
    assertThat(device.calls).endsWith("close");
  }

  /** An OpenCL device with room for two values. */
  private static final class SmallDevice implements AnalyticsBackend {
    private final DeviceInfo info;
    private final JavaBackend java = new JavaBackend(1);
    final List<String> calls = new ArrayList<>();

    SmallDevice(String id) {
      info = new DeviceInfo(id, "Small GPU", "Vendor", DeviceInfo.Kind.OPENCL_GPU, 8, 8, 1 << 16, true);
    }

    @Override
    public DeviceInfo device() {
      return info;
    }

    @Override
    public PageRankResult pageRank(CsrGraph graph, PageRankConfig config) {
      throw new AssertionError("not called");
    }

    @Override
    public NearDuplicates nearDuplicates(long[] simHashes, int maxDistance) {
      throw new AssertionError("not called");
    }

    @Override
    public LatencyStats latencyStats(float[] latenciesMs, int from, int to) {
      calls.add("latencyStats " + (to - from));
      if (to - from > 2) {
        throw new BufferTooLargeException(info, "latency.values", 4L * (to - from), "more than 8 bytes");
      }
      return java.latencyStats(latenciesMs, from, to);
    }

    @Override
    public void close() {
      calls.add("close");
      java.close();
    }
  }

  @Test
  void aDeviceThatWorksKeepsEveryCall() {
    try (JavaBackend device = new JavaBackend(1);
        FallbackBackend backend = new FallbackBackend(device, () -> {
          throw new AssertionError("no fallback needed");
        })) {
      assertThat(backend.latencyStats(new float[] {5}).count()).isEqualTo(1);
      assertThat(backend.device()).isEqualTo(device.device());
    }
  }

  /** An OpenCL device whose driver rejects every kernel. */
  private static final class FailingDevice implements AnalyticsBackend {
    private final DeviceInfo info;
    final List<String> calls = new ArrayList<>();

    FailingDevice(String id) {
      info = new DeviceInfo(id, "Broken GPU", "Vendor", DeviceInfo.Kind.OPENCL_GPU, 8, 1L << 30, 1 << 16, true);
    }

    @Override
    public DeviceInfo device() {
      return info;
    }

    @Override
    public PageRankResult pageRank(CsrGraph graph, PageRankConfig config) {
      calls.add("pageRank");
      throw new DeviceFailedException(info, "OpenCL program pagerank.cl did not build: error", null);
    }

    @Override
    public NearDuplicates nearDuplicates(long[] simHashes, int maxDistance) {
      calls.add("nearDuplicates");
      throw new DeviceFailedException(info, "CL_OUT_OF_RESOURCES", null);
    }

    @Override
    public LatencyStats latencyStats(float[] latenciesMs, int from, int to) {
      calls.add("latencyStats");
      throw new DeviceFailedException(info, "CL_OUT_OF_RESOURCES", null);
    }

    @Override
    public void close() {
      calls.add("close");
    }
  }
}
