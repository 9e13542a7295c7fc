package dev.sitepulse.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.analytics.internal.opencl.ClDevice;
import dev.sitepulse.analytics.testing.RmatGraphs;
import dev.sitepulse.analytics.internal.opencl.ClDevices;
import dev.sitepulse.analytics.internal.opencl.ClSession;
import dev.sitepulse.analytics.internal.timing.StepClock;
import org.jocl.CLException;
import org.jocl.cl_device_id;
import org.junit.jupiter.api.Test;

/** A GPU driver that rejects a kernel: run on PoCL in CI with a kernel no compiler accepts. */
class OpenClFailureTest {

  @Test
  void aKernelThatDoesNotBuildFailsWithOneLineNamingTheProgramAndTheCompilersError() {
    OpenClSupport.backendOrSkip();
    try (ClSession session = ClSession.open(ClDevices.probe().devices().get(0))) {
      assertThatThrownBy(() -> session.kernel("does-not-build.cl", "", "broken", new StepClock("opencl:0")))
          .isInstanceOf(DeviceFailedException.class)
          .satisfies(e -> assertThat(e.getMessage())
              .contains("OpenCL program does-not-build.cl did not build: ")
              .contains("undeclared_name")
              .doesNotContain("\n"));
    }
  }

  @Test
  void aDeviceAskedForByNameThatIsListedButCannotBeOpenedIsADeviceFailure() {
    OpenClSupport.backendOrSkip();
    ClDevice listed = ClDevices.probe().devices().get(0);
    ClDevice gone = new ClDevice(listed.platform(), new cl_device_id(), listed.info(),
        listed.maxWorkGroupSize()); // a handle the driver no longer knows

    assertThatThrownBy(() -> OpenClBackend.openOrFail(gone))
        .isInstanceOf(DeviceFailedException.class)
        .hasMessage(listed.info().name() + ": cannot be opened: CL_INVALID_DEVICE");
  }

  @Test
  void aBufferLargerThanTheDeviceAllowsIsRefusedBeforeItIsMadeNamingTheDeviceTheBufferAndBothSizes() {
    OpenClSupport.backendOrSkip();
    ClDevice listed = ClDevices.probe().devices().get(0);
    ClDevice small = new ClDevice(listed.platform(), listed.device(), listed.info(),
        listed.maxWorkGroupSize(), 1 << 20); // at most 1 MiB in one buffer

    try (OpenClBackend backend = OpenClBackend.openOrFail(small)) {
      assertThatThrownBy(() -> backend.latencyStats(new float[1 << 19])) // 2 MiB of values
          .isInstanceOf(BufferTooLargeException.class)
          .hasMessage(listed.info().name() + ": buffer latency.values needs 2097152 bytes (2.0 MiB),"
              + " more than the 1048576 bytes (1.0 MiB) one buffer may take on this device"
              + " (CL_DEVICE_MAX_MEM_ALLOC_SIZE)");
      assertThat(backend.bufferBytes()).as("nothing allocated").isZero();
    }
  }

  @Test
  void buffersThatTogetherPassTheDevicesMemoryAreRefusedBeforeTheOneThatWouldNotFit() {
    OpenClSupport.backendOrSkip();
    ClDevice small = withMemory(ClDevices.probe().devices().get(0), 5L << 19); // 2.5 MiB

    try (OpenClBackend backend = OpenClBackend.openOrFail(small)) {
      assertThatThrownBy(() -> backend.latencyStats(new float[1 << 19])) // 2 MiB, then the slices
          .isInstanceOf(BufferTooLargeException.class)
          .hasMessageStartingWith(small.info().name() + ": buffer latency.partial needs ")
          .hasMessageEndingWith(" left of the device's 2621440 bytes (2.5 MiB)"
              + " (CL_DEVICE_GLOBAL_MEM_SIZE) beside the 2097152 bytes (2.0 MiB) of its other buffers");
    }
  }

  @Test
  void underAutoAnInputTooLargeForTheDeviceRunsOnJavaAndTheDeviceKeepsTheNextCall() {
    OpenClSupport.backendOrSkip();
    ClDevice small = withMemory(ClDevices.probe().devices().get(0), 1 << 20);
    float[] large = new float[1 << 19];
    java.util.Arrays.fill(large, 3.5f);

    try (FallbackBackend backend = new FallbackBackend(OpenClBackend.openOrFail(small), () -> new JavaBackend(1))) {
      LatencyStats onJava = backend.latencyStats(large);
      LatencyStats onDevice = backend.latencyStats(new float[] {1, 2, 3});

      assertThat(onJava.count()).isEqualTo(large.length);
      assertThat(onJava.timings().device()).isEqualTo("cpu");
      assertThat(onDevice.timings().device()).isEqualTo(small.info().id());
      assertThat(Devices.hasFailed(small.info())).as("auto may pick the device again").isFalse();
    }
  }

  @Test
  void aPageRankWithoutRoomForAllItsBuffersIsRefusedAndLeavesNothingOnTheDevice() {
    OpenClSupport.backendOrSkip();
    CsrGraph graph = RmatGraphs.graph(12, 1 << 15, 3);
    ClDevice listed = ClDevices.probe().devices().get(0);
    long whole;
    try (OpenClBackend roomy = OpenClBackend.openOrFail(listed)) {
      roomy.pageRank(graph, PageRankConfig.DEFAULTS); // to convergence: double contributions too
      whole = roomy.bufferBytes();
    }

    try (OpenClBackend backend = OpenClBackend.openOrFail(withMemory(listed, whole - 1))) {
      assertThatThrownBy(() -> backend.pageRank(graph, PageRankConfig.DEFAULTS))
          .isInstanceOf(BufferTooLargeException.class).hasMessageContaining(": buffer pagerank.");
      // The graph was on the device when the last buffer was refused: a shared GPU gets it back.
      assertThat(backend.bufferBytes()).as("device memory held after the refusal").isZero();
    }
  }

  private static ClDevice withMemory(ClDevice listed, long bytes) {
    DeviceInfo info = listed.info();
    return new ClDevice(listed.platform(), listed.device(), new DeviceInfo(info.id(), info.name(),
        info.platform(), info.kind(), info.computeUnits(), bytes, info.localMemory(), info.fp64()),
        listed.maxWorkGroupSize());
  }

  @Test
  void aReleaseThatFailsAfterTheResultsWereMadeIsLoggedNotThrown() {
    DeviceInfo device = new DeviceInfo("opencl:9", "Lost GPU", "Test", DeviceInfo.Kind.OPENCL_GPU, 1,
        1L << 30, 1L << 16, true);

    assertThatCode(() -> OpenClBackend.releaseLogging(device, () -> {
      throw new CLException("CL_INVALID_COMMAND_QUEUE");
    })).doesNotThrowAnyException();
  }
}
