package dev.sitepulse.cli;

import dev.sitepulse.crawler.CrawlStop;
import org.slf4j.LoggerFactory;

/**
 * Ctrl-C for the commands that run a crawl ({@code crawl}, {@code links}, {@code demo}): the first
 * SIGINT or SIGTERM requests a {@link CrawlStop}, which lets the fetches in flight finish and
 * commits them, so that a resume fetches none of them again (a link check then reports what it
 * found; the demo, {@link #quittingAtOnce}, exits); a second one quits at once
 * ({@link Signals#onStop}). Closing puts the JVM's handlers back, for commands run in-process,
 * unless a signal stopped the crawl. A command started with SIGINT ignored (a script's job run
 * with {@code &}) cannot take it back, as the JVM keeps it ignored; it says so at once, here for
 * every command that stops on a signal but {@code watch}, which says it once its log is open.
 */
public final class StopOnSignal implements AutoCloseable {

  private final CrawlStop stop = new CrawlStop();
  private volatile String signal;
  private final boolean quitAtOnce;
  private final Runnable restore;

  /**
   * @param what what the signal stops, for the warning when SIGINT cannot: "the crawl"
   * @param stopping what to tell the user on the first signal
   */
  public StopOnSignal(String what, String stopping) {
    this(what, stopping, false);
  }

  /**
   * For a command with nothing to save: the first SIGINT or SIGTERM exits at once with 130, as the
   * JVM's own handler would (shutdown hooks run).
   *
   * @param what what the signal stops, for the warning when SIGINT cannot: "the demo"
   */
  public static StopOnSignal quittingAtOnce(String what) {
    return new StopOnSignal(what, null, true);
  }

  private StopOnSignal(String what, String stopping, boolean atOnce) {
    this.quitAtOnce = atOnce; // before the handlers are in: no signal may find it unset
    StopRequests requests = StopRequests.create();
    restore = Signals.onStop(requests, name -> {
      if (quitAtOnce) {
        ExitCodeFile.write(ExitCode.INTERRUPTED);
        System.exit(ExitCode.INTERRUPTED); // shutdown hooks run: a temporary folder goes
      }
      signal = "SIG" + name;
      System.err.println("\nsitepulse: " + stopping + "; " + requests.whatQuitsAtOnce(name));
      stop.request();
    });
    requests.sigintIgnoredWarning(what).ifPresent(LoggerFactory.getLogger(StopOnSignal.class)::warn);
  }

  public CrawlStop stop() {
    return stop;
  }

  /** The signal that stopped the crawl, e.g. SIGINT; null if none did. */
  public String stoppedBy() {
    return stop.isRequested() ? signal : null;
  }

  /**
   * The exit code of a command whose crawl failed: 130 when a signal had asked it to stop, as a
   * stop asked for ends every command, and the failure is said beside it; 2 otherwise.
   */
  public int failedExitCode() {
    return stoppedBy() == null ? ExitCode.CRITICAL : ExitCode.INTERRUPTED;
  }

  @Override
  public void close() {
    restore.run();
  }
}
