package dev.sitepulse.analytics.internal.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.analytics.DeviceFailedException;
import dev.sitepulse.analytics.DeviceInfo;
import java.util.concurrent.atomic.AtomicInteger;
import org.jocl.CL;
import org.jocl.CLException;
import org.junit.jupiter.api.Test;

/** A program that did not build, on a device that may be lost meanwhile. */
class ClProgramsTest {

  private static final DeviceInfo GPU =
      new DeviceInfo("opencl:0", "Lost GPU", "Vendor", DeviceInfo.Kind.OPENCL_GPU, 8, 1L << 30, 1 << 16, true);

  @Test
  void aBuildErrorNamesTheLogsFirstErrorAndReleasesTheProgram() {
    AtomicInteger released = new AtomicInteger();
    CLException buildError = new CLException("CL_BUILD_PROGRAM_FAILURE", CL.CL_BUILD_PROGRAM_FAILURE);

    DeviceFailedException e = ClPrograms.buildFailed(GPU, "pagerank.cl", buildError,
        () -> "warning: unused x\nerror: no such type flaot", released::incrementAndGet);

    assertThat(e).hasMessage("Lost GPU: OpenCL program pagerank.cl did not build: error: no such type flaot"
        + " (1 more line of build log with -v)").hasCause(buildError);
    assertThat(released).hasValue(1);
  }

  @Test
  void aBuildLogTheLostDeviceCannotGiveStillReleasesTheProgramAndKeepsTheBuildErrorAsTheCause() {
    AtomicInteger released = new AtomicInteger();
    CLException lost = new CLException("CL_DEVICE_NOT_AVAILABLE", CL.CL_DEVICE_NOT_AVAILABLE);
    CLException buildError = new CLException("CL_BUILD_PROGRAM_FAILURE", CL.CL_BUILD_PROGRAM_FAILURE);

    DeviceFailedException e = ClPrograms.buildFailed(GPU, "pagerank.cl", buildError, () -> {
      throw lost;
    }, released::incrementAndGet);

    assertThat(e).hasMessage("Lost GPU: OpenCL program pagerank.cl did not build, and its build log could not be"
        + " read: CL_DEVICE_NOT_AVAILABLE").hasCause(buildError);
    assertThat(buildError.getSuppressed()).containsExactly(lost);
    assertThat(released).hasValue(1);
  }

  @Test
  void aReleaseThatFailsIsKeptBesideTheBuildErrorNotInItsPlace() {
    CLException lost = new CLException("CL_INVALID_PROGRAM", CL.CL_INVALID_PROGRAM);
    CLException buildError = new CLException("CL_BUILD_PROGRAM_FAILURE", CL.CL_BUILD_PROGRAM_FAILURE);

    DeviceFailedException e = ClPrograms.buildFailed(GPU, "pagerank.cl", buildError, () -> "error: x", () -> {
      throw lost;
    });

    assertThat(e).hasCause(buildError).hasMessageEndingWith("did not build: error: x");
    assertThat(buildError.getSuppressed()).containsExactly(lost);
  }
}
