package dev.sitepulse.pinger.internal.http;

import dev.sitepulse.pinger.internal.http.PhaseListener.Stage;
import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;
import okhttp3.Call;

/**
 * The time one exchange may take, counted from when its run was made, and what a failure means
 * against it: an exchange that ran out of time failed for that reason, whatever OkHttp threw.
 * {@link ProbeRun} and {@link FetchRun} share it.
 */
final class Deadline {

  private final Duration timeout;
  private final LongSupplier nanoTime;
  private final long startNanos;

  /** @param nanoTime the time source, {@code System::nanoTime} except in tests */
  Deadline(Duration timeout, LongSupplier nanoTime) {
    this.timeout = timeout;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
  }

  long elapsedNanos() {
    return nanoTime.getAsLong() - startNanos;
  }

  /** What is left of the timeout; 0 or less once it has passed. */
  long remainingNanos() {
    return timeout.toNanos() - elapsedNanos();
  }

  /** The exchange ran out of time at {@code stage}. */
  Failure timedOut(Stage stage, String host) {
    return FailureClassifier.timedOut(stage, timeout, host);
  }

  /**
   * Why an exchange failed with {@code e}: out of time if the timeout has passed or {@code call}
   * was cancelled (a watchdog's expire() cancels it, and OkHttp then throws an exception of its
   * own), else what the exception says.
   */
  Failure failure(IOException e, Call call, Stage stage, String host) {
    boolean outOfTime = remainingNanos() <= 0 || (call != null && call.isCanceled());
    return outOfTime ? timedOut(stage, host) : FailureClassifier.of(e, stage, host);
  }
}
