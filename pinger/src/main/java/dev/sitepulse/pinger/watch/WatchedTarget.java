package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.Target;
import java.time.Duration;
import java.util.Objects;

/** A target and how often to check it. */
public record WatchedTarget(Target target, Duration interval) {

  public WatchedTarget {
    Objects.requireNonNull(target, "target");
    if (interval == null || interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be positive, got " + interval);
    }
  }

  public String name() {
    return target.name();
  }
}
