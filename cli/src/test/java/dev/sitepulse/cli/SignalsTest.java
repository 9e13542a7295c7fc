package dev.sitepulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sun.misc.Signal;
import sun.misc.SignalHandler;

class SignalsTest {

  private static final Signal TERM = new Signal("TERM");

  /**
   * The handler SIGTERM has now, left in place, by what it is: sun.misc wraps the JVM's own anew
   * each time it is asked ({@code java.lang.Terminator$1@… (SunMiscHandler@…)}).
   */
  private static String termHandler() {
    SignalHandler now = Signal.handle(TERM, SignalHandler.SIG_DFL);
    Signal.handle(TERM, now);
    return now.toString().replaceFirst(" \\(SunMiscHandler@\\p{XDigit}+\\)$", "");
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
    SignalHandler jvms = Signal.handle(TERM, SignalHandler.SIG_DFL);
    Signal.handle(TERM, jvms);
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
