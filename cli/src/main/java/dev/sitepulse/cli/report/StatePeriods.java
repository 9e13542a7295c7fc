package dev.sitepulse.cli.report;

import dev.sitepulse.pinger.history.StateChangeRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a target's recorded state changes into the periods of its window and its incidents. A
 * state begins where the run of results that decided it began ({@code since}), so an incident
 * starts at the first failed check and ends at the first good one, not when the thresholds were
 * reached. Before its first change a target is UNKNOWN; after its last it stays as it was while
 * it is checked, and is UNKNOWN again past what its checks cover once they stopped.
 */
final class StatePeriods {

  static final String DOWN = "DOWN";
  static final String UNKNOWN = "UNKNOWN";

  private final List<StatePeriod> periods = new ArrayList<>();
  private final List<Incident> incidents = new ArrayList<>();
  private String state = UNKNOWN;

  private StatePeriods() {}

  /**
   * @param changes one target's, oldest first, led by its last change before the window if any
   * @param checking whether it is still checked, and how far its checks reach
   */
  static StatePeriods of(List<StateChangeRecord> changes, Instant since, Instant until, Checking checking) {
    StatePeriods p = new StatePeriods();
    Instant start = since;
    Instant actualStart = since;
    for (StateChangeRecord c : changes) {
      if (c.at().isBefore(since)) {
        p.state = c.to();
        actualStart = c.since();
        continue;
      }
      Instant boundary = clamp(c.since(), start, until);
      p.close(start, actualStart, boundary, c.since(), null);
      p.state = c.to();
      start = boundary;
      actualStart = c.since();
    }
    Instant known = checking.knownUntil(until);
    if (known.isBefore(start)) { // its checks stopped before the window: nothing in it was seen
      p.periods.add(new StatePeriod(UNKNOWN, since, until));
      return p;
    }
    p.close(start, actualStart, known, null, checking.stoppedAt());
    if (known.isBefore(until)) {
      p.periods.add(new StatePeriod(UNKNOWN, known, until));
    }
    return p;
  }

  private void close(Instant start, Instant actualStart, Instant end, Instant actualEnd, Instant checksStopped) {
    if (end.isAfter(start)) {
      periods.add(new StatePeriod(state, start, end));
    }
    if (state.equals(DOWN) && (end.isAfter(start) || actualEnd == null)) {
      incidents.add(new Incident(actualStart, actualEnd, Duration.between(start, end), checksStopped));
    }
  }

  private static Instant clamp(Instant t, Instant low, Instant high) {
    return t.isBefore(low) ? low : t.isAfter(high) ? high : t;
  }

  List<StatePeriod> periods() {
    return List.copyOf(periods);
  }

  List<Incident> incidents() {
    return List.copyOf(incidents);
  }

  /** The state after the last change: the one it was last seen in. */
  String state() {
    return state;
  }
}
