package dev.sitepulse.pinger.watch;

import dev.sitepulse.pinger.Threads;
import dev.sitepulse.pinger.config.Durations;
import dev.sitepulse.pinger.format.OneLine;
import dev.sitepulse.pinger.history.DeliveryRecord;
import dev.sitepulse.pinger.history.HistoryReader;
import dev.sitepulse.pinger.history.HistoryStore;
import dev.sitepulse.pinger.history.PendingAlertRecord;
import dev.sitepulse.pinger.internal.http.SpecialUseNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people about alerts: a log line at once, always, and a POST to each webhook on the
 * alerter's own threads, so that a slow or dead webhook never holds up a check. Every delivery,
 * failed ones above all, goes to the {@link Listener}.
 */
public final class Alerter implements AutoCloseable {

  /** The logger of alert lines; watch shows it at INFO, so recoveries are seen too. */
  public static final String LOGGER = "sitepulse.alerts";

  /**
   * How long after it was made an alert a watch left undelivered (killed while it delivered it) is
   * still sent by the next one: news of an outage an hour old helps nobody, and its reminders or
   * recovery will have followed.
   */
  public static final Duration RESEND_WITHIN = Duration.ofHours(1);

  /** Hears how each delivery went, and when an alert starts and ends its way to the webhooks. */
  @FunctionalInterface
  public interface Listener {
    Listener NONE = (alert, delivery) -> {};

    void delivered(Alert alert, Delivery delivery);

    /** The alert is about to be posted: called on the thread that raised it, before any post. */
    default void sending(Alert alert) {}

    /** Every webhook's delivery of the alert ended (not given up at a stop): nothing left to send. */
    default void settled(Alert alert) {}

    /** A pending alert this version cannot read (a later one's, or edited) is dropped unsent. */
    default void dropped(PendingAlertRecord row) {}

    /**
     * Keeps every delivery in the history, dated by the clock, and each alert as pending from
     * before it is posted until it is settled, for {@link #resendUndelivered} to find.
     */
    static Listener recordingTo(HistoryStore history, Clock clock) {
      return new Listener() {
        @Override
        public void delivered(Alert alert, Delivery d) {
          history.append(new DeliveryRecord(alert.target(), clock.instant(),
              alert.kind().name(), d.sink(), d.ok(), d.attempts(), d.error(), d.replaced()));
        }

        @Override
        public void dropped(PendingAlertRecord row) {
          history.append(PendingAlerts.settled(row));
        }

        @Override
        public void sending(Alert alert) {
          history.append(PendingAlerts.record(alert, false));
        }

        @Override
        public void settled(Alert alert) {
          history.append(PendingAlerts.record(alert, true));
        }
      };
    }
  }

  private static final Logger log = LoggerFactory.getLogger(LOGGER);

  private final Listener listener;
  private final Duration backoff;
  private final WebhookWorkers workers = new WebhookWorkers();
  private final ParkedLanes parked = new ParkedLanes();
  /** Writes each alert's log line and starts its deliveries, in order; times the retries too. */
  private final ScheduledExecutorService alerterThread;
  private final OkHttpClient http =
      new OkHttpClient.Builder().followRedirects(false).dns(SpecialUseNames.SYSTEM).build();
  private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
  private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong replaced = new AtomicLong();
  private volatile List<WebhookSink> sinks;

  /** @param backoff the wait before the first retry of a failed delivery; it doubles each time */
  public Alerter(List<Webhook> webhooks, Listener listener, Duration backoff) {
    this.listener = listener;
    this.backoff = backoff;
    this.alerterThread = Executors.newSingleThreadScheduledExecutor(Threads.daemonNamed("sitepulse-alerter"));
    this.sinks = sinks(webhooks, List.of());
  }

  /**
   * Webhooks as a reload sets them; deliveries under way finish where they started, and the
   * workers of a webhook the reload dropped are shut down once they have. A webhook the reload
   * kept (by URL) keeps its targets' deliveries under way: their next alerts wait behind them; so
   * does one a later reload adds back while they run.
   */
  public void setWebhooks(List<Webhook> webhooks) {
    List<WebhookSink> old = sinks;
    List<WebhookSink> next = sinks(webhooks, old);
    this.sinks = next;
    Set<WebhookLanes> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    next.forEach(s -> kept.add(s.lanes()));
    List<WebhookSink> unkept = old.stream().filter(s -> !kept.contains(s.lanes())).toList();
    unkept.forEach(s -> parked.park(s.url(), s.lanes()));
    Map<String, List<WebhookSink>> dropped = old.stream().filter(s -> !workers.inUse(s.url()))
        .collect(Collectors.groupingBy(WebhookSink::url));
    if (!unkept.isEmpty() || !dropped.isEmpty()) {
      // On the alerter's thread, after any alert that took the old sinks has handed them its deliveries.
      runOnAlerterThread(() -> {
        unkept.forEach(s -> parked.releaseWhenIdle(s.url(), s.lanes()));
        dropped.forEach((url, gone) -> {
          CompletableFuture<Void> retired = workers.retire(url,
              CompletableFuture.allOf(gone.stream().map(WebhookSink::idle).toArray(CompletableFuture[]::new)));
          pending.add(retired);
          retired.whenComplete((v, e) -> pending.remove(retired));
        });
      });
    }
  }

