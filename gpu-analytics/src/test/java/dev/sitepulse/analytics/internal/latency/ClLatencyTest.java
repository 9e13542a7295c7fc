package dev.sitepulse.analytics.internal.latency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.analytics.DeviceInfo;
import dev.sitepulse.analytics.internal.opencl.ClDevice;
import org.junit.jupiter.api.Test;

class ClLatencyTest {

  @Test
  void gpusWithTheLocalMemoryOfRealCardsCountInLocalMemory() {
    // 32-bit counters needed 88 KiB: NVIDIA's 48 KiB and AMD's and Intel's 64 KiB all fell to
    // global atomics.
    assertThat(ClLatency.variantFor(gpu(48 << 10))).isEqualTo(ClLatency.Variant.LOCAL);
    assertThat(ClLatency.variantFor(gpu(64 << 10))).isEqualTo(ClLatency.Variant.LOCAL);
  }

  @Test
  void gpusWithLessLocalMemoryThanTheSixteenBitCountersUseGlobalAtomics() {
    assertThat(ClLatency.variantFor(gpu(ClLatency.LOCAL_COUNTER_BYTES))).isEqualTo(ClLatency.Variant.LOCAL);
    assertThat(ClLatency.variantFor(gpu(ClLatency.LOCAL_COUNTER_BYTES - 1))).isEqualTo(ClLatency.Variant.GLOBAL);
    assertThat(ClLatency.variantFor(gpu(32 << 10))).isEqualTo(ClLatency.Variant.GLOBAL);
  }

  @Test
  void cpuDevicesKeepTheirOwnedSlicesWhateverTheirLocalMemory() {
    DeviceInfo info = new DeviceInfo("opencl:0", "PoCL", "Test", DeviceInfo.Kind.OPENCL_CPU, 2,
        1L << 30, 1L << 22, true);

    assertThat(ClLatency.variantFor(new ClDevice(null, null, info, 4096))).isEqualTo(ClLatency.Variant.OWNED);
  }

  private static ClDevice gpu(long localMemory) {
    DeviceInfo info = new DeviceInfo("opencl:0", "GPU", "Test", DeviceInfo.Kind.OPENCL_GPU, 80,
        24L << 30, localMemory, true);
    return new ClDevice(null, null, info, 1024);
  }
}
