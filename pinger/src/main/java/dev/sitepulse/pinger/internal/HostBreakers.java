package dev.sitepulse.pinger.internal;

import dev.sitepulse.pinger.Attempt;
import dev.sitepulse.pinger.CircuitBreakerSettings;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Phases;
import dev.sitepulse.pinger.Verdict;
import dev.sitepulse.pinger.config.Durations;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.IllegalStateTransitionException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Resilience4j CircuitBreaker per host and port, made on first use: it opens after the
 * configured number of checks in a row could not reach the host, lets one trial check through
 * once it has been open long enough, and closes when that check reaches the host.
 *
 * <p>Or sooner: the next check of the very target whose failure opened the circuit (or reopened it,
 * a trial) goes as the trial whenever it comes. A watch checks a target again one interval later,
 * so its circuits hold a recovery back at most that long, not a whole open-for; the host is still
 * spared the checks of its other targets. A ping checks each target once, so this never happens there.
 */
public final class HostBreakers {

  private static final Logger LOG = LoggerFactory.getLogger(CircuitBreakerSettings.LOGGER);

  private final CircuitBreakerSettings settings;
  private final CircuitBreakerRegistry registry;
  private final Clock clock;
  /**
   * By breaker: why its host was last found unreachable, which the checks it holds back repeat, so
   * that an alert raised on one says "connection refused", not only that the circuit is open.
   */
  private final Map<String, String> lastProblem = new ConcurrentHashMap<>();
  /** By breaker: what the check that last opened it checked, whose next check is its trial. */
  private final Map<String, Object> openedBy = new ConcurrentHashMap<>();

