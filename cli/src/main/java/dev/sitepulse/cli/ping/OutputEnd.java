package dev.sitepulse.cli.ping;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The end of a stopped run's output, given a bounded time. Checks are written by an output thread
 * that a stdout nobody reads (a paused pager) holds in a write, together with the stream's lock:
 * the end, which needs that lock, would wait as long, and a Ctrl-C would not end the run.
 */
final class OutputEnd {

  private OutputEnd() {}

  /**
   * Runs {@code end} on a daemon thread of its own and waits for it at most {@code limit}; past it
   * the thread is left held in its write, to end with the JVM.
   *
   * @return whether {@code end} ran to its end in time
   */
  static boolean within(Runnable end, Duration limit) {
    FutureTask<Void> task = new FutureTask<>(end, null);
    Thread thread = new Thread(task, "sitepulse-output-end");
    thread.setDaemon(true);
    thread.start();
    try {
      task.get(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) { // the writer's own failure, as it would be on this thread
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
