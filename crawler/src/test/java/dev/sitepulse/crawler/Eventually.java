package dev.sitepulse.crawler;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for what another thread makes true (a crawl.db row, a warning), polling: an event a test
 * waits for, within a minute, a bound for a machine as loaded as it gets, not a speed goal.
 */
public final class Eventually {
  private Eventually() {}

  public static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("not within a minute: " + what);
      }
      Thread.sleep(10);
    }
  }
}
