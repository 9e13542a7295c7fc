package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.CheckResult;
import java.time.Instant;

/**
 * A target as the watch sees it now: an immutable snapshot for {@code /status} and
 * {@code /metrics}, safe to read from any thread.
 *
 * @param since when the state began, null while UNKNOWN
 * @param last the latest result that {@linkplain dev.sitepulse.pinger.ErrorKind#counts counts}, null
 *     before the first: one sitepulse could not start says nothing of the target, as its state does not
 * @param notStartedAt when the latest check after {@code last} that sitepulse could not start
 *     began; null if none did
 * @param skipped ticks that found the previous check still running
 */
public record TargetStatus(
    WatchedTarget target,
    State state,
    Instant since,
    CheckResult last,
    Instant notStartedAt,
    long checks,
    long skipped) {

  public String name() {
    return target.name();
  }
}
