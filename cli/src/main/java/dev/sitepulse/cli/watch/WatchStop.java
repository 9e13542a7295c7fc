package dev.sitepulse.cli.watch;

import dev.sitepulse.cli.Amounts;
import dev.sitepulse.cli.ExitCode;
import dev.sitepulse.pinger.config.Durations;
import dev.sitepulse.pinger.history.SqliteHistory;
import dev.sitepulse.pinger.watch.Alerter;
import dev.sitepulse.pinger.watch.Watch;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stop sequence of a started watch: waits for the checks under way (at most their timeouts)
 * and, briefly, for webhooks, then writes the history. A wait that runs out says what it waited
 * for, and the stop goes on to its line and exit code.
 */
final class WatchStop {

  private static final Logger log = LoggerFactory.getLogger(WatchStop.class);
  /** How long stopping waits for webhooks still being delivered. */
  private static final Duration ALERT_GRACE = Duration.ofSeconds(5);

  /** What a started watch is made of, for the stop sequence. */
  record Running(SqliteHistory history, WatchServer server, Alerter alerter, Watch watch,
      ConfigReloader reloader) {}

  /** What the stop sequence ends with: the exit code, and the line that says what was kept. */
  record Stopped(int code, String line) {}

  private WatchStop() {}

  /**
   * Waits for the checks under way and, briefly, for webhooks, then writes the history; returns the
   * exit code and the line that says what was kept.
   *
   * @param announced run once the stop's first line is about to be logged: a signal after it is a second one
   * @param reloadsOff run before the reloader closes: a SIGHUP then must not ask a closed reloader
   */
  static Stopped stop(Running r, String why, Runnable announced, Runnable reloadsOff) throws InterruptedException {
    r.server().stopping();
    // The plan running now: a reload may have lengthened timeouts since start-up. The second is
    // for results that come at the timeout to be recorded.
    Duration limit = r.watch().plan().longestAttempt().plusSeconds(1);
    awaitChecks(r.watch(), why, limit, announced);
    try {
      r.alerter().idle().get(ALERT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Recorded as failed deliveries, so that the report lists them and the history keeps them.
      r.alerter().abandon("the watch stopped while it was still being delivered");
    }
    reloadsOff.run();
    r.reloader().close();
    SqliteHistory history = r.history();
    history.close(); // writes what is queued
    // Records the file still refused are gone once the process ends: that is no clean stop.
    long lost = history.lost();
    String gone = history.gone().getNow(null);
    // Checks are what a user counts, not the intervals, state changes and deliveries kept beside them.
    return new Stopped(lost > 0 ? ExitCode.CRITICAL : ExitCode.OK,
        "sitepulse watch: stopped (" + why + "): " + Amounts.count(r.watch().checksTotal(), "check") + ", "
        + history.checksWritten() + " recorded"
        + (lost > 0 ? ", " + Amounts.count(lost, "history record") + " lost: "
            + (gone != null ? gone : history.file() + " could not be written (the log says why)") : ""));
  }

  /**
   * Stops the checks and waits, up to {@code limit}, for those under way to be recorded. Both steps
   * run on the watch's event loop: one held there (by a check's code, say) answers neither, and
   * the line then blames the loop, not checks that may have ended in time.
   */
  private static void awaitChecks(Watch watch, String why, Duration limit, Runnable announced)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    int underWay;
    try {
      underWay = watch.stopScheduling().get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      announced.run();
      log.warn("stopping ({}): the watch's event loop did not answer within {}: something running on it"
          + " holds it; the checks under way are not waited for, their results are not kept; a second signal exits"
          + " at once", why, Durations.format(limit));
      return;
    } catch (ExecutionException e) {
      announced.run();
      log.error("stopping ({}): {}", why, e.getCause().toString());
      return;
    }
    announced.run(); // before the line: a signal sent once it is read is a second one
    log.info("{}", stoppingLine(why, underWay, limit));
    try {
      watch.stop().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      int unanswered = watch.checksUnanswered();
      log.warn("stopping: {}", unanswered > 0
          ? Amounts.count(unanswered, "check") + (unanswered == 1 ? " outlived its timeout; its result is not kept"
              : " outlived their timeouts; their results are not kept")
          : "the watch's event loop did not record the checks' results within " + Durations.format(limit)
              + ": something running on it holds it; their results are not kept");
    } catch (ExecutionException e) {
      log.error("stopping: {}", e.getCause().toString());
    }
  }

  /**
   * The stop's first line, e.g. {@code stopping (SIGTERM): waiting up to 11s for the checks under
   * way; a second signal exits at once}; of no wait when there is nothing to wait for. The checks
   * are not counted: some of them, still waiting for a slot, end at once unsent.
   */
  static String stoppingLine(String why, int underWay, Duration limit) {
    String checks = underWay == 0 ? "no check under way"
        : "waiting up to " + Durations.format(limit) + " for the checks under way";
    return "stopping (" + why + "): " + checks + "; a second signal exits at once";
  }
}