  public HostBreakers(CircuitBreakerSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    int n = Math.max(1, settings.failures());
    this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
        .slidingWindow(n, n, SlidingWindowType.COUNT_BASED) // n in a row: all n of the last n
        .failureRateThreshold(100)
        // Resilience4j also opens on calls slower than 60 s by default; an answer is an answer.
        .slowCallRateThreshold(100)
        .slowCallDurationThreshold(Duration.ofDays(365))
        .waitDurationInOpenState(settings.openFor())
        .permittedNumberOfCallsInHalfOpenState(1)
        .recordResult(result -> result instanceof Attempt a && unreachable(a))
        .clock(clock)
        .build());
    // Opened and closed at INFO; a trial that fails and reopens it, every open-for, at DEBUG only.
    registry.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher()
        .onStateTransition(t -> {
          CircuitBreaker.StateTransition change = t.getStateTransition();
          String name = t.getCircuitBreakerName();
          switch (change.getToState()) {
            case OPEN -> {
              if (change.getFromState() == CircuitBreaker.State.CLOSED) {
                LOG.info("circuit of {}: open; its checks are held back until a trial: the next check of"
                    + " the target that opened it, or any after {}", name, Durations.format(settings.openFor()));
              } else {
                LOG.debug("circuit of {}: the trial check could not reach it; open again", name);
              }
            }
            case HALF_OPEN -> LOG.debug("circuit of {}: one trial check goes", name);
            case CLOSED -> {
              openedBy.remove(name); // a later opening, by whatever check, names its own opener
              LOG.info("circuit of {}: closed; its checks go again", name);
            }
            default -> LOG.debug("circuit of {}: {}", name, change);
          }
        }));
  }

  /**
   * Whether the check could not reach its host: a host that answered, if only with a redirect to
   * one that is down, was reached, and its breaker is not the one to blame.
   */
  static boolean unreachable(Attempt a) {
    return a.verdict() == Verdict.ERROR && a.errorKind().hostUnreachable()
        && a.hops().stream().allMatch(h -> h.status() == 0);
  }

  /** For each host and port seen: whether its checks are held back (open, or half-open on a trial). */
  public Map<String, Boolean> circuitsHeldBack() {
    Map<String, Boolean> out = new TreeMap<>();
    for (CircuitBreaker b : registry.getAllCircuitBreakers()) {
      out.put(b.getName(), b.getState() == CircuitBreaker.State.OPEN || b.getState() == CircuitBreaker.State.HALF_OPEN);
    }
    return out;
  }

  /** The breaker of {@code hostPort}, or null when circuit breaking is off. */
  public CircuitBreaker of(String hostPort) {
    return settings.enabled() ? registry.circuitBreaker(hostPort) : null;
  }

  /**
   * The breaker's permission for one check, or null when its open circuit holds the check back.
   *
   * @param checked what the check checks (its target), or null: a check of what opened the open
   *     circuit goes as its trial at once
   */
  public Pass admit(CircuitBreaker breaker, Object checked) {
    if (!breaker.tryAcquirePermission() && !(trialDue(breaker, checked) && breaker.tryAcquirePermission())) {
      return null;
    }
    return new Pass(breaker, breaker.getState(), checked, this);
  }

  /** Turns the breaker half-open if {@code checked} opened it, so that this check may be the trial. */
  private boolean trialDue(CircuitBreaker breaker, Object checked) {
    if (checked == null) {
      return false;
    }
    synchronized (breaker) { // one transition, whichever of two such checks comes first
      if (breaker.getState() != CircuitBreaker.State.OPEN || !openedBy.remove(breaker.getName(), checked)) {
        return false;
      }
      try {
        breaker.transitionToHalfOpenState();
      } catch (IllegalStateTransitionException halfOpenAlready) { // open-for ran out meanwhile: a trial goes anyway
        LOG.debug("circuit of {}: half-open already", breaker.getName());
      }
      return true;
    }
  }

  /**
   * A permission taken in one state of the breaker. A check let through while the circuit was
   * closed may end after it opened and went half-open: its result is then stale, and taking it
   * for the trial's would hold a host that is back off for another open-for.
   */
  public static final class Pass {
    private final CircuitBreaker breaker;
    private final CircuitBreaker.State state;
    private final Object checked;
    private final HostBreakers breakers;

    private Pass(CircuitBreaker breaker, CircuitBreaker.State state, Object checked, HostBreakers breakers) {
      this.breaker = breaker;
      this.state = state;
      this.checked = checked;
      this.breakers = breakers;
    }

    /** Whether this is the one check a half-open circuit lets through: asked for once, kept until sent. */
    public boolean trial() {
      return state == CircuitBreaker.State.HALF_OPEN;
    }

    /**
     * Whether the circuit, closed when this check was let through, holds its host's checks back
     * now (open, or half-open on another check's trial).
     */
    boolean heldBackSince() {
      CircuitBreaker.State now = breaker.getState();
      return state == CircuitBreaker.State.CLOSED
          && (now == CircuitBreaker.State.OPEN || now == CircuitBreaker.State.HALF_OPEN);
    }

    /** Records how the check went, unless the breaker has changed state since it was let through. */
    public void record(Attempt a) {
      if (breaker.getState() == state) {
        if (unreachable(a)) { // what the checks it may now hold back will say
          breakers.lastProblem.put(breaker.getName(), a.message());
        }
        breaker.onResult(a.phases().totalNanos(), TimeUnit.NANOSECONDS, a);
        if (checked != null && breaker.getState() == CircuitBreaker.State.OPEN) { // this check opened it
          breakers.openedBy.put(breaker.getName(), checked);
        }
      }
    }

    /** Gives the permission back unused, unless the breaker has changed state since. */
    public void release() {
      if (breaker.getState() == state) {
        breaker.releasePermission();
      }
    }
  }

  /** The attempt for a check its open circuit held back: nothing was sent. */
  public Attempt heldBackAttempt(int number, String hostPort) {
    String problem = lastProblem.get(hostPort);
    String message = "not sent: the last " + (settings.failures() == 1 ? "check" : settings.failures() + " checks")
        + " of " + hostPort + " could not reach it" + (problem == null ? "" : " (" + problem + ")")
        + "; circuit open: the next check of the target that opened it, or any after "
        + Durations.format(settings.openFor()) + ", tries again";
    return new Attempt(number, clock.instant(), Verdict.ERROR, ErrorKind.CIRCUIT_OPEN, message, List.of(),
        Phases.NONE, 0, false, null, null, List.of(), null);
  }
}
