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
    Instant shownFrom = since; // where the window shows the current state from
    Instant began = since; // where the current state began: the first result of the run that decided it
    for (StateChangeRecord c : changes) {
      if (c.at().isBefore(since)) {
        p.state = c.to();
        began = c.since();
        continue;
      }
      Instant boundary = clamp(c.since(), shownFrom, until);
      p.close(shownFrom, began, Ending.ofState(boundary, c.since(), null));
      p.state = c.to();
      shownFrom = boundary;
      began = c.since();
    }
    Instant known = checking.knownUntil(until);
    if (known.isBefore(shownFrom)) { // its checks stopped before the window: nothing in it was seen
      p.add(State.UNKNOWN.name(), since, until);
      return p;
    }
    p.close(shownFrom, began, Ending.ofState(known, null, checking.stoppedAt()));
    p.add(State.UNKNOWN.name(), known, until);
    return p;
  }

  /**
   * How a piece of a state ends.
   *
   * @param at where, in the report
   * @param ended the first result of the run that ended the state, when that was seen; else null
   * @param checksStopped the last check before an end nobody saw: before a gap in the checks, or
   *     where they stopped; null otherwise
   * @param ofState whether the state ends there too (its last piece), not only a gap in its checks
   */
  private record Ending(Instant at, Instant ended, Instant checksStopped, boolean ofState) {

    /** Where a gap's unknown time begins: the state is not seen to end, its checks stopped at the gap. */
    static Ending atGap(Instant at, CheckGap gap) {
      return new Ending(at, null, gap.last(), false);
    }

    static Ending ofState(Instant at, Instant ended, Instant checksStopped) {
      return new Ending(at, ended, checksStopped, true);
    }

    /** An incident the state leaves open counts even with nothing of it in the window. */
    boolean leavesOpen() {
      return ofState && ended == null;
    }
  }

  /**
   * The current state from {@code began} to {@code end}, shown from {@code shownFrom} (where the
   * window or the last change put it), in pieces around the gaps inside it. A piece after a gap
   * begins where checks resumed; so does a state whose deciding run began with that first check,
   * and it may have begun unseen in the gap.
   */
  private void close(Instant shownFrom, Instant began, Ending end) {
    Instant pieceBegan = began;
    Instant resumed = gaps.stream().map(CheckGap::next).filter(began::equals).findFirst().orElse(null);
    for (CheckGap g : gaps) {
      Instant unknown = g.unknownFrom();
      if (!g.next().isAfter(pieceBegan) || !unknown.isBefore(end.at())) {
        continue;
      }
      piece(shownFrom, pieceBegan, resumed, Ending.atGap(unknown, g));
      add(State.UNKNOWN.name(), later(unknown, shownFrom), g.next().isAfter(end.at()) ? end.at() : g.next());
      pieceBegan = g.next();
      resumed = g.next();
    }
    piece(shownFrom, pieceBegan, resumed, end);
  }

  /**
   * One piece of the current state, and its incident when it is DOWN.
   *
   * @param began its first check: where the state began, or where checks resumed after a gap
   * @param resumed that first check when it followed a gap, else null
   */
  private void piece(Instant shownFrom, Instant began, Instant resumed, Ending end) {
    Instant shown = later(began, shownFrom);
    add(state, shown, end.at());
    if (state.equals(State.DOWN.name()) && (end.at().isAfter(shown) || end.leavesOpen())) {
      incidents.add(new Incident(began, end.ended(), Duration.between(shown, end.at()), end.checksStopped(), resumed));
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
