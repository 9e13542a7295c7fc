package dev.sitepulse.pinger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.Attempt;
import dev.sitepulse.pinger.CircuitBreakerSettings;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Phases;
import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.watch.MutableClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A check's one say in its host's circuit: when it is heard, and a trial that never went. */
class BreakerTicketTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
  private final HostBreakers breakers = new HostBreakers(new CircuitBreakerSettings(1, Duration.ofSeconds(5)), clock);
  private final CircuitBreaker breaker = breakers.of("back.example:80");

  private static Attempt attempt(Verdict verdict, ErrorKind kind) {
    return new Attempt(1, Instant.EPOCH, verdict, kind, "", List.of(),
        new Phases(0, 0, 0, 0, 0, 1_000_000), 0, false, null, null, List.of(), null);
  }

  private void openThenHalfOpen() {
    BreakerTicket failing = new BreakerTicket(breakers, breaker, null);
    assertThat(failing.admits(1)).isTrue();
    failing.recordFinal(attempt(Verdict.ERROR, ErrorKind.CONNECT_REFUSED));
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    clock.advance(Duration.ofSeconds(6));
  }

  @Test
  void aTrialThatReachedItsHostClosesTheCircuitBeforeItsRetries() {
    openThenHalfOpen();
    BreakerTicket trial = new BreakerTicket(breakers, breaker, null);
    assertThat(trial.admits(1)).isTrue();

    // A 503 that asks to wait: the check will retry, but the host has answered.
    trial.recordIfSettled(attempt(Verdict.DOWN, null), false);

    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(new BreakerTicket(breakers, breaker, null).admits(1)).as("the host's next check goes").isTrue();
  }

  @Test
  void anAttemptThatCouldNotReachTheHostWaitsForTheChecksLastOne() {
    openThenHalfOpen();
    BreakerTicket trial = new BreakerTicket(breakers, breaker, null);
    assertThat(trial.admits(1)).isTrue();

    trial.recordIfSettled(attempt(Verdict.ERROR, ErrorKind.CONNECT_REFUSED), false);

    assertThat(breaker.getState()).as("its retry may still reach it").isEqualTo(CircuitBreaker.State.HALF_OPEN);
  }

  @Test
  void aCheckLetThroughWhileTheCircuitWasClosedMayNotRetryOnceItOpened() {
    BreakerTicket early = new BreakerTicket(breakers, breaker, null);
    assertThat(early.admits(1)).isTrue();
    assertThat(early.admits(2)).as("closed still").isTrue();

    BreakerTicket failing = new BreakerTicket(breakers, breaker, null);
    assertThat(failing.admits(1)).isTrue();
    failing.recordFinal(attempt(Verdict.ERROR, ErrorKind.CONNECT_REFUSED));

    assertThat(early.admits(2)).isFalse();
    assertThat(early.refusesRetry()).isTrue();
    assertThat(early.noted(attempt(Verdict.ERROR, ErrorKind.CONNECT_REFUSED)).message())
        .isEqualTo("; not retried: the circuit of back.example:80 opened meanwhile");
  }

  @Test
  void aTrialKeepsItsRetriesWhileItsCircuitIsHalfOpen() {
    openThenHalfOpen();
    BreakerTicket trial = new BreakerTicket(breakers, breaker, null);
    assertThat(trial.admits(1)).isTrue();

    trial.recordIfSettled(attempt(Verdict.ERROR, ErrorKind.CONNECT_REFUSED), false);

    assertThat(trial.admits(2)).as("the circuit waits for its retry").isTrue();
    assertThat(trial.noted(attempt(Verdict.ERROR, ErrorKind.CONNECT_REFUSED)).message()).isEmpty();
  }

  @Test
  void aTrialAStopKeptFromBeingSentGivesItsPermissionBack() {
    openThenHalfOpen();
    BreakerTicket unsent = new BreakerTicket(breakers, breaker, null);
    assertThat(unsent.admits(1)).isTrue();
    assertThat(new BreakerTicket(breakers, breaker, null).admits(1)).as("one trial at a time").isFalse();

    unsent.releaseUnsent();

    assertThat(new BreakerTicket(breakers, breaker, null).admits(1)).as("another check may be the trial").isTrue();
  }
}
