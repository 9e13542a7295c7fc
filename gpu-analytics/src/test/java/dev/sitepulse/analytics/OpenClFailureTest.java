package dev.sitepulse.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.analytics.internal.opencl.ClDevice;
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
  void aReleaseThatFailsAfterTheResultsWereMadeIsLoggedNotThrown() {
    DeviceInfo device = new DeviceInfo("opencl:9", "Lost GPU", "Test", DeviceInfo.Kind.OPENCL_GPU, 1,
        1L << 30, 1L << 16, true);

    assertThatCode(() -> OpenClBackend.releaseLogging(device, () -> {
      throw new CLException("CL_INVALID_COMMAND_QUEUE");
    })).doesNotThrowAnyException();
  }
}
