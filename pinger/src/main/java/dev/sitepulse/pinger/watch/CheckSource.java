package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Target;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one check. {@link PingerSource} is the real one; tests give canned results. The future must
 * complete, and never exceptionally, as {@link dev.sitepulse.pinger.Pinger#check} promises: it is
 * cancelled only for a check {@link #stopSending()} kept from being sent.
 */
@FunctionalInterface
public interface CheckSource {

  CompletableFuture<CheckResult> check(Target target);

  /**
   * The watch is stopping: checks waiting to retry end now with the attempts they made, so that
   * their results are kept, and checks not sent yet are not sent, as
   * {@link dev.sitepulse.pinger.Pinger#stopSending} does.
   */
  default void stopSending() {}

  /** A reload's run settings (concurrency, rates, ...); a source that has none ignores them. */
  default void update(PingSettings settings) {}

  /** For each host and port: whether its circuit holds its checks back now (may be empty). */
  default Map<String, Boolean> circuitsHeldBack() {
    return Map.of();
  }
}
