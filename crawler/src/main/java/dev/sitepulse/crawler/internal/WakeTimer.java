package dev.sitepulse.crawler.internal;

import java.util.OptionalLong;

/**
 * The crawl loop's one timer, for the earliest host due: a host backed off for minutes must not
 * hold up one that is due in milliseconds, so a sooner wake replaces a later one. Touched only on
 * the event loop; the caller passes the time in.
 */
final class WakeTimer {

  /** One-shot timers, as Vert.x sets them: an id of 0 or more, and a task run when it fires. */
  interface Timers {
    long set(long delayMs, Runnable fired);

    /** Cancels the timer; false when it had fired already, or was cancelled before. */
    boolean cancel(long id);
  }

  private final Timers timers;
  private final Runnable wake;
  private long timer = -1;
  private long wakeAt; // System.nanoTime() the timer is set for

  /** @param wake what to run when the timer fires */
  WakeTimer(Timers timers, Runnable wake) {
    this.timers = timers;
    this.wake = wake;
  }

  /**
   * @param next System.nanoTime() the earliest host may fetch again, empty when none waits
   * @param now System.nanoTime(); compared with the others by difference, as its origin is arbitrary
   */
  void schedule(OptionalLong next, long now) {
    if (next.isEmpty() || (timer >= 0 && next.getAsLong() - wakeAt >= 0)) {
      return;
    }
    long due = next.getAsLong();
    if (timer >= 0) {
      timers.cancel(timer);
    }
    wakeAt = due;
    long wait = due - now; // rounded up to whole milliseconds without adding, lest it overflow
    long delayMs = Math.max(1, wait / 1_000_000 + (wait % 1_000_000 > 0 ? 1 : 0));
    timer = timers.set(delayMs, () -> {
      timer = -1;
      wake.run();
    });
  }
}
