package dev.sitepulse.pinger.internal;

import dev.sitepulse.pinger.Attempt;
import dev.sitepulse.pinger.Target;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Retries a failed attempt with exponential backoff (1 s, 2 s, 4 s… at most 30 s), or after the
 * server's Retry-After on a 429 or 503 when it gave one: it knows best when to come back.
 */
public final class RetryPolicy {

  /** The longest wait between two attempts, Retry-After aside; webhooks' retries wait no longer. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private static final IntervalFunction BACKOFF =
      IntervalFunction.ofExponentialBackoff(Duration.ofSeconds(1), 2.0, MAX_BACKOFF);

  private RetryPolicy() {}

  /**
   * The back-off waits of {@code retries} retries together: 1 s, 2 s, 4 s, 8 s, 16 s, then 30 s
   * each, at most 181 s for {@link Target#MAX_RETRIES}. A server's Retry-After is not in it.
   */
  public static Duration backoffs(int retries) {
    int r = Math.max(0, retries);
    return Duration.ofSeconds((1L << Math.min(r, 5)) - 1 + MAX_BACKOFF.toSeconds() * Math.max(0, r - 5));
  }

  /**
   * @param stopped asked before each retry, not after the last attempt: true ends the check with
   *     the attempts it made (a watch that stops, a circuit that opened meanwhile)
   */
  public static Retry of(Target target, BooleanSupplier stopped) {
    IntervalBiFunction<Attempt> interval =
        (n, outcome) -> {
          if (outcome.isRight() && outcome.get().retryAfter() != null) {
            return outcome.get().retryAfter().toMillis();
          }
          return BACKOFF.apply(n);
        };
    RetryConfig config =
        RetryConfig.<Attempt>custom()
            .maxAttempts(target.retries() + 1) // at most Target.MAX_RETRIES + 1
            .retryOnResult(a -> a.isRetryable() && a.number() <= target.retries() && !stopped.getAsBoolean())
            // An attempt fails only when a stop kept it from being sent: there is nothing to retry.
            .retryOnException(e -> false)
            .intervalBiFunction(interval)
            .failAfterMaxAttempts(false)
            .build();
    return Retry.of(target.name(), config);
  }
}
