package dev.sitepulse.pinger.watch;

import static dev.sitepulse.pinger.watch.State.DEGRADED;
import static dev.sitepulse.pinger.watch.State.DOWN;
import static dev.sitepulse.pinger.watch.State.UNKNOWN;
import static dev.sitepulse.pinger.watch.State.UP;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateMachineTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** Feeds results a minute apart; returns the state after each and collects the transitions. */
  private static List<State> feed(StateMachine m, Thresholds t, List<Transition> changes, State... results) {
    List<State> states = new ArrayList<>();
    for (int i = 0; i < results.length; i++) {
      Transition change = m.onResult(results[i], T0.plusSeconds(60L * i), t);
      if (change != null) {
        changes.add(change);
      }
      states.add(m.state());
    }
    return states;
  }

  @Test
  void aNewTargetIsUpOnItsFirstSuccess() {
    StateMachine m = new StateMachine();
    assertThat(m.state()).isEqualTo(UNKNOWN);

    Transition t = m.onResult(UP, T0, Thresholds.DEFAULT);

    assertThat(t).isEqualTo(new Transition(UNKNOWN, UP, T0, T0, null));
    assertThat(m.since()).isEqualTo(T0);
  }

  @Test
  void itTakesThreeConsecutiveFailuresToGoDownAndTwoSuccessesToComeBack() {
    List<Transition> changes = new ArrayList<>();
    List<State> states = feed(new StateMachine(), Thresholds.DEFAULT, changes,
        UP, DOWN, DOWN, DOWN, DOWN, UP, UP, UP);

    assertThat(states).containsExactly(UP, UP, UP, DOWN, DOWN, DOWN, UP, UP);
    assertThat(changes).extracting(Transition::from, Transition::to)
        .containsExactly(tuple(UNKNOWN, UP), tuple(UP, DOWN), tuple(DOWN, UP));
    Transition down = changes.get(1);
    assertThat(down.since()).as("the outage began with the first failure").isEqualTo(T0.plusSeconds(60));
    assertThat(down.at()).as("and was decided by the third").isEqualTo(T0.plusSeconds(180));
    Transition up = changes.get(2);
    assertThat(up.since()).isEqualTo(T0.plusSeconds(300));
    assertThat(up.previousSince()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void aSuccessInBetweenStartsTheFailureCountAnew() {
    List<Transition> changes = new ArrayList<>();
    List<State> states = feed(new StateMachine(), Thresholds.DEFAULT, changes,
        UP, DOWN, DOWN, UP, DOWN, DOWN, UP, DOWN, DOWN, DOWN);

    assertThat(states).containsExactly(UP, UP, UP, UP, UP, UP, UP, UP, UP, DOWN);
    assertThat(changes).hasSize(2);
  }

  @Test
  void aFailureInBetweenStartsTheRecoveryCountAnew() {
    List<Transition> changes = new ArrayList<>();
    StateMachine m = new StateMachine(DOWN, T0);
    List<State> states = feed(m, Thresholds.DEFAULT, changes, UP, DOWN, UP, UP);

    assertThat(states).containsExactly(DOWN, DOWN, DOWN, UP);
    assertThat(changes).hasSize(1);
  }

  @Test
  void failuresCountAgainstAnUnknownTargetAsAgainstAnUpOne() {
    List<Transition> changes = new ArrayList<>();
    List<State> states = feed(new StateMachine(), Thresholds.DEFAULT, changes, DOWN, DOWN, DOWN);

    assertThat(states).containsExactly(UNKNOWN, UNKNOWN, DOWN);
    assertThat(changes).extracting(Transition::from, Transition::to).containsExactly(tuple(UNKNOWN, DOWN));
  }

  @Test
  void degradedIsAStateOfItsOwnWithTheSameFlappingControl() {
    List<Transition> changes = new ArrayList<>();
    List<State> states = feed(new StateMachine(), Thresholds.DEFAULT, changes,
        UP, DEGRADED, DEGRADED, DEGRADED, DOWN, DOWN, DOWN, DEGRADED, DEGRADED, UP, UP);

    assertThat(states).containsExactly(UP, UP, UP, DEGRADED, DEGRADED, DEGRADED, DOWN, DOWN, DEGRADED, DEGRADED, UP);
    assertThat(changes).extracting(Transition::to).containsExactly(UP, DEGRADED, DOWN, DEGRADED, UP);
  }

  @Test
  void aRunOfMixedFailuresEndsInWhatTheLastOneSaid() {
    List<Transition> changes = new ArrayList<>();
    List<State> states = feed(new StateMachine(UP, T0), Thresholds.DEFAULT, changes, DEGRADED, DOWN, DOWN);

    assertThat(states).containsExactly(UP, UP, DOWN);
  }

  @Test
  void thresholdsOfOneFollowEveryResult() {
    List<Transition> changes = new ArrayList<>();
    List<State> states = feed(new StateMachine(), new Thresholds(1, 1), changes, UP, DOWN, UP, DOWN);

    assertThat(states).containsExactly(UP, DOWN, UP, DOWN);
    assertThat(changes).hasSize(4);
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }
}
