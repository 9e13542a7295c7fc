package dev.sitepulse.pinger;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts per verdict and the wall time of a run; the worst verdict decides the exit code.
 *
 * @param unfinished checks a stop (Ctrl-C, SIGTERM) left without a result, and so uncounted
 */
public record RunSummary(Map<Verdict, Integer> counts, Duration wallTime, int unfinished) {

  public RunSummary {
    EnumMap<Verdict, Integer> all = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      all.put(v, counts.getOrDefault(v, 0));
    }
    counts = Map.copyOf(all);
    if (unfinished < 0) {
      throw new IllegalArgumentException("unfinished checks cannot be negative, got " + unfinished);
    }
  }

  /** A run that checked every target it had. */
  public static RunSummary of(Collection<CheckResult> results, Duration wallTime) {
    return of(results, wallTime, 0);
  }

  public static RunSummary of(Collection<CheckResult> results, Duration wallTime, int unfinished) {
    EnumMap<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    for (CheckResult r : results) {
      counts.merge(r.verdict(), 1, Integer::sum);
    }
    return new RunSummary(counts, wallTime, unfinished);
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
