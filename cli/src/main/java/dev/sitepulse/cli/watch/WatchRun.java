package dev.sitepulse.cli.watch;

import dev.sitepulse.cli.Amounts;
import dev.sitepulse.cli.ExitCode;
import dev.sitepulse.cli.QueuedOutput;
import dev.sitepulse.cli.Signals;
import dev.sitepulse.cli.StopRequests;
import dev.sitepulse.cli.UnreadableException;
import dev.sitepulse.cli.UsageException;
import dev.sitepulse.pinger.Threads;
import dev.sitepulse.pinger.config.Durations;
import dev.sitepulse.pinger.history.HistoryException;
import dev.sitepulse.pinger.history.SqliteHistory;
import dev.sitepulse.pinger.watch.Alerter;
import dev.sitepulse.pinger.watch.ListenAddress;
import dev.sitepulse.pinger.watch.PingerSource;
import dev.sitepulse.pinger.watch.Watch;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of {@code watch}, start to exit: opens the history, starts the checks and the server,
 * then waits for SIGTERM or SIGINT. Stopping ({@link WatchStop}) stops the timers, waits for the checks under way (at
 * most their timeouts), waits briefly for webhooks, and flushes the history, so every result taken
 * is kept. A second signal while stopping exits at once, with 130 ({@link Signals#onStop}). The
 * last lines wait a limited time for their readers ({@link #OUTPUT_GRACE}), so the stop ends
 * whatever stdout and stderr are piped to.
 */
final class WatchRun {

  private static final Logger log = LoggerFactory.getLogger(WatchRun.class);
  /**
   * How long the exit waits for stderr's reader to take what is queued, then for stdout's to take
   * the stop line: a paused pager or a stalled journald (a full pipe) must not hold the stop until
   * systemd's TimeoutStopSec and its SIGKILL. The history is written and closed by then.
   */
  static final Duration OUTPUT_GRACE = Duration.ofSeconds(5);
  /** How long Vert.x may take to close once the watch stopped. */
  private static final Duration VERTX_CLOSE = Duration.ofSeconds(2);

  private final Path configFile;
  private final WatchSettings settings;
  private final ListenAddress listenOverride;
  private final Path dataOverride;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  /** Told when the stop line is out: a signal after it quits at once, however soon. */
  private final StopRequests stopRequests = StopRequests.create();
  /** Puts back SIGHUP's handler, before the reloader it calls closes. */
  private Runnable restoreHup = () -> { };

  WatchRun(Path configFile, WatchSettings settings, ListenAddress listenOverride, Path dataOverride) {
    this.configFile = configFile;
    this.settings = settings;
    this.listenOverride = listenOverride;
    this.dataOverride = dataOverride;
  }

  int run() throws InterruptedException {
    CountDownLatch stopAsked = new CountDownLatch(1);
    AtomicReference<String> why = new AtomicReference<>();
    Runnable restoreSignals = Signals.onStop(stopRequests, signal -> {
      why.compareAndSet(null, "SIG" + signal);
      stopAsked.countDown();
    });
    // Alerts, circuits and the stop are logged from the alerter, the probe threads and main: a
    // stderr nobody reads (a paused pager, a stalled journald) held each of them on a full pipe,
    // so that webhooks, a host's checks and SIGTERM all waited for the reader.
    QueuedOutput stderr = QueuedOutput.stderr();
    WatchStop.Stopped stopped = null;
    try {
      Optional<WatchStop.Running> running = start();
      if (running.isEmpty()) {
        return ExitCode.CRITICAL;
      }
      // A history deleted under the watch keeps nothing, and a lock deleted lets a second watch in:
      // stop, exiting 2, rather than check and alert on with no record (a supervisor starts it anew).
      running.get().history().gone().thenRun(() -> {
        why.compareAndSet(null, "history gone");
        stopAsked.countDown();
      });
      stopAsked.await();
      stopped = WatchStop.stop(running.get(), why.get(), stopRequests::announced, () -> restoreHup.run());
      return stopped.code();
    } finally {
      restoreHup.run(); // a start that failed after setting it never reached stop()
      closeAll(opened);
      // The log's last lines first, so that the stop line comes after them where both share a pipe
      // (2>&1); a second signal still ends either wait.
      long unwritten = stderr.close(OUTPUT_GRACE);
      if (stopped != null) {
        printLast(stopped.line() + (unwritten > 0
            ? ", " + Amounts.count(unwritten, "byte") + " of messages dropped: stderr was not read" : ""));
      }
      restoreSignals.run(); // last: a second signal still halts while the rest closes
    }
  }

  /** Prints the stop line, waiting at most {@link #OUTPUT_GRACE} for a reader of a full stdout. */
  private static void printLast(String line) {
    QueuedOutput stdout = QueuedOutput.stdout();
    System.out.println(line);
    stdout.close(OUTPUT_GRACE);
  }

  /**
   * Opens the history, binds the server, then starts the checks and the reloader, and prints the
   * start line; all of it is in {@link #opened} too. Empty when another watch holds the data
   * folder, which it has said on stderr.
   */
  private Optional<WatchStop.Running> start() throws InterruptedException {
    // Beside the start-up, which it would otherwise lengthen; done by the start line, which says the watch can stop.
    Thread stopPath = Threads.daemonNamed("sitepulse-stop-path").newThread(StopPath::load);
    stopPath.start();
    Clock clock = Clock.systemUTC();
    Instant started = clock.instant();
    Path historyFile = settings.data().resolve(SqliteHistory.FILE_NAME);
    boolean newHistory = Files.notExists(historyFile);
    SqliteHistory history;
    try {
      history = SqliteHistory.open(settings.data(), settings.retention(), clock);
    } catch (HistoryException e) {
      if (!e.inUse()) { // a file of another kind is the user's to fix; one SQLite cannot open, a failure
        throw e.unreadable() ? new UnreadableException(e.getMessage()) : new UsageException(e.getMessage());
      }
      // Not a config mistake but a busy folder: exit 2, as crawl does for one another crawl holds.
      System.err.println("sitepulse: " + e.getMessage());
      return Optional.empty();
    }
    opened.push(history);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(4));
    opened.push(() -> close(vertx));
    // Bound before the first timer is set: a taken port must end the run before a check or an alert goes out.
    WatchServer server;
    try {
      server = WatchServer.bind(vertx, settings.listen(), started);
    } catch (RuntimeException e) {
      if (newHistory) { // else report would read a history of nothing where no watch ever ran
        opened.addLast(history.made()::takeBack); // last: once the history is closed
      }
      throw e;
    }
    opened.push(server);
    Alerter alerter = new Alerter(settings.plan().webhooks(), Alerter.Listener.recordingTo(history, clock),
        Duration.ofSeconds(1));
    opened.push(alerter);
    // Before the first check: what a watch killed while delivering left goes before any new alert.
    alerter.resendUndelivered(history.reader(), clock);
    PingerSource pinger = new PingerSource(settings.plan().settings());
    opened.push(pinger);
    Watch watch = Watch.start(vertx, settings.plan(), pinger, history, alerter, Watch.Options.DEFAULT);
    server.serve(watch, new LivePage(history, clock));
    ConfigReloader reloader = new ConfigReloader(configFile, settings, listenOverride, dataOverride,
        next -> watch.reload(next.plan()).join());
    opened.push(reloader);
    reloader.watchFile();
    Optional<Runnable> hup = Signals.on("HUP", () -> reloader.request("SIGHUP"));
    if (hup.isEmpty()) {
      log.warn("SIGHUP cannot reload the config: it was ignored when sitepulse started (nohup?);"
          + " saving the config file reloads it");
    }
    restoreHup = hup.orElse(restoreHup);
    stopRequests.sigintIgnoredWarning("the watch").ifPresent(log::warn);

    // Made before the start line: from it on, a jar rewritten in place holds no class the run has yet to load.
    WatchStop.Running running = new WatchStop.Running(history, server, alerter, watch, reloader);
    stopPath.join();
    System.out.println(startLine(settings.plan().targets().size(), settings.listen().host(), server.port(), history.file()));
    System.out.flush();
    return Optional.of(running);
  }

  /**
   * What a watch prints once it serves, e.g. {@code sitepulse watch: 1 target, http://[::1]:9321/ ,
   * history data/history.db}: the URL is one to paste, brackets around an IPv6 address included.
   */
  static String startLine(int targets, String host, int port, Path history) {
    return "sitepulse watch: " + Amounts.count(targets, "target") + ", http://" + new ListenAddress(host, port)
        + "/ , history " + history;
  }

  /** Closes Vert.x, saying so in words when it takes too long: a bare TimeoutException names nothing. */
  private static void close(Vertx vertx) throws Exception {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(VERTX_CLOSE.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new TimeoutException("Vert.x did not close within " + Durations.format(VERTX_CLOSE));
    }
  }

  /** Closes what the watch opened, the last opened first, each whatever the others did. */
  static void closeAll(Deque<AutoCloseable> opened) {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) { // the history was written by then, but a thread or file may be left: said
        log.warn("stopping: cannot close what the watch opened: {}", e.getMessage() != null ? e.getMessage() : e);
        log.debug("closing failed", e);
      }
    }
  }
}
