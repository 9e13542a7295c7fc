package dev.sitepulse.pinger.watch;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.assertj.core.api.Assertions;

/** Waits for a condition the scheduler makes true, polling; fails after the limit. Not a sleep for timing. */
final class Eventually {
  private Eventually() {}

  static void await(Duration limit, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        Assertions.fail("not within " + limit.toMillis() + " ms: " + what);
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        Assertions.fail("interrupted while waiting for " + what);
      }
    }
  }
}
