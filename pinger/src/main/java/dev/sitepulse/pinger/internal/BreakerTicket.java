package dev.sitepulse.pinger.internal;

import dev.sitepulse.pinger.Attempt;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One check's dealings with its host's circuit breaker. The breaker counts checks, not attempts:
 * it is asked before the first attempt only, retries go without asking it, and it hears the
 * check's final result once. Otherwise a check's own retries would open the circuit on it and
 * end it as CIRCUIT_OPEN, losing the error that was the point.
 */
public final class BreakerTicket {

  private final HostBreakers breakers;
  private final CircuitBreaker breaker;
  private final Object checked;
  /**
   * Set by {@link #admits} alone, which the host scheduler calls on its one thread; read by the
   * threads that record results and decide retries, hence atomic.
   */
  private final AtomicReference<HostBreakers.Pass> pass = new AtomicReference<>();
  private final AtomicBoolean recorded = new AtomicBoolean();
  private final AtomicBoolean retryRefused = new AtomicBoolean();

  /**
   * @param breaker the host's breaker, or null when circuit breaking is off
   * @param checked what the check checks, its target: the next check of what opened the circuit is
   *     its trial ({@link HostBreakers#admit(CircuitBreaker, Object)})
   */
  public BreakerTicket(HostBreakers breakers, CircuitBreaker breaker, Object checked) {
    this.breakers = breakers;
    this.breaker = breaker;
    this.checked = checked;
  }

  /**
   * Whether attempt {@code number} may go. The first asks the breaker each time the scheduler
   * considers it (while closed it may have opened meanwhile); a trial's permission is kept until
   * sent. Later attempts belong to a check already let through: they go unless its circuit
   * opened since ({@link #refusesRetry()}). Called on the host scheduler's thread only.
   */
  public boolean admits(int number) {
    if (breaker == null) {
      return true;
    }
    if (number > 1) {
      return !refusesRetry();
    }
    // Not updateAndGet, which may run its function again: admit takes a breaker permission.
    // Get and set are enough on the scheduler's thread, the only one that calls this.
    HostBreakers.Pass p = pass.get();
    if (p == null || !p.trial()) {
      p = breakers.admit(breaker, checked);
      pass.set(p);
    }
    return p != null;
  }

  /**
   * Whether the check may not retry because its circuit opened after it was let through: a retry
   * asks the breaker's state, as Resilience4j's Retry around a CircuitBreaker would, but takes no
   * permission (the breaker counts checks). A trial's retries still go, since its circuit waits
   * for them. Once it says no, it keeps saying no.
   */
  public boolean refusesRetry() {
    HostBreakers.Pass p = pass.get();
    if (p != null && !retryRefused.get() && p.heldBackSince()) {
      retryRefused.set(true);
    }
    return retryRefused.get();
  }

  /**
   * The check's last attempt as its result says it: when its circuit kept it from retrying, its
   * message says so after why it failed, which stays the check's verdict.
   */
  public Attempt noted(Attempt last) {
    if (!retryRefused.get()) {
      return last;
    }
    return last.withMessage(last.message() + "; not retried: the circuit of " + breaker.getName() + " opened meanwhile");
  }

  /**
   * Gives the breaker this attempt's result if it settles what the check says of its host: it is
   * the check's last attempt, or it reached the host, which a retry cannot take back (a half-open
   * trial answered with a 503 and a Retry-After of minutes must close the circuit now, not hold
   * every other check of the host as CIRCUIT_OPEN until its retry). Once; later calls do nothing.
   */
  public void recordIfSettled(Attempt a, boolean last) {
    if (last || !HostBreakers.unreachable(a)) {
      recordFinal(a);
    }
  }

  /** Gives the breaker the check's final result, once; later calls do nothing. */
  public void recordFinal(Attempt a) {
    HostBreakers.Pass p = pass.get();
    if (p != null && recorded.compareAndSet(false, true)) {
      p.record(a);
    }
  }

  /**
   * Gives back the permission of a check a stop kept from being sent: a half-open circuit lets one
   * trial through, and a trial never sent nor recorded would hold it half-open for good.
   */
  public void releaseUnsent() {
    HostBreakers.Pass p = pass.get();
    if (p != null && recorded.compareAndSet(false, true)) {
      p.release();
    }
  }
}