  /**
   * A sink per webhook: the one of {@code old} kept as it was when its webhook is unchanged, else a
   * new one with the lanes of the old sink of its URL (the n-th of that URL's, should two entries
   * share one), or else those an earlier reload parked when it dropped the URL, so that an alert
   * sent after a reload waits behind its target's delivery under way.
   */
  private List<WebhookSink> sinks(List<Webhook> webhooks, List<WebhookSink> old) {
    workers.use(webhooks.stream().map(Webhook::url).collect(Collectors.toSet())); // before a pool is taken
    Map<String, List<WebhookSink>> oldByUrl = old.stream().collect(Collectors.groupingBy(WebhookSink::url));
    Map<String, Integer> taken = new HashMap<>();
    List<WebhookSink> out = new ArrayList<>();
    for (Webhook w : webhooks) {
      int n = taken.merge(w.url(), 1, Integer::sum) - 1;
      List<WebhookSink> sameUrl = oldByUrl.getOrDefault(w.url(), List.of());
      WebhookSink was = n < sameUrl.size() ? sameUrl.get(n) : null;
      WebhookLanes lanes = was != null ? was.lanes() : parked.take(w.url());
      out.add(was != null && was.hook().equals(w) ? was
          : new WebhookSink(w, http, workers.of(w.url()), alerterThread, backoff,
              lanes == null ? new WebhookLanes() : lanes));
    }
    return List.copyOf(out);
  }

  /** Lanes of dropped webhooks kept for a reload that adds them back: those still busy. */
  int parkedLanes() {
    return parked.size();
  }

  /** Worker pools not yet shut down: one per webhook URL in use, and those of dropped ones still busy. */
  int workerPools() {
    return workers.size();
  }

  /**
   * Logs the alert and starts its deliveries, both on the alerter's thread: returns at once, so an
   * event loop may call it. The log line is written even when the webhook queue is full.
   */
  public void alert(Alert alert) {
    if (!sinks.isEmpty()) {
      // Here, not on the alerter's thread: a watch appends the state change just after, so both
      // nearly always go in one batch; a kill -9 between them keeps the pending alert, which the
      // next watch sends (and may find the change anew and alert again: at least once).
      listener.sending(alert);
    }
    if (!runOnAlerterThread(() -> deliver(alert))) {
      log.warn("{} (alerter closed, not delivered)", logLine(alert.text()));
    }
  }

  /** Runs the task on the alerter's thread, {@link #idle()} waiting for it; false once closed. */
  private boolean runOnAlerterThread(Runnable task) {
    CompletableFuture<Void> started = new CompletableFuture<>();
    pending.add(started);
    started.whenComplete((v, e) -> pending.remove(started));
    try {
      alerterThread.execute(() -> {
        try {
          task.run();
        } finally {
          started.complete(null);
        }
      });
      return true;
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      started.complete(null);
      return false;
    }
  }

  /** One line whatever a target's name holds: a newline in it must not forge a second log line. */
  private static String logLine(String text) {
    return OneLine.of(text);
  }

  private void deliver(Alert alert) {
    if (alert.to() == State.UP) {
      log.info("{}", logLine(alert.text()));
    } else {
      log.warn("{}", logLine(alert.text()));
    }
    List<WebhookSink> to = sinks;
    if (to.isEmpty()) {
      listener.settled(alert); // a reload took the webhooks away meanwhile
    }
    AtomicInteger unsettled = new AtomicInteger(to.size());
    for (WebhookSink sink : to) {
      // In flight before the sink can start its post: abandon() must see a delivery the webhook
      // has already received, however late this thread gets to run again.
      InFlight flight = new InFlight(alert, sink.name(), new AtomicBoolean(), new AtomicInteger());
      inFlight.add(flight);
      CompletableFuture<Delivery> sent = sink.send(alert, flight.attempts());
      sent.whenComplete((d, e) -> inFlight.remove(flight));
      // idle() waits for this, the listener included, not just for the delivery.
      CompletableFuture<Void> handled = sent.thenAccept(delivery -> {
        if (!flight.settled().compareAndSet(false, true)) {
          return; // abandoned at stop, and recorded then
        }
        if (delivery.ok()) {
          delivered.incrementAndGet();
        } else if (delivery.replaced()) { // no failure: the webhook was busy with its target; counted in one line
          replaced.incrementAndGet();
        } else {
          failed.incrementAndGet();
          log.warn("alert for {} not delivered to {} {}: {}",
              logLine(alert.target()), delivery.sink(), afterAttempts(delivery.attempts()), delivery.error());
        }
        listener.delivered(alert, delivery);
        if (unsettled.decrementAndGet() == 0) {
          listener.settled(alert);
        }
        if (!delivery.replaced()) {
          logReplaced(sink);
        }
      });
      pending.add(handled);
      handled.whenComplete((v, e) -> pending.remove(handled));
    }
  }

