package dev.sitepulse.cli.config;

import static dev.sitepulse.cli.config.ConfigErrors.FILE;
import static dev.sitepulse.cli.config.ConfigErrors.assertConfigError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.CircuitBreakerSettings;
import dev.sitepulse.pinger.PingSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CircuitBreakerConfigTest {

  private static CircuitBreakerSettings read(String yaml) {
    return SitepulseConfig.read(yaml, FILE, Map.of()).defaults().applyTo(PingSettings.DEFAULTS).circuitBreaker();
  }

  @Test
  void theCircuitBreakerIsOnByDefaultAndEitherKeyMayBeGivenAlone() {
    assertThat(read("targets: []\n")).isEqualTo(new CircuitBreakerSettings(5, Duration.ofSeconds(30)));
    assertThat(read("defaults:\n  circuit-breaker:\n    failures: 0\n").enabled()).isFalse();
    assertThat(read("defaults:\n  circuit-breaker:\n    open-for: 2m\n"))
        .isEqualTo(new CircuitBreakerSettings(5, Duration.ofMinutes(2)));
  }

  @Test
  void badValuesAreRejectedAtTheirKey() {
    assertConfigError("defaults:\n  circuit-breaker:\n    failures: -1\n")
        .isEqualTo(FILE + ":3:15: defaults.circuit-breaker.failures: failures must be 0 (off) or more, got -1");
    assertConfigError("defaults:\n  circuit-breaker:\n    open-for: 0s\n")
        .startsWith(FILE + ":3:15: defaults.circuit-breaker.open-for: ");
    assertConfigError("defaults:\n  circuit-breaker:\n    failure: 3\n")
        .contains("defaults.circuit-breaker.failure").contains("failures");
  }

  @Test
  void anOpenForShorterThanAMillisecondIsRejectedAtItsKeyForTheBreakerWaitsNoLess() {
    assertConfigError("defaults:\n  circuit-breaker:\n    open-for: 500us\n")
        .isEqualTo(FILE + ":3:15: defaults.circuit-breaker.open-for: open-for must be at least 1ms, got 500us");
  }

  @Test
  void moreFailuresThanABreakerKeepsCountOfAreRejectedAtTheirKeyRatherThanFillingTheMemory() {
    // The breaker keeps a slot per failure counted, for every host: a billion would not fit.
    assertConfigError("defaults:\n  circuit-breaker:\n    failures: 999999999\n")
        .isEqualTo(FILE + ":3:15: defaults.circuit-breaker.failures: failures must be at most 100, got 999999999");
    assertThat(read("defaults:\n  circuit-breaker:\n    failures: 100\n").failures()).isEqualTo(100);
  }
}
