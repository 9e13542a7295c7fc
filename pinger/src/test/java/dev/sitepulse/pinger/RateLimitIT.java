package dev.sitepulse.pinger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Politeness holds in real time: this is a lower bound on wall time, not a speed target. */
class RateLimitIT {

  @RegisterExtension static WireMockExtension stubs = StubServer.extension();

  private static Duration run(IntFunction<String> urlOf, Rate rate) {
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      targets.add(Target.of(urlOf.apply(i)));
    }
    long start = System.nanoTime();
    List<CheckResult> results;
    try (Pinger pinger = Pinger.create(PingSettings.DEFAULTS.withRatePerHost(rate))) {
      results = pinger.checkAll(targets, r -> {});
    }
    assertThat(results).allMatch(r -> r.verdict() == Verdict.UP);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void sixtyUrlsOnOneHostAtTenPerSecondTakeAtLeastFiveSeconds() {
    Duration took = run(i -> "http://127.0.0.1:" + stubs.getPort() + "/status/200?n=" + i, Rate.parse("10/s"));
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(5_000));
  }

  @Test
  void sixtyUrlsOnSixtyHostsAreNotHeldBackByTheRate() {
    // Every 127.x.y.z address is loopback on Linux, and each is its own host to the limiter. At
    // one per hour a check held back would wait an hour: the bound stops the run long before, a
    // bound for a loaded machine and no speed goal (5 s at 10/s was, and could be outrun).
    assertTimeoutPreemptively(Duration.ofMinutes(1),
        () -> run(i -> "http://127.0.0." + (i + 1) + ":" + stubs.getPort() + "/status/200", Rate.parse("1/h")));
  }
}
