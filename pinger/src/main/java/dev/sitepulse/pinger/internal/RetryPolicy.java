package dev.sitepulse.pinger.internal;

import dev.sitepulse.pinger.Attempt;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.config.Durations;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Retries a failed attempt with exponential backoff (1 s, 2 s, 4 s… at most 30 s), or after the
 * server's Retry-After on a 429 or 503 when it gave one: it knows best when to come back. A
 * Retry-After longer than the back-off's cap is not waited for, and the check ends with that
 * answer: a health check owes its verdict in seconds (curl bounds its retries with
 * --retry-max-time; Gatus and blackbox_exporter do not wait at all), and a retry sooner than the
 * server asked would only hear the same 503.
 */
public final class RetryPolicy {

  /** The longest wait between two attempts, Retry-After aside; webhooks' retries wait no longer. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /** The longest Retry-After a retry waits for; a longer one ends the check unretried. */
  public static final Duration MAX_RETRY_AFTER = MAX_BACKOFF;

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
            .retryOnResult(a -> a.isRetryable() && a.number() <= target.retries() && !asksTooLong(a)
                && !stopped.getAsBoolean())
            // An attempt fails only when a stop kept it from being sent: there is nothing to retry.
            .retryOnException(e -> false)
            .intervalBiFunction(interval)
            .failAfterMaxAttempts(false)
            .build();
    return Retry.of(target.name(), config);
  }

  /**
   * The check's last attempt as its result says it: when a Retry-After past {@link
   * #MAX_RETRY_AFTER} kept it from a retry it had left, its message says so after why it failed,
   * e.g. {@code condition failed: [STATUS] (503) < 400; Retry-After 27h: not retried (a check waits at
   * most 30s)}.
   */
  public static Attempt noted(Target target, Attempt last) {
    if (last.number() > target.retries() || !last.isRetryable() || !asksTooLong(last)) {
      return last;
    }
    return last.withMessage(last.message() + "; Retry-After " + Durations.format(last.retryAfter())
        + ": not retried (a check waits at most " + Durations.format(MAX_RETRY_AFTER) + ")");
  }

  private static boolean asksTooLong(Attempt a) {
    return a.retryAfter() != null && a.retryAfter().compareTo(MAX_RETRY_AFTER) > 0;
  }
}
