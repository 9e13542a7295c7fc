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

class HostBreakersTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T12:00:00Z"));

  private static Attempt attempt(Verdict verdict, ErrorKind kind, Duration took) {
    return new Attempt(1, Instant.EPOCH, verdict, kind, "", List.of(),
        new Phases(0, 0, 0, 0, 0, took.toNanos()), 0, false, null, null, List.of(), null);
  }

  private static final Attempt SLOW_ANSWER = attempt(Verdict.UP, null, Duration.ofSeconds(61));
  private static final Attempt UNREACHABLE = attempt(Verdict.ERROR, ErrorKind.CONNECT_TIMEOUT, Duration.ofSeconds(10));
  private static final Attempt ANSWER = attempt(Verdict.UP, null, Duration.ofMillis(5));

  @Test
  void answersSlowerThanAMinuteDoNotOpenTheCircuit() {
    HostBreakers breakers = new HostBreakers(new CircuitBreakerSettings(5, Duration.ofSeconds(30)), clock);
    CircuitBreaker breaker = breakers.of("slow.example:80");

    for (int i = 0; i < 5; i++) {
      breakers.admit(breaker, null).record(SLOW_ANSWER);
    }

    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void aResultOfACheckLetThroughBeforeTheCircuitOpenedDoesNotDecideTheTrial() {
    HostBreakers breakers = new HostBreakers(new CircuitBreakerSettings(2, Duration.ofSeconds(5)), clock);
    CircuitBreaker breaker = breakers.of("back.example:80");
    HostBreakers.Pass first = breakers.admit(breaker, null);
    HostBreakers.Pass second = breakers.admit(breaker, null);
    HostBreakers.Pass late = breakers.admit(breaker, null);
    first.record(UNREACHABLE);
    second.record(UNREACHABLE);
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

    clock.advance(Duration.ofSeconds(6));
    HostBreakers.Pass trial = breakers.admit(breaker, null);
    late.record(UNREACHABLE); // sent while the circuit was closed; it ends only now
    trial.record(ANSWER);

    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  /** A watch checks the target again one interval later: its circuit must not hold a recovery back for open-for. */
  @Test
  void theNextCheckOfTheTargetWhoseFailuresOpenedTheCircuitIsItsTrial() {
    HostBreakers breakers = new HostBreakers(new CircuitBreakerSettings(2, Duration.ofSeconds(30)), clock);
    CircuitBreaker breaker = breakers.of("back.example:80");
    for (int i = 0; i < 2; i++) {
      breakers.admit(breaker, "api").record(UNREACHABLE);
    }

    assertThat(breakers.admit(breaker, "shop")).as("another target of the host is held back").isNull();
    HostBreakers.Pass trial = breakers.admit(breaker, "api");
    assertThat(trial).as("long before open-for ran out").isNotNull().satisfies(p -> assertThat(p.trial()).isTrue());
    trial.record(ANSWER);
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void aTrialThatFailsMakesItsTargetsNextCheckTheTrialAgain() {
    HostBreakers breakers = new HostBreakers(new CircuitBreakerSettings(1, Duration.ofSeconds(30)), clock);
    CircuitBreaker breaker = breakers.of("down.example:80");
    breakers.admit(breaker, "api").record(UNREACHABLE);
    clock.advance(Duration.ofSeconds(31));
    breakers.admit(breaker, "shop").record(UNREACHABLE); // the trial open-for allowed, which reopens it

    assertThat(breakers.admit(breaker, "api")).as("api opened it before shop's trial did").isNull();
    assertThat(breakers.admit(breaker, "shop")).isNotNull();
  }

  @Test
  void aCircuitClosedByAnotherTargetsTrialForgetsWhoOpenedIt() {
    HostBreakers breakers = new HostBreakers(new CircuitBreakerSettings(1, Duration.ofSeconds(30)), clock);
    CircuitBreaker breaker = breakers.of("down.example:80");
    breakers.admit(breaker, "api").record(UNREACHABLE);
    clock.advance(Duration.ofSeconds(31));
    breakers.admit(breaker, "shop").record(ANSWER); // the trial open-for allowed: closed
    breakers.admit(breaker, null).record(UNREACHABLE); // opened again, by a check of no target

    assertThat(breakers.admit(breaker, "api")).as("api opened an earlier circuit, not this one").isNull();
  }
}
