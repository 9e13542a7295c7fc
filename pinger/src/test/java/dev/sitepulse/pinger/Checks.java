package dev.sitepulse.pinger;

import java.time.Duration;
import java.util.List;

/** Runs checks the way the tests need them: one at a time, with small settings changes. */
final class Checks {
  private Checks() {}

  static final PingSettings FAST = PingSettings.DEFAULTS.withRatePerHost(Rate.UNLIMITED);

  static CheckResult check(Target target) {
    return check(FAST, target);
  }

  static CheckResult check(PingSettings settings, Target target) {
    try (Pinger pinger = Pinger.create(settings)) {
      return pinger.check(target).join();
    }
  }

  static CheckResult check(String url) {
    return check(Target.of(url).withTimeout(Duration.ofSeconds(5)));
  }

  static Target withConditions(String url, String... conditions) {
    return Target.of(url)
        .withTimeout(Duration.ofSeconds(5))
        .withConditions(List.of(conditions).stream().map(Condition::parse).toList());
  }
}
