package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.CheckResult;
import java.time.Instant;

/**
 * The scheduler's bookkeeping for one target. Confined to the watch's event-loop context, except
 * {@link #status}, the snapshot other threads read.
 */
final class TargetWatch {

  WatchedTarget target;
  final Tracker tracker;
  long timerId = -1;
  /** When the next tick is due, System.nanoTime() based, to measure how late it fires. */
  long nextDueNanos;
  boolean running;
  long checks;
  long skipped;
  /** The latest result that {@linkplain dev.sitepulse.pinger.ErrorKind#counts counts}. */
  CheckResult last;
  /** When the latest check after {@link #last} that sitepulse could not start began; null if none. */
  Instant notStartedAt;
  volatile TargetStatus status;

  TargetWatch(WatchedTarget target, Tracker tracker) {
    this.target = target;
    this.tracker = tracker;
    publish();
  }

  /**
   * A check sitepulse could not start stands for nothing the target did: {@link #last} stays the
   * latest that does, as the state does, so /metrics' probe_success never says down of a target UP.
   */
  void checked(CheckResult r, Instant at) {
    checks++;
    if (!r.counts()) {
      notStartedAt = at;
    } else {
      last = r;
      notStartedAt = null;
    }
  }

  void publish() {
    status = new TargetStatus(target, tracker.state(), tracker.since(), last, notStartedAt, checks, skipped);
  }
}
