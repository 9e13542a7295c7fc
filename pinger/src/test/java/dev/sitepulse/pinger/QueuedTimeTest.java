package dev.sitepulse.pinger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.watch.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The wait of an attempt for its host's rate or a slot: told apart from the exchange's phases. */
class QueuedTimeTest {

  private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";

  @Test
  void aCheckQueuedBehindABusySlotReportsHowLongItWaited() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    try (RawServer held = RawServer.answeringWhenReleased(OK);
        RawServer quick = RawServer.answering(OK);
        Pinger pinger = Pinger.create(Checks.FAST.withConcurrency(1), clock)) {
      CompletableFuture<CheckResult> first = pinger.check(Target.of(held.url("/")));
      CompletableFuture<CheckResult> second = pinger.check(Target.of(quick.url("/")));
      held.awaitRequest(Duration.ofSeconds(10)); // the one slot is taken: the second check waits

      clock.advance(Duration.ofSeconds(5));
      held.release();

      assertThat(first.join().last().queued()).as("it had the slot at once").isZero();
      Attempt waited = second.join().last();
      assertThat(waited.verdict()).isEqualTo(Verdict.UP);
      assertThat(waited.queued()).isEqualTo(Duration.ofSeconds(5));
    }
  }
}
