package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.history.CheckGap;
import dev.sitepulse.pinger.history.CheckPace;
import dev.sitepulse.pinger.history.CheckRecord;
import dev.sitepulse.pinger.history.CheckTime;
import dev.sitepulse.pinger.history.HistoryReader;
import dev.sitepulse.pinger.history.HistoryStore;
import dev.sitepulse.pinger.history.IntervalRecord;
import dev.sitepulse.pinger.history.StateChangeRecord;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every target of a {@link WatchPlan} on its own interval, on Vert.x timers: fixed-rate,
 * each target starting at a random offset so they do not all fire at once, yet soon: the first
 * checks are spread over a tenth of a second per target, or the interval if that is shorter. A
 * tick that finds the target's previous check still running is skipped and counted, so a target
 * never has two checks at once. Each result is appended to the history, fed to the target's state machine, and any
 * alert handed to the {@link Alerter}.
 *
 * <p>All bookkeeping runs on one event-loop context and never blocks it: checks run on the
 * pinger's daemon threads, history writes on the store's thread, webhooks on the alerter's.
 * Public methods may be called from any thread.
 */
public final class Watch {

  /** When a target's first check comes after a start or reload, in milliseconds. */
  @FunctionalInterface
  public interface FirstTick {
    long offsetMillis(long intervalMillis, int targets);
  }

  /**
   * How far apart, on average, the first checks of a start begin: the default rate of a host.
   * A watch of a few targets shows their states within a second, not after a 60 s interval.
   */
  static final long FIRST_CHECKS_APART_MILLIS = 100;

  /** A target's latest checks read at start-up for how often it was checked, as report reads them. */
  private static final int LAST_CHECKS = 5;

  /**
   * @param firstTick the delay before a target's first tick
   * @param maxBacklog history records waiting to be written above which ticks are skipped, so a
   *     stalled disk slows checking instead of filling the heap
   */
  public record Options(Clock clock, FirstTick firstTick, int maxBacklog) {
    public static final Options DEFAULT = new Options(Clock.systemUTC(), (interval, targets) ->
        ThreadLocalRandom.current().nextLong(Math.max(1, Math.min(interval, targets * FIRST_CHECKS_APART_MILLIS))),
        100_000);
  }

  private static final Logger log = LoggerFactory.getLogger(Watch.class);

  private final Vertx vertx;
  private final Context context;
  private final CheckSource checks;
  private final HistoryStore history;
  private final Alerter alerter;
  private final Options options;
  private final Map<String, StateChangeRecord> resumed;
  private final Map<String, Instant> lastAlerts;
  private final Map<String, List<CheckTime>> lastChecks;
  private final Map<String, List<CheckGap>> earlierGaps;
  private final Map<String, TargetWatch> targets = new LinkedHashMap<>();
  /**
   * Targets a reload took out, so one put back resumes where it was, not at start-up's state, and
   * a check of it still under way keeps its next ticks skipped: never two checks of a target at once.
   */
  private final Map<String, TargetWatch> removed = new HashMap<>();
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private final LagRecorder lag;
  private final AtomicLong checksTotal = new AtomicLong();
  private final AtomicLong skippedTotal = new AtomicLong();
  /** Checks sent whose source has not answered; off the context, so a held event loop cannot hide it. */
  private final AtomicInteger unanswered = new AtomicInteger();
  private volatile List<TargetWatch> snapshot = List.of();
  private volatile WatchPlan plan;
  private int inFlight;
  private boolean stopping;

