package dev.sitepulse.pinger.watch;

import java.time.Instant;

/**
 * Decides a target's state from its results with flapping control: it takes
 * {@link Thresholds#failures()} consecutive results worse than the state, or
 * {@link Thresholds#successes()} better ones, to change it, and the state becomes what the last of
 * them said. A result as good as the state, or one pointing the other way, starts the count anew.
 *
 * <p>A new target is UNKNOWN. Its first success makes it UP at once (nothing was wrong); failures
 * count against UNKNOWN as against UP. Not thread-safe: each target's results arrive one at a time.
 */
public final class StateMachine {

  private State state;
  private Instant since;
  private int streak;
  private int direction;
  private Instant streakStart;

  public StateMachine() {
    this(State.UNKNOWN, null);
  }

  /** Resumes from a state recorded earlier, e.g. the last one in the history. */
  public StateMachine(State state, Instant since) {
    this.state = state;
    this.since = since;
  }

  public State state() {
    return state;
  }

  /** When the current state began; null while UNKNOWN. */
  public Instant since() {
    return since;
  }

  /** Counts one result; returns the change it completes, or null. */
  public Transition onResult(State observed, Instant at, Thresholds thresholds) {
    if (observed == State.UNKNOWN) {
      throw new IllegalArgumentException("a result is never UNKNOWN");
    }
    if (state == State.UNKNOWN && observed == State.UP) {
      return change(observed, at, at);
    }
    int cmp = Integer.compare(observed.severity(), state.severity());
    if (cmp == 0) {
      streak = 0;
      return null;
    }
    if (cmp != direction || streak == 0) {
      direction = cmp;
      streak = 0;
      streakStart = at;
    }
    streak++;
    int needed = cmp > 0 ? thresholds.failures() : thresholds.successes();
    return streak < needed ? null : change(observed, at, streakStart);
  }

  private Transition change(State to, Instant at, Instant start) {
    Transition t = new Transition(state, to, at, start, since);
    state = to;
    since = start;
    streak = 0;
    direction = 0;
    return t;
  }
}
