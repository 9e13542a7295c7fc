package dev.sitepulse.analytics.internal.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClDevicesTest {

  @Test
  void platformsWithoutADeviceAreNamedInWhyThereIsNone() {
    // --list-devices printed "(no OpenCL device: no OpenCL device)" for PoCL with POCL_DEVICES
    // naming none, and would for an NVIDIA platform whose kernel module is not loaded.
    assertThat(ClDevices.noDeviceOn(List.of("Portable Computing Language")))
        .isEqualTo("no device on the OpenCL platform Portable Computing Language");
    assertThat(ClDevices.noDeviceOn(List.of("NVIDIA CUDA", "Intel(R) OpenCL")))
        .isEqualTo("no device on the OpenCL platforms NVIDIA CUDA, Intel(R) OpenCL");
  }
}
