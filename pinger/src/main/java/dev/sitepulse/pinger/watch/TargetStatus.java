package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.CheckResult;
import java.time.Instant;

/**
 * A target as the watch sees it now: an immutable snapshot for {@code /status} and
 * {@code /metrics}, safe to read from any thread.
 *
 * @param since when the state began, null while UNKNOWN
 * @param last the latest result, null before the first
 * @param skipped ticks that found the previous check still running
 */
public record TargetStatus(
    WatchedTarget target,
    State state,
    Instant since,
    CheckResult last,
    long checks,
    long skipped) {

  public String name() {
    return target.name();
  }
}
