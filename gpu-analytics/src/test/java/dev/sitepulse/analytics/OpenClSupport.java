package dev.sitepulse.analytics;

import static org.assertj.core.api.Assertions.fail;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The OpenCL backend for tests, opened once per test JVM. Without an OpenCL device the tests that
 * need one are skipped with the reason, unless SITEPULSE_REQUIRE_OPENCL=1 (as in CI), which turns
 * the missing device into a failure.
 */
final class OpenClSupport {

  static final String REQUIRE = "SITEPULSE_REQUIRE_OPENCL";

  private static OpenClBackend shared;
  private static boolean toldWhy;

  private OpenClSupport() {}

  static synchronized OpenClBackend backendOrSkip() {
    if (shared == null) {
      Optional<OpenClBackend> backend = OpenClBackend.buildIfSupported();
      if (backend.isEmpty()) {
        skipOrFail();
      }
      shared = backend.orElseThrow();
    }
    return shared;
  }

  static synchronized void skipOrFail() {
    String reason = "no OpenCL device here: " + OpenClBackend.unavailableReason();
    if ("1".equals(System.getenv(REQUIRE))) {
      fail(reason + ", and " + REQUIRE + "=1 requires one");
    }
    String skip = "OpenCL tests skipped: " + reason + " (set " + REQUIRE + "=1 to make this a failure)";
    if (!toldWhy) {
      toldWhy = true;
      System.err.println(skip); // surefire shows skip counts, not reasons
    }
    Assumptions.abort(skip);
  }
}
