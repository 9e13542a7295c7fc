package dev.sitepulse.pinger;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Hands the results of a {@link Pinger#checkAll(java.util.List, Consumer,
 * java.util.concurrent.CompletionStage) checkAll} to its {@code onEach} as they complete, one at a
 * time on a thread of its own, and keeps those it handed over in input order. Once stopped it
 * hands over none, so that what {@code onEach} saw and the run returns agree.
 *
 * <p>Its thread is never the one that completes a check: that may be the scheduler thread, whose
 * rate wake-ups, watchdogs and retries every other check needs, and an output that blocks (a pipe
 * nobody reads) must hold back neither them nor the return at a stop.
 */
final class RunOutput {

  /** What was handed over, at each target's index; guarded by itself, as is {@link #open}. */
  private final CheckResult[] given;
  private final Consumer<CheckResult> onEach;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(Threads.daemonNamed("sitepulse-output"));
  private boolean open = true;
  private CompletableFuture<Void> done;

  RunOutput(int targets, Consumer<CheckResult> onEach) {
    this.given = new CheckResult[targets];
    this.onEach = onEach;
  }

  /** Hands the check of the {@code index}th target over once it completes, unless stopped by then. */
  CompletableFuture<Void> give(int index, CompletableFuture<CheckResult> check) {
    return check.thenAcceptAsync(r -> {
      synchronized (given) { // only the store: a stop must not wait for onEach to return
        if (!open) {
          return;
        }
        given[index] = r;
      }
      onEach.accept(r);
    }, thread);
  }

  /** Hands nothing more over; an {@code onEach} under way may go on, which {@link #run()} tells of. */
  void stop() {
    synchronized (given) {
      open = false;
    }
    // One thread, in order: this runs after the onEach under way, and those queued behind it give nothing.
    done = CompletableFuture.runAsync(() -> { }, thread);
    thread.shutdown(); // its thread, a daemon, ends with the onEach it may still be in
  }

  /** What was handed over, in input order, and when the last {@code onEach} returned; after {@link #stop()}. */
  CheckRun run() {
    return new CheckRun(Arrays.stream(given).filter(Objects::nonNull).toList(), done);
  }
}
