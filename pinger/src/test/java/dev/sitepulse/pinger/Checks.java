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

  /**
   * The timeout of checks meant to be answered: time enough on a machine as loaded as it gets, as
   * no test waits it out. A test of timeouts gives its own, to a server that never answers.
   */
  static final Duration AMPLE = Duration.ofSeconds(30);

  static CheckResult check(String url) {
    return check(Target.of(url).withTimeout(AMPLE));
  }

  static Target withConditions(String url, String... conditions) {
    return Target.of(url)
        .withTimeout(AMPLE)
        .withConditions(List.of(conditions).stream().map(Condition::parse).toList());
  }
}
