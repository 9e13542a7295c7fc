package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.internal.RetryPolicy;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a config says about watching: what, how often, how checks run, when a state changes
 * and whom to tell. Immutable; a reload builds a new one and the watch moves over to it.
 *
 * @param reminder alert again this often while a target stays DOWN; null for never
 */
public record WatchPlan(
    List<WatchedTarget> targets,
    PingSettings settings,
    Thresholds thresholds,
    Duration reminder,
    List<Webhook> webhooks) {

  public WatchPlan {
    targets = List.copyOf(targets);
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(thresholds, "thresholds");
    webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < targets.size(); i++) {
      if (!names.add(targets.get(i).name())) {
        // A config's duplicates are refused where it is read, with their lines; this guards callers of the API.
        throw new IllegalArgumentException("targets[" + i + "]: the name \"" + targets.get(i).name()
            + "\" is used by another target too; targets are told apart by name");
      }
    }
  }

  /**
   * The longest a check under way can still take once the watch stops: one attempt's timeout,
   * since a stop sends no retry (Pinger.stopSending) and a check waiting for one ends at once.
   */
  public Duration longestAttempt() {
    Duration longest = Duration.ZERO;
    for (WatchedTarget t : targets) {
      Duration d = t.target().timeout();
      longest = d.compareTo(longest) > 0 ? d : longest;
    }
    return longest;
  }
}
