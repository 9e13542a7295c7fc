package dev.sitepulse.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

  /** What a second stop signal runs before it halts: see {@link #beforeHalting}. */
  private static final Set<Runnable> BEFORE_HALT = ConcurrentHashMap.newKeySet();

  private Signals() {}

  /**
   * Runs {@code cleanUp} should a second SIGINT or SIGTERM halt the JVM, which runs no shutdown
   * hook: quick, best-effort work that waits on nothing, since the command's threads still run (a
   * temporary folder's deletion). Its failure does not keep the JVM from halting.
   *
   * @return takes it back, once what it cleans up is gone
   */
  public static Runnable beforeHalting(Runnable cleanUp) {
    Runnable mine = cleanUp::run; // one of its own, should the caller give the same one twice
    BEFORE_HALT.add(mine);
    return () -> BEFORE_HALT.remove(mine);
  }

  private static void halt() {
    for (Runnable cleanUp : BEFORE_HALT) {
      try {
        cleanUp.run();
      } catch (RuntimeException e) {
        // best effort: what it left is lost, and the JVM quits all the same
      }
    }
    ExitCodeFile.write(ExitCode.INTERRUPTED);
    Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
  }

  /**
   * Ctrl-C and SIGTERM for a command that stops gracefully: the first runs {@code stop} with the
   * signal's name (INT or TERM) on the JVM's signal thread; a second one halts at once with 130,
   * as an unhandled one would (but for the cleanups {@link #beforeHalting} gives it), unless it
   * came with the first ({@link StopRequests}).
   *
   * @return puts back the handlers these replaced, unless a stop signal came ({@link #onStop(StopRequests, Consumer)})
   */
  public static Runnable onStop(Consumer<String> stop) {
    return onStop(StopRequests.create(), stop);
  }

  /**
   * As {@link #onStop(Consumer)}, for a command that {@linkplain StopRequests#announced announces} its stop.
   *
   * @return puts back the handlers these replaced, unless a stop signal came: timeout(1) delivers
   *     its signal twice, and the JVM may hand the second on after the command has stopped, which
   *     the JVM's own handler would take for a new one (exit 143, the output cut short); ours take
   *     it for the same one, and a later signal still quits at once with 130
   */
  public static Runnable onStop(StopRequests requests, Consumer<String> stop) {
    // Once now, on requests of its own: what the handler runs is then loaded, so that a signal
    // reads no class from a jar that `mvn package` rewrote in place under the running JVM.
    stopSignal(StopRequests.create(), name -> { }, "TERM");
    List<Runnable> restore = new ArrayList<>();
    for (String name : List.of("INT", "TERM")) {
      on(name, () -> stopSignal(requests, stop, name))
          .ifPresentOrElse(restore::add, () -> requests.ignoredAtStart(name));
    }
    return () -> {
      if (!requests.stopAsked()) {
        restore.forEach(Runnable::run);
      }
    };
  }

  private static void stopSignal(StopRequests requests, Consumer<String> stop, String name) {
    switch (requests.next()) {
      case STOP -> stop.accept(name);
      case REPEAT -> { }
      case QUIT -> halt();
    }
  }

  /**
   * Runs {@code action} on the JVM's signal thread; keep it short.
   *
   * @return puts back the handler this one replaced, for a command that runs in-process; empty
   *     when the signal cannot be handled here: it does not exist (HUP on Windows), or it was
   *     ignored when the JVM started (under nohup, SIGHUP is), and the JVM then keeps it ignored
   *     without a word
   */
  public static Optional<Runnable> on(String name, Runnable action) {
    try {
      Signal signal = new Signal(name);
      SignalHandler replaced = Signal.handle(signal, s -> action.run());
      if (replaced == SignalHandler.SIG_IGN) {
        return Optional.empty();
      }
      return Optional.of(() -> Signal.handle(signal, replaced));
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      LoggerFactory.getLogger(Signals.class).debug("no SIG{} here: {}", name, e.getMessage());
      return Optional.empty();
    }
  }
}
