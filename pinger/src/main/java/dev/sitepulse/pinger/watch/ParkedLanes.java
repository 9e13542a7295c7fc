package dev.sitepulse.pinger.watch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link WebhookLanes} of webhooks a reload dropped, by URL, kept while their deliveries run: a
 * reload that adds the webhook back takes them, so that a target's next alert waits behind the one
 * still being delivered instead of overtaking it in fresh lanes. Idle lanes are let go.
 */
final class ParkedLanes {

  /** Guarded by this; each URL's lanes in the order they were parked. */
  private final Map<String, List<WebhookLanes>> byUrl = new HashMap<>();

  synchronized void park(String url, WebhookLanes lanes) {
    byUrl.computeIfAbsent(url, u -> new ArrayList<>()).add(lanes);
  }

  /** The lanes of {@code url} parked first, no longer parked; null when none are. */
  synchronized WebhookLanes take(String url) {
    List<WebhookLanes> parked = byUrl.get(url);
    if (parked == null) {
      return null;
    }
    WebhookLanes lanes = parked.remove(0);
    if (parked.isEmpty()) {
      byUrl.remove(url);
    }
    return lanes;
  }

  /**
   * Lets parked lanes go once their deliveries end. Call it after the last alert that may still
   * send to them (one that took the dropped sinks before the reload) has done so.
   */
  void releaseWhenIdle(String url, WebhookLanes lanes) {
    lanes.idle().whenComplete((v, e) -> release(url, lanes));
  }

  /**
   * Unparks lanes that are idle. Lanes a reload took back and a later one parked again may be busy
   * once more: the later parking lets them go.
   */
  private synchronized void release(String url, WebhookLanes lanes) {
    List<WebhookLanes> parked = byUrl.get(url);
    if (parked != null && lanes.isIdle() && parked.remove(lanes) && parked.isEmpty()) {
      byUrl.remove(url);
    }
  }

  /** How many lanes are parked, for tests. */
  synchronized int size() {
    return byUrl.values().stream().mapToInt(List::size).sum();
  }
}
