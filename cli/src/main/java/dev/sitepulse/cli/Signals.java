package dev.sitepulse.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
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
   * Ctrl-C and SIGTERM for a command that stops gracefully: the first runs {@code stop} with the
   * signal's name (INT or TERM) on the JVM's signal thread; a second one halts at once with 130,
   * as an unhandled one would.
   *
   * @return puts back the handlers these replaced
   */
  public static Runnable onStop(Consumer<String> stop) {
    AtomicBoolean asked = new AtomicBoolean();
    List<Runnable> restore = new ArrayList<>();
    for (String name : List.of("INT", "TERM")) {
      restore.add(on(name, () -> {
        if (!asked.compareAndSet(false, true)) {
          Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
        }
        stop.accept(name);
      }));
    }
    return () -> restore.forEach(Runnable::run);
  }

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
