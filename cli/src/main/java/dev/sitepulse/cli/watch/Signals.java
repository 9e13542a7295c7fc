package dev.sitepulse.cli.watch;

import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Hands POSIX signals to the watch: TERM and INT to stop, HUP to reload. Handling TERM and INT
 * ourselves, instead of through shutdown hooks, lets the watch finish its checks and flush its
 * history before it exits, with logging still working. Where a signal does not exist (HUP on
 * Windows) it is skipped.
 */
final class Signals {

  private Signals() {}

  /** Runs {@code action} on the JVM's signal thread; keep it short. */
  static boolean on(String name, Runnable action) {
    try {
      Signal.handle(new Signal(name), s -> action.run());
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      LoggerFactory.getLogger(Signals.class).debug("no SIG{} here: {}", name, e.getMessage());
      return false;
    }
  }
}
