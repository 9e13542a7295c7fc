package dev.sitepulse.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sitepulse.analytics.internal.opencl.ClDevices;
import dev.sitepulse.analytics.internal.opencl.ClSession;
import dev.sitepulse.analytics.internal.timing.StepClock;
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
}
