package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.Target;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one check. {@link PingerSource} is the real one; tests give canned results. The future must
 * complete, and never exceptionally, as {@link dev.sitepulse.pinger.Pinger#check} promises.
 */
@FunctionalInterface
public interface CheckSource {

  CompletableFuture<CheckResult> check(Target target);

  /**
   * The watch is stopping: checks waiting to retry end now with the attempts they made, as
   * {@link dev.sitepulse.pinger.Pinger#stopRetrying} does, so that their results are kept.
   */
  default void stopRetrying() {}

  /** For each host and port: whether its circuit holds its checks back now (may be empty). */
  default Map<String, Boolean> circuitsHeldBack() {
    return Map.of();
  }
}
