package dev.sitepulse.pinger.watch;

import java.util.function.LongUnaryOperator;

/** Watch options whose first ticks come where a test puts them, not at a random offset. */
final class FirstTicks {
  private FirstTicks() {}

  /** @param offset the delay before a target's first tick, given its interval, in milliseconds */
  static Watch.Options at(LongUnaryOperator offset) {
    return new Watch.Options(Watch.Options.DEFAULT.clock(), (interval, targets) -> offset.applyAsLong(interval),
        Watch.Options.DEFAULT.maxBacklog());
  }
}
