package dev.sitepulse.pinger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where a test's retries wait: it notes each back-off or Retry-After a retry asks for, and ends
 * the wait at once, or when the test lets the retries go. The waits are the pinger's to choose;
 * only their length in real time is the test's.
 */
final class RecordingRetryTimer extends ScheduledThreadPoolExecutor implements AutoCloseable {

  private final List<Duration> asked = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> letGo;

  private RecordingRetryTimer(boolean heldUntilLetGo) {
    super(1, Threads.daemon("test-retry-timer"));
    this.letGo = heldUntilLetGo ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
  }

  /** Every retry goes as soon as it is due to wait. */
  static RecordingRetryTimer endingAtOnce() {
    return new RecordingRetryTimer(false);
  }

  /** Retries wait until {@link #letGo()}, then go at once. */
  static RecordingRetryTimer holdingUntilLetGo() {
    return new RecordingRetryTimer(true);
  }

  /** A pinger whose retries wait here: to be closed before this is. */
  Pinger pinger(PingSettings settings, Clock clock) {
    return Pinger.create(settings, clock, this);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    asked.add(Duration.of(delay, unit.toChronoUnit()));
    synchronized (this) {
      notifyAll();
    }
    return super.schedule(() -> {
      letGo.join();
      command.run();
    }, 0, unit);
  }

  /** The waits asked for so far, in order. */
  List<Duration> asked() {
    return List.copyOf(asked);
  }

  /**
   * The waits asked for once there are {@code count}: a retry asks for its wait on the thread its
   * attempt ended on, after the result the test saw. Bounded only so a test that is wrong ends.
   */
  synchronized List<Duration> asked(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (asked.size() < count && System.nanoTime() < deadline) {
      wait(10);
    }
    return asked();
  }

  void letGo() {
    letGo.complete(null);
  }

  @Override
  public void close() {
    letGo(); // a wait still held would keep its thread
    shutdownNow();
  }
}
