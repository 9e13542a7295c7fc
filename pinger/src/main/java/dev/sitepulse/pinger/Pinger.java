package dev.sitepulse.pinger;

import dev.sitepulse.pinger.internal.BreakerTicket;
import dev.sitepulse.pinger.internal.HostBreakers;
import dev.sitepulse.pinger.internal.RetryPolicy;
import dev.sitepulse.pinger.internal.http.HttpProber;
import dev.sitepulse.pinger.internal.http.ProbeRun;
import dev.sitepulse.pinger.internal.http.UrlMessages;
import dev.sitepulse.pinger.internal.http.Watchdog;
import dev.sitepulse.pinger.internal.schedule.HostScheduler;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs HTTP checks: concurrently, within a rate per host, each attempt bounded by its target's
 * timeout, with retries. Every future it returns completes, and by its deadline: a watchdog ends
 * attempts that OkHttp cannot interrupt (until {@link #close()}, after which such an attempt ends
 * when what it waits for does). All its threads are daemons, so a caller that is done can exit
 * without waiting for a hung socket.
 */
public final class Pinger implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Pinger.class);

  private final ScheduledThreadPoolExecutor loop;
  private final ExecutorService workers;
  private final HostScheduler scheduler;
  private final HttpProber prober;
  private final HostBreakers breakers;
  /** Times how long an attempt waits for its host's rate and a slot. */
  private final Clock clock;
  /** Where a retry waits out its back-off or Retry-After: the loop, but in tests. */
  private final ScheduledExecutorService retryTimer;
  /** Checks waiting out a back-off before their next attempt, each ready to end with those it made. */
  private final Set<RunningCheck> waitingToRetry = ConcurrentHashMap.newKeySet();
  private volatile boolean retriesStopped;
  private volatile boolean sendingStopped;
  private volatile boolean closed;

  private Pinger(PingSettings settings, Clock clock, ScheduledExecutorService retryTimer) {
    this.loop = new ScheduledThreadPoolExecutor(1, Threads.daemon("sitepulse-scheduler"));
    // What is due later goes at close (rate wake-ups, retries, watchdogs): nothing is to be sent,
    // and its thread ends at once instead of when the last of them would have run.
    loop.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.retryTimer = retryTimer == null ? loop : retryTimer;
    // Unbounded on purpose: the scheduler bounds concurrency; a thread stuck in an uninterruptible
    // DNS lookup after its watchdog fired must not take a slot from the next check.
    this.workers = Executors.newCachedThreadPool(Threads.daemon("sitepulse-probe"));
    this.scheduler = new HostScheduler(loop, settings.concurrency(), settings.ratePerHost(), settings.maxRedirects());
    this.prober = new HttpProber(settings, clock, scheduler::takePermitOrOwe); // redirect hops count too
    this.breakers = new HostBreakers(settings.circuitBreaker(), clock);
    this.clock = clock;
  }

  public static Pinger create(PingSettings settings) {
    return new Pinger(settings, Clock.systemUTC(), null);
  }

  public static Pinger create(PingSettings settings, Clock clock) {
    return new Pinger(settings, clock, null);
  }

  /**
   * For tests: retries wait on {@code retryTimer} (which this does not shut down), one that can
   * note the back-off asked for and end it at once, so a test of retries does not sit through it.
   */
  static Pinger create(PingSettings settings, Clock clock, ScheduledExecutorService retryTimer) {
    return new Pinger(settings, clock, retryTimer);
  }

  /**
   * Checks one target, retrying as it says. The future never completes exceptionally; it is
   * cancelled only when {@link #stopSending()} or {@link #close()} kept the check from being sent
   * at all.
   *
   * @throws IllegalStateException once this pinger is closed
   */
  public CompletableFuture<CheckResult> check(Target target) {
    if (closed) {
      throw new IllegalStateException("cannot check " + target.url() + ": its pinger is closed");
    }
    RunningCheck check = new RunningCheck(target, new BreakerTicket(breakers, breakerOf(target), target));
    Supplier<CompletionStage<Attempt>> once = () -> {
      waitingToRetry.remove(check);
      Attempt instead = retriesStopped ? check.endInsteadOfRetry() : null; // a retry due after stopRetrying()
      return instead != null ? CompletableFuture.completedFuture(instead)
          : attempt(target, check.nextAttempt(), check.ticket()).thenApply(check::add);
    };
    CompletionStage<Attempt> last;
    if (target.retries() == 0) {
      last = once.get();
    } else {
      // Retry around the circuit breaker: once the host's circuit opens, the check retries no more.
      Retry retry = RetryPolicy.of(target, () -> retriesStopped || check.ticket().refusesRetry());
      retry.getEventPublisher().onRetry(waiting -> { // it waits now, then tries again
        waitingToRetry.add(check);
        if (retriesStopped) {
          check.endNow();
        }
      });
      last = retry.executeCompletionStage(retryTimer, once);
    }
    last.whenComplete((a, e) -> {
      waitingToRetry.remove(check);
      check.endNow();
    });
    return check.done();
  }

  /**
   * For each host and port checked: whether its circuit holds its checks back now. Empty when
   * circuit breaking is off.
   */
  public Map<String, Boolean> circuitsHeldBack() {
    return breakers.circuitsHeldBack();
  }

  /**
   * No retry starts from now on: a check waiting out a back-off or a server's Retry-After (up to
   * 30 s) ends at once with the attempts it made, one making an attempt ends with it, and one
   * started later makes one attempt. For a watch that stops: its checks end within their
   * timeouts, and their results are kept.
   */
  public void stopRetrying() {
    retriesStopped = true;
    waitingToRetry.forEach(RunningCheck::endNow);
    waitingToRetry.clear();
  }

  /**
   * As {@link #stopRetrying()}, and no check is sent from now on: one still waiting for its host's
   * rate or a free slot, or started later, is cancelled unsent (a retry that is, ends its check with
   * the attempts made). For a watch that stops: what is under way ends within its timeout, and
   * nothing new goes out meanwhile.
   */
  public void stopSending() {
    sendingStopped = true;
    scheduler.refuseWaiting(); // first: a check that stopRetrying() ends may close a retired pinger
    stopRetrying();
  }

  /**
   * Checks every target, calling {@code onEach} as each finishes (never concurrently, on a thread
   * of its own), and returns the results in input order.
   */
  public List<CheckResult> checkAll(List<Target> targets, Consumer<CheckResult> onEach) {
    return checkAll(targets, onEach, new CompletableFuture<>()).results();
  }

  /**
   * As {@link #checkAll(List, Consumer)}, but returns early once {@code stop} completes (a Ctrl-C):
   * with the checks {@code onEach} was given by then, in input order. It is given none after that,
   * so what it saw and what this returns agree; one it is still busy with, writing to a pipe
   * nobody reads, may go on, and {@link CheckRun#outputDone()} says when it is done. The checks
   * still in flight go on to their timeouts, and {@link #close()} sends nothing more.
   *
   * <p>{@code onEach} runs on a thread of its own, never the one that completes a check, as
   * {@code RunOutput} says why.
   */
  public CheckRun checkAll(List<Target> targets, Consumer<CheckResult> onEach, CompletionStage<?> stop) {
    prober.prepareFor(targets);
    RunOutput output = new RunOutput(targets.size(), onEach);
    try {
      CompletableFuture<?>[] given = new CompletableFuture<?>[targets.size()];
      for (int i = 0; i < given.length; i++) {
        given[i] = output.give(i, check(targets.get(i)));
      }
      CompletableFuture.anyOf(CompletableFuture.allOf(given), stop.toCompletableFuture()).join();
    } finally {
      output.stop();
    }
    return output.run();
  }

  /** The breaker of the target's host and port, or null when it has none (breaking off, a bad URL). */
  private CircuitBreaker breakerOf(Target target) {
    HttpUrl url = HttpUrl.parse(target.url());
    return url == null ? null : breakers.of(UrlMessages.hostPort(url)); // named as messages write it
  }

  private CompletableFuture<Attempt> attempt(Target target, int number, BreakerTicket ticket) {
    HttpUrl url = HttpUrl.parse(target.url());
    if (url == null) {
      ProbeRun run = prober.prepare(target, number);
      run.run(); // fails at once with INVALID_URL; there is no host to be polite to
      return run.result();
    }
    String host = url.host().toLowerCase(Locale.ROOT);
    String hostPort = UrlMessages.hostPort(url);
    CompletableFuture<Attempt> result = new CompletableFuture<>();
    // The breaker decides when the check is next to go: checks queued before it opened are held
    // back too, without waiting for the host's rate or a slot. It is asked for the first attempt; a
    // retry only looks whether the circuit opened since.
    BooleanSupplier admit = () -> !sendingStopped && ticket.admits(number);
    Runnable heldBack = () -> {
      if (sendingStopped) {
        if (number == 1) {
          ticket.releaseUnsent(); // nothing of the check went out: a trial's permission goes back
        }
        result.cancel(false);
      } else if (number > 1) {
        result.cancel(false); // its circuit opened since: the check ends with the attempts it made
      } else {
        result.complete(breakers.heldBackAttempt(number, hostPort));
      }
    };
    Instant submitted = clock.instant();
    scheduler.submit(host, admit, release -> {
      try {
        // The clock may have been set back meanwhile; a wait is never negative.
        Duration queued = Duration.between(submitted, clock.instant());
        Duration waited = queued.isNegative() ? Duration.ZERO : queued;
        ProbeRun run = prober.prepare(target, number);
        Watchdog.watch(loop, target.timeout(), run::expire, run.result()).whenComplete((a, e) -> {
          if (a != null) { // before the slot goes to the next check, which the breaker may hold back
            ticket.recordIfSettled(a, !a.isRetryable() || number > target.retries() || retriesStopped);
          }
          release.run();
          if (e != null) { // never so far: a run completes with an attempt, even a failed one
            result.completeExceptionally(e); // not null, which the check would take for an attempt
          } else {
            result.complete(a.withQueued(waited));
          }
        });
        workers.execute(run);
      } catch (RuntimeException e) { // a close() under way refuses the work; the check must end all the same
        notStarted(target, number, submitted, ticket, release, result, e);
      }
    }, heldBack);
    return result;
  }

  /**
   * Ends an attempt that failed to start as an error, with nothing sent, dated when it was asked
   * for: its slot freed, and its breaker's permission given back, as its host said nothing. A
   * retry that failed to start ends its check with the attempts it made instead, as one whose
   * circuit opened since does: the first reached out to the host, and what it found is the check's
   * word, which a NOT_STARTED, counting for nothing, would lose.
   */
  private static void notStarted(Target target, int number, Instant submitted, BreakerTicket ticket,
      Runnable release, CompletableFuture<Attempt> result, RuntimeException e) {
    LOG.debug("attempt {} at {} failed to start", number, target.url(), e); // its message says why
    release.run();
    if (number > 1) {
      result.cancel(false); // the check's end gives the breaker its last attempt made
      return;
    }
    ticket.releaseUnsent();
    result.complete(ProbeRun.notStarted(number, submitted, e));
  }

  /**
   * Sends nothing more, as {@link #stopSending()}: the checks waiting to be sent are cancelled, and
   * those waiting to retry end with the attempts they made. An attempt under way ends as it would
   * have, with its call's timeout but without its watchdog: the scheduler thread ends once it has
   * run the refusals. A check asked for afterwards throws. Closing twice is harmless.
   */
  @Override
  public void close() {
    closed = true;
    stopSending(); // queues the refusals on the loop, which runs them before it shuts down
    loop.shutdown();
    workers.shutdown();
    prober.close();
  }
}