  /**
   * One line for the alerts a later one of their target replaced at this webhook since the last
   * such line: written as its deliveries end, so a webhook that hangs while states flap gets a
   * line per timeout, not one per alert.
   */
  private static void logReplaced(WebhookSink sink) {
    long n = sink.takeReplaced();
    if (n > 0) {
      log.warn("{} not sent to {}: each was replaced by a later alert of its target while the webhook was busy",
          n == 1 ? "1 alert" : n + " alerts", sink.name());
    }
  }

  /**
   * Sends again, once, the alerts an earlier watch left pending in the history (killed while it
   * delivered them, or stopped before they were), with their first text and time, if made within
   * {@link #RESEND_WITHIN} of now; older ones, and rows this version cannot read, are settled unsent,
   * in one log line each. Call before the
   * first check, so that they go before any new alert of their targets. A webhook that had taken
   * an alert before the kill, without its answer being seen, gets it twice. Returns how many are re-sent.
   */
  public int resendUndelivered(HistoryReader history, Clock clock) {
    Instant oldest = clock.instant().minus(RESEND_WITHIN);
    int resent = 0;
    int old = 0;
    int unreadable = 0;
    for (PendingAlertRecord r : history.pendingAlerts()) {
      Alert a = PendingAlerts.alert(r);
      if (a == null) {
        listener.dropped(r);
        unreadable++;
      } else if (!a.at().isBefore(oldest) && !sinks.isEmpty()) {
        log.info("re-sending an alert of {} the last watch left undelivered", logLine(a.target()));
        alert(a);
        resent++;
      } else {
        listener.settled(a);
        old++;
      }
    }
    if (unreadable > 0) {
      log.warn("{} the last watch left undelivered not sent: this sitepulse cannot read {} (a later one wrote {},"
          + " or a hand)", unreadable == 1 ? "1 alert" : unreadable + " alerts", unreadable == 1 ? "it" : "them",
          unreadable == 1 ? "it" : "them");
    }
    if (old > 0) {
      log.warn("{} the last watch left undelivered not sent: made more than {} ago, or no webhook is set",
          old == 1 ? "1 alert" : old + " alerts", Durations.format(RESEND_WITHIN));
    }
    return resent;
  }

  /** A delivery refused before its first try (a full queue) made no attempt at all. */
  private static String afterAttempts(int n) {
    return n == 0 ? "without an attempt" : "after " + n + (n == 1 ? " attempt" : " attempts");
  }

  /**
   * Gives up every delivery still under way (retrying a webhook that fails, say), recording each
   * as failed, so that an alert a stopping watch could not deliver is in the history and the
   * report rather than nowhere. Returns how many there were.
   */
  public int abandon(String why) {
    int abandoned = 0;
    for (InFlight f : inFlight) {
      if (f.settled().compareAndSet(false, true)) {
        failed.incrementAndGet();
        log.warn("alert for {} not delivered to {}: {}", logLine(f.alert().target()), f.sink(), why);
        listener.delivered(f.alert(), Delivery.failed(f.sink(), f.attempts().get(), why));
        abandoned++;
      }
    }
    sinks.forEach(Alerter::logReplaced);
    return abandoned;
  }

  /**
   * A delivery under way; settled once recorded, by its sink's answer or by {@link #abandon}, with
   * the tries its sink has started (the one cut short counts; 0 while it waits behind its target's
   * delivery under way). Each is its own: its flag makes two of the same alert and sink unequal.
   */
  private record InFlight(Alert alert, String sink, AtomicBoolean settled, AtomicInteger attempts) {}

  /** Completes when every delivery started so far is done, delivered or given up. */
  public CompletableFuture<Void> idle() {
    CompletableFuture<?>[] open = pending.stream().filter(f -> !f.isDone()).toArray(CompletableFuture[]::new);
    if (open.length == 0) {
      return CompletableFuture.completedFuture(null);
    }
    // Starting an alert adds its deliveries, so look again once these are done.
    return CompletableFuture.allOf(open).thenCompose(v -> idle());
  }

  public long deliveredCount() {
    return delivered.get();
  }

  /** Deliveries that failed: out of retries, refused, or given up at a stop; not those replaced. */
  public long failedCount() {
    return failed.get();
  }

  /** Alerts not sent to a webhook because a later alert of their target replaced them while it was busy. */
  public long replacedCount() {
    return replaced.get();
  }

  /**
   * Stops the workers and gives back the connections kept alive to webhooks; the client's
   * dispatcher has no threads to stop, as every post is a synchronous call on a worker.
   */
  @Override
  public void close() {
    workers.close();
    alerterThread.shutdownNow();
    http.connectionPool().evictAll();
  }
}
