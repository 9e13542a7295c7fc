package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sun.misc.Signal;
import sun.misc.SignalHandler;

class SignalsTest {

  private static final Signal TERM = new Signal("TERM");

  /**
   * Stands in for SIGTERM's handler while {@link #termHandlerNow} asks which it is, as the JVM's
   * handler does: a TERM in that instant ends the test JVM with 143 and its shutdown hooks. SIG_DFL
   * would kill it without them, and SIG_IGN would stay: HotSpot installs no handler over an ignored
   * TERM (JVM_RegisterSignal answers SIG_IGN), so putting the handler back would do nothing, and
   * the JVM would ignore every TERM after. sun.misc has no way to read a handler but to replace it.
   */
  private static final SignalHandler EXITS_AS_THE_JVM_DOES = signal -> Runtime.getRuntime().exit(128 + signal.getNumber());

  /** The handler SIGTERM has now, left in place. */
  private static SignalHandler termHandlerNow() {
    SignalHandler now = Signal.handle(TERM, EXITS_AS_THE_JVM_DOES);
    Signal.handle(TERM, now);
    return now;
  }

  /**
   * {@link #termHandlerNow} by what it is: sun.misc wraps the JVM's own anew each time it is asked
   * ({@code java.lang.Terminator$1@… (SunMiscHandler@…)}).
   */
  private static String termHandler() {
    return termHandlerNow().toString().replaceFirst(" \\(SunMiscHandler@\\p{XDigit}+\\)$", "");
  }

  @Test
  void aCommandThatEndsWithoutAStopSignalPutsTheJvmsHandlersBack() {
    String before = termHandler();
    StopRequests requests = StopRequests.create();

    Runnable restore = Signals.onStop(requests, name -> {});
    assertThat(termHandler()).isNotEqualTo(before);
    restore.run();

    assertThat(termHandler()).isEqualTo(before);
  }

  @Test
  void aCommandStoppedByASignalKeepsItsHandlersSoTheSameSignalDeliveredAgainLaterIsNotTheJvmsExit143() {
    SignalHandler jvms = termHandlerNow();
    StopRequests requests = StopRequests.create();
    Runnable restore = Signals.onStop(requests, name -> {});
    try {
      String ours = termHandler();
      requests.next(); // the first of timeout(1)'s two deliveries, as the handler takes it

      restore.run();

      assertThat(termHandler()).as("the second delivery, handed on after the stop, still finds ours").isEqualTo(ours);
    } finally {
      Signal.handle(TERM, jvms);
    }
  }
}
