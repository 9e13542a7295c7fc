package dev.sitepulse.cli.crawl;

import dev.sitepulse.cli.ExitCode;
import dev.sitepulse.cli.Signals;
import dev.sitepulse.crawler.CrawlStop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ctrl-C for a crawl: the first SIGINT or SIGTERM requests a {@link CrawlStop}, which lets the
 * fetches in flight finish and commits them, so that a resume fetches none of them again; a
 * second one quits at once, as an unhandled one would. Closing puts the JVM's handlers back, for
 * commands run in-process.
 */
public final class StopOnSignal implements AutoCloseable {

  private final CrawlStop stop = new CrawlStop();
  private final AtomicReference<String> signal = new AtomicReference<>();
  private final List<Runnable> restore = new ArrayList<>();

  private StopOnSignal() {}

  /** @param stopping what to tell the user on the first signal */
  public static StopOnSignal install(String stopping) {
    StopOnSignal handler = new StopOnSignal();
    for (String name : List.of("INT", "TERM")) {
      handler.restore.add(Signals.on(name, () -> handler.received(name, stopping)));
    }
    return handler;
  }

  public CrawlStop stop() {
    return stop;
  }

  /** The signal that stopped the crawl, e.g. SIGINT; null if none did. */
  public String stoppedBy() {
    return stop.isRequested() ? "SIG" + signal.get() : null;
  }

  private void received(String name, String stopping) {
    if (!signal.compareAndSet(null, name)) {
      Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
    }
    System.err.println("\nsitepulse: " + stopping + "; Ctrl-C again quits at once");
    stop.request();
  }

  @Override
  public void close() {
    restore.forEach(Runnable::run);
  }
}
