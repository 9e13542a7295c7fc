package dev.sitepulse.crawler.internal;

/**
 * The crawl loop's one timer, for the earliest host due: a host backed off for minutes must not
 * hold up one that is due in milliseconds, so a sooner wake replaces a later one. Touched only on
 * the event loop; the caller passes the time in.
 */
final class WakeTimer {

  /** One-shot timers, as Vert.x sets them: an id of 0 or more, and a task run when it fires. */
  interface Timers {
    long set(long delayMs, Runnable fired);

    void cancel(long id);
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
   * @param due System.nanoTime() the earliest host may fetch again, negative when none waits
   * @param now System.nanoTime()
   */
  void schedule(long due, long now) {
    if (due < 0 || (timer >= 0 && wakeAt <= due)) {
      return;
    }
    if (timer >= 0) {
      timers.cancel(timer);
    }
    wakeAt = due;
    long delayMs = Math.max(1, (due - now + 999_999) / 1_000_000);
    timer = timers.set(delayMs, () -> {
      timer = -1;
      wake.run();
    });
  }
}
