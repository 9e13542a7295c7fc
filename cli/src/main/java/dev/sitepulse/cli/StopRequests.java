package dev.sitepulse.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Tells a second Ctrl-C, which asks to quit at once, from one stop signal delivered twice.
 * timeout(1) sends its signal to the command and then to the command's process group, which the
 * command is in, so the JVM gets SIGTERM twice within microseconds; unless the kernel happened to
 * merge the two, the second one cut short the graceful stop the first began, and a
 * {@code timeout 60 sitepulse ping --format json} printed nothing at all. A signal after the
 * command {@linkplain #announced said} that the stop began is meant as a second one, however soon.
 */
public final class StopRequests {

  /** Longer than the JVM takes to hand on two signals sent together, shorter than two key presses. */
  static final Duration SAME_DELIVERY = Duration.ofMillis(250);

  /** What a stop signal asks for. */
  enum Request {
    /** The first signal: stop gracefully. */
    STOP,
    /** The first one again, delivered twice: nothing more to do. */
    REPEAT,
    /** A later signal: quit at once. */
    QUIT
  }

  private final LongSupplier nanoTime;
  private final Set<String> ignored = new TreeSet<>();
  private boolean stopping;
  private boolean announced;
  private long firstAt;

  StopRequests(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  public static StopRequests create() {
    return new StopRequests(System::nanoTime);
  }

  /**
   * The user has been told that the stop began and that a second signal quits at once: from now
   * on, a signal is that second one.
   */
  public synchronized void announced() {
    announced = true;
  }

  /** {@code name} (INT or TERM) was ignored when the JVM started, which keeps it so: it stops nothing. */
  synchronized void ignoredAtStart(String name) {
    ignored.add(name);
  }

  /**
   * The stop signals this command cannot take: a shell ignores SIGINT for the background jobs of a
   * script ({@code sitepulse watch &}), and the JVM keeps it ignored without a word.
   */
  public synchronized Set<String> ignoredAtStart() {
    return Set.copyOf(ignored);
  }

  /**
   * What to tell the user, once the handlers are in, when SIGINT cannot stop {@code what} (e.g.
   * "the crawl"): Ctrl-C and {@code kill -INT} would do nothing, without a word.
   */
  public Optional<String> sigintIgnoredWarning(String what) {
    return ignoredAtStart().contains("INT")
        ? Optional.of("SIGINT cannot stop " + what + ": it was ignored when sitepulse started (a script's job"
            + " run with &?); SIGTERM stops it")
        : Optional.empty();
  }

  /**
   * What quits at once after {@code signal} (INT or TERM) began a stop, for the line that says so:
   * Ctrl-C only where it can, which after a SIGTERM to a job started with SIGINT ignored it cannot.
   */
  public String whatQuitsAtOnce(String signal) {
    if ("INT".equals(signal)) {
      return "Ctrl-C again quits at once";
    }
    return ignoredAtStart().contains("INT") ? "a second SIGTERM quits at once"
        : "a second SIGTERM, or Ctrl-C, quits at once";
  }

  /** Whether a stop signal has come. */
  synchronized boolean stopAsked() {
    return stopping;
  }

  /** Called for each SIGINT or SIGTERM, on the JVM's signal threads. */
  synchronized Request next() {
    long now = nanoTime.getAsLong();
    if (!stopping) {
      stopping = true;
      firstAt = now;
      return Request.STOP;
    }
    return !announced && now - firstAt < SAME_DELIVERY.toNanos() ? Request.REPEAT : Request.QUIT;
  }
}
