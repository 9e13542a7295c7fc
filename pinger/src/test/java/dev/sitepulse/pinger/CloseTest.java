package dev.sitepulse.pinger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every future a pinger returns completes, even when it is closed with checks queued or under way. */
class CloseTest {

  /** Checks' timeouts and the waits for them: a bound for a machine as loaded as it gets, never a speed goal. */
  private static final Duration LIMIT = Duration.ofMinutes(1);
  private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";

  @Test
  void closingCancelsTheChecksWaitingForTheirHostsRateOrASlotAndLetsTheOneUnderWayEndWithItsAnswer() throws Exception {
    // The server holds its answer until the pinger is closed: the check under way is still going then.
    try (RawServer server = RawServer.answeringWhenReleased(OK);
        RawServer other = RawServer.answering(OK)) {
      Pinger pinger = Pinger.create(PingSettings.DEFAULTS.withConcurrency(1).withRatePerHost(Rate.parse("1/m")));
      Target slow = Target.of(server.url("/slow")).withTimeout(LIMIT);
      CompletableFuture<CheckResult> underWay = pinger.check(slow);
      CompletableFuture<CheckResult> waitingForRate = pinger.check(slow.withRetries(2));
      CompletableFuture<CheckResult> waitingForSlot = pinger.check(Target.of(other.url("/")).withTimeout(LIMIT));
      server.awaitRequest(LIMIT);

      pinger.close();
      server.release();

      assertThatThrownBy(() -> waitingForRate.get(LIMIT.toSeconds(), TimeUnit.SECONDS))
          .isInstanceOf(CancellationException.class);
      assertThatThrownBy(() -> waitingForSlot.get(LIMIT.toSeconds(), TimeUnit.SECONDS))
          .isInstanceOf(CancellationException.class);
      assertThat(underWay).succeedsWithin(LIMIT).extracting(CheckResult::verdict).isEqualTo(Verdict.UP);
      assertThat(server.requests() + other.requests()).isEqualTo(1);
    }
  }

  @Test
  void aCheckAskedOfAClosedPingerFailsSayingSo() {
    Pinger pinger = Pinger.create(Checks.FAST);
    pinger.close();

    assertThatThrownBy(() -> pinger.check(Target.of("http://127.0.0.1:1/")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot check http://127.0.0.1:1/: its pinger is closed");
  }
}