  private Watch(Vertx vertx, WatchPlan plan, CheckSource checks, HistoryStore history, Alerter alerter,
      Options options) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.plan = plan;
    this.checks = checks;
    this.history = history;
    this.alerter = alerter;
    this.options = options;
    this.lag = new LagRecorder(options.clock());
    // Blocking reads, so done here on the caller's thread: a target DOWN before a restart stays DOWN,
    // and how long it was so counts the gaps in its checks as report does, those of earlier runs too.
    HistoryReader reader = history.reader();
    this.resumed = reader.lastStates();
    this.lastAlerts = reader.lastAlerts();
    Instant now = options.clock().instant();
    this.lastChecks = reader.latestChecks(now, LAST_CHECKS);
    Map<String, Instant> since = new HashMap<>();
    resumed.forEach((name, change) -> since.put(name, change.since()));
    this.earlierGaps = reader.checkGaps(since, now, CheckPace.STALE_INTERVALS);
  }

  /** Starts watching; call from a plain thread, as it reads the history's last states first. */
  public static Watch start(Vertx vertx, WatchPlan plan, CheckSource checks, HistoryStore history,
      Alerter alerter, Options options) {
    Watch w = new Watch(vertx, plan, checks, history, alerter, options);
    w.onContext(() -> w.apply(plan)).join();
    return w;
  }

  public WatchPlan plan() {
    return plan;
  }

  /** Moves to a new, already validated plan: new targets start, removed ones stop, changed ones restart. */
  public CompletableFuture<Void> reload(WatchPlan next) {
    checks.update(next.settings());
    alerter.setWebhooks(next.webhooks());
    return onContext(() -> apply(next));
  }

  /**
   * Stops scheduling; the future completes when every check under way has been recorded. Checks
   * end by their timeouts, so {@link WatchPlan#longestAttempt()} bounds the wait: one waiting to
   * retry ends at once with the attempts it made, and none starts another.
   */
  public CompletableFuture<Void> stop() {
    stopScheduling();
    return drained;
  }

  /**
   * Stops as {@link #stop()} does (a second call only asks again); completes as soon as the watch
   * stopped scheduling, with the number of checks then under way: those {@code stop()} waits for.
   */
  public CompletableFuture<Integer> stopScheduling() {
    CompletableFuture<Integer> underWay = new CompletableFuture<>();
    onContext(() -> {
      if (!stopping) {
        stopping = true;
        checks.stopSending();
        targets.values().forEach(this::cancel);
        if (inFlight == 0) {
          drained.complete(null);
        }
      }
      underWay.complete(inFlight);
    }).whenComplete((v, e) -> {
      if (e != null) {
        underWay.completeExceptionally(e);
      }
    });
    return underWay;
  }

  /**
   * Runs one check of a target now, as a tick would; completes when its result is recorded. Only
   * tests call it; public because cli's tests of the watch's server do too.
   */
  public CompletableFuture<TargetStatus> checkNow(String name) {
    CompletableFuture<TargetStatus> done = new CompletableFuture<>();
    onContext(() -> {
      TargetWatch tw = targets.get(name);
      String refused = tw == null ? "no target named " + name
          : stopping ? name + " is not checked: the watch is stopping"
          : tw.running ? name + " is being checked already"
          : null;
      if (refused != null) {
        done.completeExceptionally(new IllegalStateException(refused));
      } else {
        start(tw).thenRun(() -> done.complete(tw.status));
      }
    });
    return done;
  }

  /** Every target's current state, in plan order. */
  public List<TargetStatus> statuses() {
    List<TargetStatus> out = new ArrayList<>();
    for (TargetWatch tw : snapshot) {
      out.add(tw.status);
    }
    return out;
  }

  public LagRecorder lag() {
    return lag;
  }

  public long checksTotal() {
    return checksTotal.get();
  }

  public long skippedTotal() {
    return skippedTotal.get();
  }

  /**
   * Checks whose source has not answered yet. A stop whose wait for {@link #stop()} runs out tells
   * by it what took too long: checks past their timeouts, or the event loop that records their
   * results, held by something running on it.
   */
  public int checksUnanswered() {
    return unanswered.get();
  }

  /** For each host and port checked: whether its circuit holds its checks back now. */
  public Map<String, Boolean> circuitsHeldBack() {
    return checks.circuitsHeldBack();
  }

  public Alerter alerter() {
    return alerter;
  }

  public HistoryStore history() {
    return history;
  }

  private void apply(WatchPlan next) {
    Map<String, WatchedTarget> wanted = new LinkedHashMap<>();
    next.targets().forEach(t -> wanted.put(t.name(), t));
    targets.entrySet().removeIf(e -> {
      if (!wanted.containsKey(e.getKey())) {
        cancel(e.getValue());
        removed.put(e.getKey(), e.getValue());
        log.info("{}: no longer watched", e.getKey());
        return true;
      }
      return false;
    });
    Map<String, TargetWatch> ordered = new LinkedHashMap<>();
    for (WatchedTarget t : wanted.values()) {
      TargetWatch tw = targets.get(t.name());
      if (tw == null) {
        tw = removed.remove(t.name());
        if (tw == null) {
          tw = new TargetWatch(t, new Tracker(resumedMachine(t.name()), lastAlerts.get(t.name()),
              resumedSeenTime(t.name())));
        } else { // its config may have changed while it was out
          tw.target = t;
          tw.publish();
        }
        schedule(tw, wanted.size());
        recordInterval(t);
      } else if (!tw.target.equals(t)) {
        cancel(tw);
        tw.target = t;
        tw.publish();
        schedule(tw, wanted.size());
        recordInterval(t);
      }
      ordered.put(t.name(), tw);
    }
    targets.clear();
    targets.putAll(ordered);
    snapshot = List.copyOf(ordered.values());
    plan = next;
  }

  /** So that a report knows the pace of a running watch before its check times show it. */
  private void recordInterval(WatchedTarget t) {
    history.append(new IntervalRecord(t.name(), t.target().url(), t.target().group(), t.interval()));
  }

  private StateMachine resumedMachine(String name) {
    StateChangeRecord last = resumed.get(name);
    if (last == null) {
      return new StateMachine();
    }
    try {
      return new StateMachine(State.valueOf(last.to()), last.since());
    } catch (IllegalArgumentException unknownName) { // written by hand, or by a sitepulse with more states
      log.warn("{}: its last recorded state, \"{}\", is none this sitepulse knows; it starts as UNKNOWN,"
          + " so its next change is alerted again", name, last.to());
      return new StateMachine();
    }
  }

  /** Where its last run left the target's checks: its last one, how often they came, and its state's gaps. */
  private SeenTime resumedSeenTime(String name) {
    List<CheckTime> latest = lastChecks.getOrDefault(name, List.of());
    return new SeenTime(earlierGaps.getOrDefault(name, List.of()), latest.isEmpty() ? null : latest.get(0),
        CheckPace.interval(latest));
  }

  private void schedule(TargetWatch tw, int targetCount) {
    if (stopping) {
      return;
    }
    long interval = tw.target.interval().toMillis();
    long offset = Math.max(1, options.firstTick().offsetMillis(interval, targetCount));
    tw.nextDueNanos = System.nanoTime() + offset * 1_000_000;
    tw.timerId = vertx.setPeriodic(offset, interval, id -> tick(tw, interval));
  }

  private void cancel(TargetWatch tw) {
    if (tw.timerId >= 0) {
      vertx.cancelTimer(tw.timerId);
      tw.timerId = -1;
    }
  }

  private void tick(TargetWatch tw, long intervalMillis) {
    lag.record(System.nanoTime() - tw.nextDueNanos);
    tw.nextDueNanos += intervalMillis * 1_000_000;
    if (stopping) {
      return;
    }
    if (tw.running || history.backlog() >= options.maxBacklog()) {
      tw.skipped++;
      skippedTotal.incrementAndGet();
      tw.publish();
      log.debug("{}: tick skipped, {}", tw.target.name(), tw.running ? "a check is still running" : "history backlog");
      return;
    }
    start(tw);
  }

  private CompletableFuture<Void> start(TargetWatch tw) {
    tw.running = true;
    inFlight++;
    CompletableFuture<Void> recorded = new CompletableFuture<>();
    CompletableFuture<CheckResult> result;
    unanswered.incrementAndGet();
    try {
      result = checks.check(tw.target.target());
    } catch (RuntimeException e) { // a source that breaks its promise must not stop the target for good
      result = CompletableFuture.failedFuture(e);
    }
    result.whenComplete((r, e) -> {
      unanswered.decrementAndGet();
      context.runOnContext(v -> {
        try {
          finished(tw, r, e);
        } finally {
          recorded.complete(null);
        }
      });
    });
    return recorded;
  }

  private void finished(TargetWatch tw, CheckResult r, Throwable e) {
    tw.running = false;
    inFlight--;
    try {
      if (r != null) {
        record(tw, r);
      } else if (stopping && isCancellation(e)) {
        log.debug("{}: not checked, as the watch stopped before the check was sent", tw.target.name());
      } else { // e is null too when a source completes its future with no result
        log.error("{}: the check failed without a result", tw.target.name(), e);
      }
    } finally { // or stop() waits out its timeout
      if (stopping && inFlight == 0) {
        drained.complete(null);
      }
    }
  }

  private static boolean isCancellation(Throwable e) {
    return e instanceof CancellationException || (e != null && e.getCause() instanceof CancellationException);
  }

  private void record(TargetWatch tw, CheckResult r) {
    WatchPlan p = plan;
    Instant now = options.clock().instant();
    CheckRecord rec = CheckRecord.of(r, now);
    history.append(rec);
    checksTotal.incrementAndGet();
    tw.checked(r, rec.at());
    Tracker.Outcome o = tw.tracker.onResult(r, rec.at(), now, tw.target.interval(), p.thresholds(), p.reminder());
    Transition t = o.transition();
    // The alert first: the alerter keeps it as pending in the history before the change, so a kill
    // between the two keeps the alert, which the next watch sends, rather than a change without it.
    if (o.alert() != null) {
      alerter.alert(o.alert());
    }
    if (t != null) {
      history.append(new StateChangeRecord(rec.target(), t.from().name(), t.to().name(), t.at(), t.since()));
      log.debug("{}: {} -> {}", rec.target(), t.from(), t.to());
    }
    tw.publish();
  }

  private CompletableFuture<Void> onContext(Runnable r) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    context.runOnContext(v -> {
      try {
        r.run();
        done.complete(null);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
    return done;
  }
}
