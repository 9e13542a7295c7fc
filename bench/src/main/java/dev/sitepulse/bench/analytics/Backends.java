package dev.sitepulse.bench.analytics;

import dev.sitepulse.analytics.AnalyticsBackend;
import dev.sitepulse.analytics.JavaBackend;
import dev.sitepulse.analytics.OpenClBackend;

/** The backend a benchmark parameter names: "java" or "opencl" (PoCL here). */
final class Backends {

  private Backends() {}

  static AnalyticsBackend open(String name) {
    return switch (name) {
      case "java" -> new JavaBackend();
      case "opencl" -> OpenClBackend.buildIfSupported().orElseThrow(() -> new IllegalStateException(
          "no OpenCL device: " + OpenClBackend.unavailableReason()));
      default -> throw new IllegalArgumentException("backend must be java or opencl, was " + name);
    };
  }
}
