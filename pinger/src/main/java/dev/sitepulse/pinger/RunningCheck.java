package dev.sitepulse.pinger;

import dev.sitepulse.pinger.internal.BreakerTicket;
import dev.sitepulse.pinger.internal.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A check of {@link Pinger} under way: the attempts it made, its breaker's ticket, and the future
 * its result completes. Its last attempt ends it, or a stop does first ({@link #endNow()}): the
 * first end decides, and a later one changes nothing.
 */
final class RunningCheck {

  private final Target target;
  private final BreakerTicket ticket;
  /** Guarded by itself: a stop ends the check on another thread than the one adding an attempt. */
  private final List<Attempt> attempts = new ArrayList<>();
  private final CompletableFuture<CheckResult> done = new CompletableFuture<>();

  RunningCheck(Target target, BreakerTicket ticket) {
    this.target = target;
    this.ticket = ticket;
  }

  BreakerTicket ticket() {
    return ticket;
  }

  CompletableFuture<CheckResult> done() {
    return done;
  }

  /** The number of the attempt to make next, from 1. */
  int nextAttempt() {
    synchronized (attempts) {
      return attempts.size() + 1;
    }
  }

  /** Adds an attempt made, and gives it back. */
  Attempt add(Attempt a) {
    synchronized (attempts) {
      attempts.add(a);
    }
    return a;
  }

  /**
   * For a retry that fell due once retries were stopped: ends the check with the attempts it made
   * and gives the last of them; null when it made none, and then it goes on.
   */
  Attempt endInsteadOfRetry() {
    synchronized (attempts) {
      if (attempts.isEmpty()) {
        return null;
      }
      endNow();
      return attempts.get(attempts.size() - 1);
    }
  }

  /**
   * Ends the check with the attempts it made, its last one noted and given to the breaker as the
   * check's final word; cancels it when it made none (a stop held its first attempt back).
   */
  void endNow() {
    synchronized (attempts) {
      if (attempts.isEmpty()) {
        done.cancel(false); // nothing to report
      } else {
        Attempt last = attempts.get(attempts.size() - 1);
        ticket.recordFinal(last); // a stop or its circuit ended it before its last retry
        List<Attempt> made = new ArrayList<>(attempts);
        made.set(made.size() - 1, ticket.noted(RetryPolicy.noted(target, last)));
        done.complete(new CheckResult(target, made));
      }
    }
  }
}
