package dev.sitepulse.cli.report;

import dev.sitepulse.pinger.history.CheckGap;
import dev.sitepulse.pinger.history.StateChangeRecord;
import dev.sitepulse.pinger.watch.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a target's recorded state changes into the periods of its window and its incidents. A
 * state begins where the run of results that decided it began ({@code since}), so an incident
 * starts at the first failed check and ends at the first good one, not when the thresholds were
 * reached. Before its first change a target is UNKNOWN; after its last it stays as it was while
 * it is checked, and is UNKNOWN again past what its checks cover once they stopped. It is UNKNOWN
 * too in each gap between its checks (from one interval past the check before), which cuts the
 * state around it in two: a watch started again resumes the state it was in, but nothing saw it
 * in between.
 */
final class StatePeriods {

  private final List<StatePeriod> periods = new ArrayList<>();
  private final List<Incident> incidents = new ArrayList<>();
  private final List<CheckGap> gaps;
  private String state = State.UNKNOWN.name();

  private StatePeriods(List<CheckGap> gaps) {
    this.gaps = gaps;
  }

  /**
   * @param changes one target's, oldest first, led by its last change before the window if any
   * @param checking whether it is still checked, and how far its checks reach
   */
  static StatePeriods of(List<StateChangeRecord> changes, Instant since, Instant until, Checking checking) {
    StatePeriods p = new StatePeriods(checking.gaps());
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
      p.add(State.UNKNOWN.name(), since, until);
      return p;
    }
    p.close(start, actualStart, known, null, checking.stoppedAt());
    p.add(State.UNKNOWN.name(), known, until);
    return p;
  }

  /**
   * The current state from {@code actualStart} to {@code end}, shown from {@code start} (where the
   * window or the last change put it), in pieces around the gaps inside it. A piece after a gap
   * begins where checks resumed; so does a state whose deciding run began with that first check,
   * and it may have begun unseen in the gap.
   */
  private void close(Instant start, Instant actualStart, Instant end, Instant actualEnd, Instant checksStopped) {
    Instant from = actualStart;
    Instant resumed = gaps.stream().map(CheckGap::next).filter(actualStart::equals).findFirst().orElse(null);
    for (CheckGap g : gaps) {
      Instant unknown = Checking.unknownFrom(g);
      if (!g.next().isAfter(from) || !unknown.isBefore(end)) {
        continue;
      }
      piece(start, from, unknown, null, g.last(), resumed, false);
      add(State.UNKNOWN.name(), later(unknown, start), g.next().isAfter(end) ? end : g.next());
      from = g.next();
      resumed = g.next();
    }
    piece(start, from, end, actualEnd, checksStopped, resumed, true);
  }

  /** @param last whether it is the state's last piece, so an open incident there counts even if empty */
  private void piece(Instant start, Instant from, Instant end, Instant actualEnd, Instant checksStopped,
      Instant resumed, boolean last) {
    Instant shown = later(from, start);
    add(state, shown, end);
    if (state.equals(State.DOWN.name()) && (end.isAfter(shown) || last && actualEnd == null)) {
      incidents.add(new Incident(from, actualEnd, Duration.between(shown, end), checksStopped, resumed));
    }
  }

  /** Adds a period, or lengthens the one before when it is in the same state and ends where this begins. */
  private void add(String s, Instant start, Instant end) {
    if (!end.isAfter(start)) {
      return;
    }
    int n = periods.size();
    StatePeriod before = n == 0 ? null : periods.get(n - 1);
    if (before != null && before.state().equals(s) && before.end().equals(start)) {
      periods.set(n - 1, new StatePeriod(s, before.start(), end));
    } else {
      periods.add(new StatePeriod(s, start, end));
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
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
