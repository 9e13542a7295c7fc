package dev.sitepulse.pinger.internal.schedule;

import dev.sitepulse.pinger.Rate;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts tasks under two limits: a global number in flight (a Resilience4j Bulkhead that never
 * waits), and a rate per host (a Resilience4j RateLimiter per host, made on first use). A host that
 * is out of permits is parked until its next permit instead of holding a slot, so one slow-rated
 * host never starves the others.
 *
 * <p>A request it does not start (a redirect hop) takes its host's permit if one is free, else the
 * host owes one, and its next task pays what it owes, a permit at a time, before its own: the host
 * still gets no more than its rate over time, and the hop neither waits nor holds a slot. A host
 * owes at most what one check's hops can ({@code maxOwed}, the redirects a check follows): one that
 * many sites redirect to would otherwise owe faster than it pays, and its own checks never start.
 *
 * <p>All state but those debts is confined to the single scheduler thread, so nothing here is
 * locked; callers from other threads hop onto it.
 */
public final class HostScheduler {

  private static final Logger log = LoggerFactory.getLogger(HostScheduler.class);

  private final ScheduledExecutorService loop;
  private final Bulkhead slots;
  private final RateLimiterRegistry limiters;
  private final Map<String, HostQueue> hosts = new HashMap<>();
  private final ArrayDeque<HostQueue> ready = new ArrayDeque<>();
  /** Permits each host owes for hops sent without one: raised on probe workers, paid on the loop. */
  private final Map<String, AtomicInteger> owed = new ConcurrentHashMap<>();
  private final int maxOwed;
  /** Between two permits of a host: how long a parked host waits when its limiter cannot say. */
  private final Duration interval;

  /** A scheduler whose tasks follow no redirects, or whose hops' hosts owe nothing. */
  public HostScheduler(ScheduledExecutorService loop, int maxInFlight, Rate ratePerHost) {
    this(loop, maxInFlight, ratePerHost, 0);
  }

  /** @param maxOwed the most permits a host may owe for hops: the redirects one check follows */
  public HostScheduler(ScheduledExecutorService loop, int maxInFlight, Rate ratePerHost, int maxOwed) {
    this.loop = loop;
    this.maxOwed = maxOwed;
    this.interval = ratePerHost.isUnlimited() ? Duration.ZERO : ratePerHost.interval();
    // Asked only on the scheduler thread, which must not block: a full bulkhead says no at once,
    // and the next release pumps again.
    this.slots = Bulkhead.of("checks", BulkheadConfig.custom()
        .maxConcurrentCalls(maxInFlight)
        .maxWaitDuration(Duration.ZERO)
        .build());
    this.limiters =
        ratePerHost.isUnlimited()
            ? null
            : RateLimiterRegistry.of(
                RateLimiterConfig.custom()
                    .limitForPeriod(1)
                    .limitRefreshPeriod(ratePerHost.interval())
                    .timeoutDuration(Duration.ZERO)
                    .build());
  }

  /**
   * Queues a task for a host. When it may start, {@code start} is called on the scheduler thread
   * with a release action that the task must run exactly once when it is done. A start should not
   * throw: one that does is only logged (its slot freed), so it must end the task itself. Once the
   * loop is shut down, the task is dropped: a caller that must end it gives a refused action.
   */
  public void submit(String host, Consumer<Runnable> start) {
    submit(host, () -> true, start, () -> {});
  }

  /**
   * As {@link #submit(String, Consumer)}, but asks {@code admit} first, each time the task is next
   * for its host: if it says no, {@code refused} runs instead, on the scheduler thread, and the
   * task takes neither a rate permit nor a slot, nor waits for one. A circuit breaker decides
   * there, so that checks queued before it opened are not sent. Once the loop is shut down, every
   * task is refused at once, on the caller's thread.
   */
  public void submit(String host, BooleanSupplier admit, Consumer<Runnable> start, Runnable refused) {
    try {
      loop.execute(
          () -> {
            HostQueue q = hosts.computeIfAbsent(host, this::newQueue);
            q.pending.add(new Pending(admit, start, refused));
            if (!q.queued && !q.parked) {
              q.queued = true;
              ready.add(q);
            }
            pump();
          });
    } catch (RejectedExecutionException closed) {
      refused.run();
    }
  }

  /**
   * Ends every task not started yet with its refused action, whatever host or slot it waits for:
   * for a stop, after which nothing more is to be sent.
   */
  public void refuseWaiting() {
    try {
      loop.execute(() -> hosts.values().forEach(q -> {
        for (Pending task; (task = q.pending.poll()) != null; ) {
          task.refused().run();
        }
      }));
    } catch (RejectedExecutionException closed) {
      // The loop was shut down: nothing waits on it any more.
    }
  }

