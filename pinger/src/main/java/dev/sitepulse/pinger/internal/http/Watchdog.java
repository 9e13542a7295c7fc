package dev.sitepulse.pinger.internal.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The backstop that makes an exchange end by its deadline: OkHttp cannot interrupt every stall (a
 * blocking DNS lookup), so a run still going a little past its timeout is ended from outside by
 * its {@code expire()}, which completes it and cancels its call. For {@link ProbeRun} and
 * {@link FetchRun} alike.
 */
public final class Watchdog {

  /** How long past its timeout the watchdog lets a run go before ending it itself. */
  static final long GRACE_MILLIS = 50;

  private Watchdog() {}

  /**
   * Schedules {@code expire} on {@code timer} for {@code timeout} plus the grace, and cancels it
   * when {@code result} completes.
   *
   * @return a future that completes as {@code result} does, once the watchdog is cancelled
   */
  public static <T> CompletableFuture<T> watch(ScheduledExecutorService timer, Duration timeout, Runnable expire,
      CompletableFuture<T> result) {
    ScheduledFuture<?> dog = timer.schedule(expire, timeout.toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
    return result.whenComplete((r, e) -> dog.cancel(false));
  }
}
