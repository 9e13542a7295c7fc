package dev.sitepulse.cli;

import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Hands POSIX signals to a command: TERM and INT to stop, HUP to reload. Handling TERM and INT
 * ourselves, instead of through shutdown hooks, lets a command finish its work and keep what it
 * collected before it exits, with logging still working. Where a signal does not exist (HUP on
 * Windows) it is skipped.
 */
public final class Signals {

  private Signals() {}

  /**
   * Runs {@code action} on the JVM's signal thread; keep it short.
   *
   * @return puts back the handler this one replaced, for a command that runs in-process
   */
  public static Runnable on(String name, Runnable action) {
    try {
      Signal signal = new Signal(name);
      SignalHandler replaced = Signal.handle(signal, s -> action.run());
      return () -> Signal.handle(signal, replaced);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      LoggerFactory.getLogger(Signals.class).debug("no SIG{} here: {}", name, e.getMessage());
      return () -> { };
    }
  }
}