  /**
   * Counts a request to {@code host} this scheduler does not start (a redirect hop a check
   * follows), from any thread, without waiting: it takes a permit of the host's rate if one is
   * free, else the host owes one, which its next task pays before its own permit.
   */
  public void takePermitOrOwe(String host) {
    if (limiters != null && !limiters.rateLimiter(host).acquirePermission()) {
      debtOf(host).updateAndGet(debt -> Math.min(debt + 1, maxOwed));
    }
  }

  /** What {@code host} owes now. */
  int owes(String host) {
    AtomicInteger debt = owed.get(host);
    return debt == null ? 0 : debt.get();
  }

  private AtomicInteger debtOf(String host) {
    return owed.computeIfAbsent(host, h -> new AtomicInteger());
  }

  private HostQueue newQueue(String host) {
    return limiters == null ? new HostQueue(null, null) : new HostQueue(limiters.rateLimiter(host), debtOf(host));
  }

  private void pump() {
    while (!ready.isEmpty()) {
      if (!slots.tryAcquirePermission()) {
        dropRefused(); // a task its admit refuses needs no slot, so it need not wait for one
        return;
      }
      HostQueue q = ready.poll();
      q.queued = false;
      Pending task = admittedHead(q);
      if (task == null) {
        slots.releasePermission();
        continue;
      }
      if (q.limiter != null && !payDebtThenTakePermit(q)) {
        slots.releasePermission();
        park(q);
        continue;
      }
      q.pending.poll();
      if (!q.pending.isEmpty()) {
        q.queued = true;
        ready.add(q);
      }
      start(task);
    }
  }

  /**
   * Starts a task; one whose start throws gets its slot back, or every slot would leak in turn and
   * nothing start again, and the others are pumped all the same. Its caller must still end it.
   */
  private void start(Pending task) {
    Release release = new Release();
    try {
      task.start().accept(release);
    } catch (RuntimeException e) {
      log.error("a task failed to start; its slot is freed", e);
      release.run();
    }
  }

  /**
   * The first task of {@code q} its admit lets through now; those refused before it end with their
   * refused action. Null when none is left. A task is asked each time it is next, so admit must
   * keep what it hands out once (a breaker's trial permission) itself.
   */
  private static Pending admittedHead(HostQueue q) {
    Pending task = q.pending.peek();
    while (task != null && !task.admit().getAsBoolean()) {
      q.pending.poll();
      task.refused().run();
      task = q.pending.peek();
    }
    return task;
  }

  /**
   * Pays what {@code q}'s host owes, a permit at a time as its limiter frees them, then takes the
   * task's own: false as soon as the limiter has none now, keeping what was paid. Only this thread
   * pays, so a debt seen here cannot shrink under it.
   */
  private static boolean payDebtThenTakePermit(HostQueue q) {
    while (q.owed.get() > 0) {
      if (!q.limiter.acquirePermission()) {
        return false;
      }
      q.owed.decrementAndGet();
    }
    return q.limiter.acquirePermission();
  }

  /** With every slot taken: ends the refused tasks at the heads of the hosts waiting for one. */
  private void dropRefused() {
    for (Iterator<HostQueue> it = ready.iterator(); it.hasNext(); ) {
      HostQueue q = it.next();
      if (admittedHead(q) == null) {
        it.remove();
        q.queued = false;
      }
    }
  }

  private void park(HostQueue q) {
    q.parked = true;
    long wait = nanosToWait(q.limiter, interval);
    loop.schedule(
        () -> {
          q.parked = false;
          q.queued = true;
          ready.add(q);
          pump();
        },
        Math.max(wait, 1),
        TimeUnit.NANOSECONDS);
  }

  /**
   * How long until {@code limiter} has a permit again: Resilience4j's own limiter says, through an
   * internal class; any other waits a whole {@code interval}, which is never too early.
   */
  static long nanosToWait(RateLimiter limiter, Duration interval) {
    return limiter instanceof AtomicRateLimiter atomic
        ? atomic.getDetailedMetrics().getNanosToWait()
        : interval.toNanos();
  }

  /**
   * Frees a slot; safe to run from any thread, and only the first run counts. Once the loop is shut
   * down there is nothing left to start, so the slot need not be freed.
   */
  private final class Release implements Runnable {
    private final java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public void run() {
      if (done.compareAndSet(false, true)) {
        try {
          loop.execute(
              () -> {
                slots.onComplete();
                pump();
              });
        } catch (RejectedExecutionException closed) {
          // The attempt that held the slot ends all the same: its caller completes it after this.
        }
      }
    }
  }

  private record Pending(BooleanSupplier admit, Consumer<Runnable> start, Runnable refused) {}

  private static final class HostQueue {
    final RateLimiter limiter;
    /** What the host owes for hops sent without a permit; null without a limiter. */
    final AtomicInteger owed;
    final ArrayDeque<Pending> pending = new ArrayDeque<>();
    boolean queued;
    boolean parked;

    HostQueue(RateLimiter limiter, AtomicInteger owed) {
      this.limiter = limiter;
      this.owed = owed;
    }
  }
}
