package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.frontier.Frontier;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * URLs waiting out the delay before a network failure is fetched again, each on a Vert.x timer
 * and each the loop's outstanding work until its timer fires and the URL is queued again. Once
 * the crawl ends early (page limit, stop), the timers are cancelled and their URLs queued at once,
 * as is every retry after that: they are not fetched this run, and {@link TriesPending} leaves
 * them queued in crawl.db for the next. Touched only on the event loop.
 */
final class RetryTimers {

  private final Vertx vertx;
  private final Frontier frontier;
  private final Runnable waitStarted;
  private final Runnable requeued;
  /** URLs waiting to be fetched again after a network failure, by their timer. */
  private final Map<Long, Frontier.Next> waiting = new HashMap<>();
  private boolean endingEarly;

  /**
   * @param waitStarted run as a timer is set: the loop has work outstanding
   * @param requeued run once a fired timer's URL is queued again, so the loop can fetch it
   */
  RetryTimers(Vertx vertx, Frontier frontier, Runnable waitStarted, Runnable requeued) {
    this.vertx = vertx;
    this.frontier = frontier;
    this.waitStarted = waitStarted;
    this.requeued = requeued;
  }

  /** Queues {@code next} again after {@code delay}, or at once if the crawl is ending early. */
  void retryLater(Frontier.Next next, Duration delay) {
    if (endingEarly) { // it will not be fetched this run: queued at once, for the next
      frontier.requeue(next.url(), next.depth());
      return;
    }
    waitStarted.run();
    long timer = vertx.setTimer(Math.max(1, delay.toMillis()), id -> {
      waiting.remove(id);
      frontier.requeue(next.url(), next.depth());
      requeued.run();
    });
    waiting.put(timer, next);
  }

  /**
   * The crawl fetches nothing more: cancels the timers and queues their URLs at once, and every
   * retry from now on. Returns how many it cancelled: outstanding work that is no more. A timer
   * that fired but whose handler has not run yet is left to it, which requeues and counts it.
   */
  int endEarly() {
    endingEarly = true;
    int cancelled = 0;
    for (Map.Entry<Long, Frontier.Next> e : waiting.entrySet()) {
      if (vertx.cancelTimer(e.getKey())) {
        cancelled++;
        frontier.requeue(e.getValue().url(), e.getValue().depth());
      }
    }
    waiting.clear();
    return cancelled;
  }
}
