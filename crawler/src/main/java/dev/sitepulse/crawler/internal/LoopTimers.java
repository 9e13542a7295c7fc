package dev.sitepulse.crawler.internal;

import io.vertx.core.Vertx;

/**
 * The crawl loop's timers: its wake ({@link WakeTimer}), its periodic progress and commit ticks,
 * and the waits of its robots.txt and sitemap reads. Vert.x's, but for a test that fires them by
 * hand instead of waiting for them.
 */
interface LoopTimers extends WakeTimer.Timers {

  /** A timer that fires every {@code periodMs} until cancelled: an id of 0 or more, as Vert.x gives. */
  long every(long periodMs, Runnable fired);

  static LoopTimers on(Vertx vertx) {
    return new LoopTimers() {
      @Override
      public long set(long delayMs, Runnable fired) {
        return vertx.setTimer(delayMs, id -> fired.run());
      }

      @Override
      public long every(long periodMs, Runnable fired) {
        return vertx.setPeriodic(periodMs, id -> fired.run());
      }

      @Override
      public boolean cancel(long id) {
        return vertx.cancelTimer(id);
      }
    };
  }
}
