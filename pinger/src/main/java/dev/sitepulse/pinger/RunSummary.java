package dev.sitepulse.pinger;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts per verdict and the wall time of a run; the worst verdict decides the exit code.
 *
 * @param unfinished checks a stop (Ctrl-C, SIGTERM) left without a result, and so uncounted
 * @param stoppedBy the signal that ended the run before every check finished ({@code SIGTERM}),
 *     null for a run that finished them all, a stop after the last one included
 */
public record RunSummary(Map<Verdict, Integer> counts, Duration wallTime, int unfinished, String stoppedBy) {

  public RunSummary {
    EnumMap<Verdict, Integer> all = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      all.put(v, counts.getOrDefault(v, 0));
    }
    counts = Map.copyOf(all);
    if (unfinished < 0) {
      throw new IllegalArgumentException("unfinished checks cannot be negative, got " + unfinished);
    }
    if ((unfinished > 0) != (stoppedBy != null)) { // only a stop ends a run early
      throw new IllegalArgumentException("a run with " + unfinished + " unfinished checks stopped by " + stoppedBy);
    }
  }

  /** A run that checked every target it had. */
  public static RunSummary of(Collection<CheckResult> results, Duration wallTime) {
    return of(results, wallTime, 0, null);
  }

  /** A run that {@code stoppedBy} (a signal's name) ended with {@code unfinished} checks left, or none and null. */
  public static RunSummary of(Collection<CheckResult> results, Duration wallTime, int unfinished, String stoppedBy) {
    EnumMap<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    for (CheckResult r : results) {
      counts.merge(r.verdict(), 1, Integer::sum);
    }
    return new RunSummary(counts, wallTime, unfinished, stoppedBy);
  }

  /** Whether every target of the run was checked; output formats say so when not. */
  public boolean complete() {
    return unfinished == 0;
  }

  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  public int count(Verdict v) {
    return counts.get(v);
  }

  /** The worst verdict seen; UP for an empty run. */
  public Verdict worst() {
    Verdict worst = Verdict.UP;
    for (Verdict v : Verdict.values()) {
      if (counts.get(v) > 0) {
        worst = worst.worse(v);
      }
    }
    return worst;
  }
}
