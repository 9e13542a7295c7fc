package dev.sitepulse.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.analytics.internal.opencl.ClDevice;
import dev.sitepulse.analytics.internal.opencl.ClDevices;
import org.junit.jupiter.api.Test;

class DevicesTest {

  @Test
  void theListingStartsWithTheJavaBackend() {
    DeviceInfo first = Devices.list().get(0);

    assertThat(first.id()).isEqualTo("cpu");
    assertThat(first.kind()).isEqualTo(DeviceInfo.Kind.JAVA);
    assertThat(first.describe()).startsWith("cpu");
  }

  @Test
  void aDeviceOfOneComputeUnitIsListedInTheSingular() {
    // A container or a CI runner of one core; PoCL's "basic" device has one compute unit too.
    try (JavaBackend oneCore = new JavaBackend(1)) {
      assertThat(oneCore.device().describe()).contains("fork/join, 1 thread (Java), 1 compute unit, ");
    }
    DeviceInfo gpu = new DeviceInfo("opencl:0", "GPU", "Test", DeviceInfo.Kind.OPENCL_GPU, 1, 1L << 30, 1L << 16, true);
    assertThat(gpu.describe()).endsWith("GPU (Test), 1 compute unit, 1024 MiB");
    try (JavaBackend twoCores = new JavaBackend(2)) {
      assertThat(twoCores.device().describe()).contains("fork/join, 2 threads (Java), 2 compute units, ");
    }
  }

  @Test
  void cpuMeansTheJavaBackend() {
    try (AnalyticsBackend backend = Devices.open(DeviceChoice.CPU, 1 << 30)) {
      assertThat(backend).isInstanceOf(JavaBackend.class);
    }
  }

  @Test
  void autoStaysOnJavaForSmallBatches() {
    assertThat(Devices.resolve(DeviceChoice.AUTO, 10).kind()).isEqualTo(DeviceInfo.Kind.JAVA);
  }

  @Test
  void autoPicksAGpuForBigBatchesAndJavaWhenThereIsNone() {
    boolean gpu = Devices.list().stream().anyMatch(d -> d.kind() == DeviceInfo.Kind.OPENCL_GPU && d.fp64());

    DeviceInfo chosen = Devices.resolve(DeviceChoice.AUTO, Devices.AUTO_MIN_BATCH);

    assertThat(chosen.kind()).isEqualTo(gpu ? DeviceInfo.Kind.OPENCL_GPU : DeviceInfo.Kind.JAVA);
  }

  @Test
  void aMissingOpenClDeviceNumberIsReportedWithWhatExists() {
    // Past an int too, and of 19 digits or more, up to a long and past it: named as typed.
    for (String number : new String[] {"99", "2147483648", "12345678901", "1000000000000000000",
        "9223372036854775808", "123456789012345678901234567890"}) {
      assertThatThrownBy(() -> Devices.open(DeviceChoice.parse("opencl:" + number), 1))
          .isInstanceOf(DeviceUnavailableException.class)
          .hasMessageContaining("device opencl:" + number + " is not available: ");
    }
  }

  @Test
  void everyOpenClDeviceSaysHowLargeOneBufferMayBe() {
    if (OpenClBackend.devices().isEmpty()) {
      OpenClSupport.skipOrFail();
    }
    for (ClDevice device : ClDevices.probe().devices()) {
      // OpenCL 1.2 requires at least a quarter of the memory, or 128 MiB if more (custom devices aside).
      assertThat(device.maxAllocation()).as(device.info().name())
          .isBetween(device.info().globalMemory() / 4, device.info().globalMemory());
    }
  }

  @Test
  void openClForcesAnOpenClDeviceEvenWhenItIsACpu() {
    if (OpenClBackend.devices().isEmpty()) {
      OpenClSupport.skipOrFail();
    }
    try (AnalyticsBackend backend = Devices.open(DeviceChoice.OPENCL, 1)) {
      assertThat(backend).isInstanceOf(OpenClBackend.class);
      assertThat(backend.device().kind()).isNotEqualTo(DeviceInfo.Kind.JAVA);
      assertThat(backend.device().id()).startsWith("opencl:");
    }
  }
}
