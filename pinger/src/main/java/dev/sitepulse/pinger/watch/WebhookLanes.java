package dev.sitepulse.pinger.watch;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per target, its delivery under way to one webhook and the alert waiting behind it. A reload that
 * keeps the webhook's URL hands its lanes to the new {@link WebhookSink}, its headers changed or
 * not: with lanes of its own, a recovery sent after the reload overtook the outage still being
 * delivered before it. A reload that drops the webhook parks them ({@link ParkedLanes}) until their
 * deliveries end, for a later reload that adds it back.
 */
final class WebhookLanes {

  /** Guarded by this. */
  private final Map<String, Lane> lanes = new HashMap<>();
  /** Alerts a later one of their target replaced while they waited, since {@link #takeReplaced()}. */
  private final AtomicLong replaced = new AtomicLong();

  /**
   * An alert's body, the sink that posts it (the sink in use when it was sent, which a reload may
   * since have replaced), how its delivery ends, and how many tries it has started.
   */
  record Pending(WebhookSink sink, byte[] body, CompletableFuture<Delivery> done, AtomicInteger attempts) {}

  /** One target's delivery under way, and the alert waiting behind it. Guarded by the lanes. */
  private static final class Lane {
    Pending waiting;
    final CompletableFuture<Void> idle = new CompletableFuture<>();
  }

  /**
   * Starts {@code next} at once when nothing of its target is under way, else makes it the one
   * waiting, replacing the one that waited. Returns its {@code done}.
   */
  CompletableFuture<Delivery> send(String target, Pending next) {
    Pending dropped = null;
    boolean startNow;
    synchronized (this) {
      Lane lane = lanes.get(target);
      startNow = lane == null;
      if (startNow) {
        lanes.put(target, new Lane());
      } else {
        dropped = lane.waiting;
        lane.waiting = next;
      }
    }
    if (dropped != null) { // outside the lock: its listeners run now
      replaced.incrementAndGet();
      dropped.done().complete(Delivery.replacedWhileWaiting(dropped.sink().name()));
    }
    if (startNow) {
      start(target, next);
    }
    return next.done();
  }

  private void start(String target, Pending p) {
    p.done().whenComplete((d, e) -> startWaiting(target));
    p.sink().attempt(p, 1);
  }

  /** Once a target's delivery has ended: starts the alert waiting behind it, or frees its lane. */
  private void startWaiting(String target) {
    Pending p;
    Lane done = null;
    synchronized (this) {
      Lane lane = lanes.get(target);
      p = lane.waiting;
      lane.waiting = null;
      if (p == null) {
        lanes.remove(target);
        done = lane;
      }
    }
    if (p != null) {
      start(target, p);
    } else {
      done.idle.complete(null);
    }
  }

  /** Whether no delivery is under way. */
  synchronized boolean isIdle() {
    return lanes.isEmpty();
  }

  /** Completes once every delivery sent so far has ended, its retries too. */
  synchronized CompletableFuture<Void> idle() {
    return CompletableFuture.allOf(lanes.values().stream().map(l -> l.idle).toArray(CompletableFuture[]::new));
  }

  /** How many alerts were replaced while they waited since the last call, which counts them anew. */
  long takeReplaced() {
    return replaced.getAndSet(0);
  }
}
