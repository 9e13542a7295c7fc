package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.CheckResult;

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
  CheckResult last;
  volatile TargetStatus status;

  TargetWatch(WatchedTarget target, Tracker tracker) {
    this.target = target;
    this.tracker = tracker;
    publish();
  }

  void publish() {
    status = new TargetStatus(target, tracker.state(), tracker.since(), last, checks, skipped);
  }
}
