package dev.sitepulse.pinger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.pinger.watch.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A host that cannot be reached is not asked again and again: after some checks of it in a row
 * failed to connect, its next checks are held back for a while, then one trial check goes.
 */
class CircuitBreakerTest {

  /**
   * Every check's timeout, and how long the test waits for the breaker: no server here stalls, and
   * one that answers or refuses may take seconds on a loaded machine. A bound, never a speed goal.
   */
  private static final Duration ANSWERED = Duration.ofMinutes(1);

  @RegisterExtension static WireMockExtension stubs = StubServer.extension();

  private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";

  /** One check at a time, so each result is in before the next check is let through. */
  private static PingSettings oneAtATime(int failures) {
    return Checks.FAST.withConcurrency(1)
        .withCircuitBreaker(new CircuitBreakerSettings(failures, Duration.ofSeconds(30)));
  }

  private static List<Target> targets(String base, int n) {
    return IntStream.range(0, n).mapToObj(i -> Target.of(base + "/page" + i).withTimeout(ANSWERED)).toList();
  }

  private static List<ErrorKind> kinds(List<CheckResult> results) {
    return results.stream().map(CheckResult::errorKind).toList();
  }

  @Test
  void afterFiveChecksOfAHostInARowCouldNotConnectItsNextChecksAreNotSent() throws IOException {
    int port = closedPort();
    try (Pinger pinger = Pinger.create(oneAtATime(5))) {
      List<CheckResult> results = pinger.checkAll(targets("http://127.0.0.1:" + port, 8), r -> {});

      assertThat(kinds(results)).containsExactly(
          ErrorKind.CONNECT_REFUSED, ErrorKind.CONNECT_REFUSED, ErrorKind.CONNECT_REFUSED, ErrorKind.CONNECT_REFUSED,
          ErrorKind.CONNECT_REFUSED, ErrorKind.CIRCUIT_OPEN, ErrorKind.CIRCUIT_OPEN, ErrorKind.CIRCUIT_OPEN);
      CheckResult held = results.get(7);
      assertThat(held.verdict()).isEqualTo(Verdict.ERROR);
      assertThat(held.message()).isEqualTo("not sent: the last 5 checks of 127.0.0.1:" + port
          + " could not reach it (connection refused by 127.0.0.1:" + port + "); circuit open: the next check"
          + " of the target that opened it, or any after 30s, tries again");
      assertThat(held.attempts()).singleElement().satisfies(a -> assertThat(a.hops()).isEmpty());
    }
  }

  @Test
  void aCheckCountsOnceForItsCircuitHoweverManyTimesItRetries() throws IOException {
    String base = "http://127.0.0.1:" + closedPort();
    try (RecordingRetryTimer waits = RecordingRetryTimer.endingAtOnce();
        Pinger pinger = waits.pinger(oneAtATime(2), Clock.systemUTC())) {
      CheckResult retried = pinger.check(Target.of(base + "/retried").withTimeout(ANSWERED)
          .withRetries(2)).join();

      assertThat(retried.attempts()).as("its own retries do not open the circuit on it")
          .extracting(Attempt::errorKind).containsExactly(
              ErrorKind.CONNECT_REFUSED, ErrorKind.CONNECT_REFUSED, ErrorKind.CONNECT_REFUSED);
      assertThat(waits.asked()).as("the back-off, ended at once here").containsExactly(
          Duration.ofSeconds(1), Duration.ofSeconds(2));
      assertThat(kinds(pinger.checkAll(targets(base, 2), r -> {}))).as("one check so far, not three")
          .containsExactly(ErrorKind.CONNECT_REFUSED, ErrorKind.CIRCUIT_OPEN);
    }
  }

  @Test
  void aCheckLetThroughRetriesNoMoreOnceOtherChecksOfItsHostOpenTheCircuit() throws IOException {
    int port = closedPort();
    String base = "http://127.0.0.1:" + port;
    try (RecordingRetryTimer waits = RecordingRetryTimer.holdingUntilLetGo();
        Pinger pinger = waits.pinger(oneAtATime(2), Clock.systemUTC())) {
      CompletableFuture<CheckResult> retrying = pinger.check(Target.of(base + "/retrying")
          .withTimeout(ANSWERED).withRetries(3));
      // Sent after its first attempt, while it waits to retry: they open the circuit.
      assertThat(kinds(pinger.checkAll(targets(base, 2), r -> {})))
          .containsExactly(ErrorKind.CONNECT_REFUSED, ErrorKind.CONNECT_REFUSED);
      waits.letGo();

      CheckResult r = retrying.join();

      assertThat(r.attempts()).as("no retry once the circuit is open").hasSize(1);
      assertThat(r.errorKind()).as("the failure it had").isEqualTo(ErrorKind.CONNECT_REFUSED);
      assertThat(r.message()).isEqualTo("connection refused by 127.0.0.1:" + port
          + "; not retried: the circuit of 127.0.0.1:" + port + " opened meanwhile");
    }
  }

  @Test
  void aHostThatAnswersWithARedirectToAHostThatIsDownKeepsItsCircuitClosed() throws IOException {
    int port = closedPort();
    stubs.stubFor(get(urlPathEqualTo("/moved")).willReturn(
        aResponse().withStatus(302).withHeader("Location", "http://127.0.0.1:" + port + "/gone")));
    try (Pinger pinger = Pinger.create(oneAtATime(2))) {
      List<CheckResult> results = pinger.checkAll(targets("http://127.0.0.1:" + stubs.getPort() + "/moved?x=", 4), r -> {});

      assertThat(kinds(results)).as("its own host answered every time").containsOnly(ErrorKind.CONNECT_REFUSED);
    }
  }

  @Test
  void aHostThatAnswersEvenWithServerErrorsNeverOpensItsCircuit() {
    try (Pinger pinger = Pinger.create(oneAtATime(2))) {
      List<CheckResult> results = pinger.checkAll(
          targets("http://127.0.0.1:" + stubs.getPort() + "/status/500?x=", 5), r -> {});

      assertThat(results).extracting(CheckResult::status).containsOnly(500);
    }
  }

  /** As a watch checks it an interval later: a recovery is seen then, not a whole open-for later. */
  @Test
  void theNextCheckOfTheTargetWhoseFailureOpenedTheCircuitGoesAsTheTrialWithoutWaitingOutOpenFor()
      throws IOException {
    int port = closedPort();
    Target api = Target.of("http://127.0.0.1:" + port + "/api").withTimeout(ANSWERED);
    Target shop = Target.of("http://127.0.0.1:" + port + "/shop").withTimeout(ANSWERED);
    try (Pinger pinger = Pinger.create(oneAtATime(1), new MutableClock(Instant.now()))) {
      assertThat(pinger.check(api).join().errorKind()).isEqualTo(ErrorKind.CONNECT_REFUSED);

      try (RawServer back = RawServer.answering(OK, port)) {
        assertThat(pinger.check(shop).join().errorKind()).as("the host's other targets are still spared")
            .isEqualTo(ErrorKind.CIRCUIT_OPEN);
        assertThat(pinger.check(api).join().verdict()).isEqualTo(Verdict.UP);
        assertThat(pinger.check(shop).join().verdict()).as("the trial closed the circuit").isEqualTo(Verdict.UP);
      }
    }
  }

  @Test
  void onceOpenForHasPassedOneTrialCheckGoesAndAnAnswerClosesTheCircuit() throws IOException {
    int port = closedPort();
    String base = "http://127.0.0.1:" + port;
    MutableClock clock = new MutableClock(Instant.now());
    try (Pinger pinger = Pinger.create(oneAtATime(2), clock)) {
      assertThat(kinds(pinger.checkAll(targets(base, 3), r -> {})))
          .containsExactly(ErrorKind.CONNECT_REFUSED, ErrorKind.CONNECT_REFUSED, ErrorKind.CIRCUIT_OPEN);

      try (RawServer back = RawServer.answering(OK, port)) {
        assertThat(kinds(pinger.checkAll(targets(base, 1), r -> {})))
            .as("still open: the server is back, but nothing is sent to see it")
            .containsExactly(ErrorKind.CIRCUIT_OPEN);

        clock.advance(Duration.ofSeconds(31));
        assertThat(pinger.checkAll(targets(base, 1), r -> {})).as("the trial")
            .extracting(CheckResult::verdict).containsExactly(Verdict.UP);
        List<CheckResult> after = pinger.checkAll(targets(base, 3), r -> {});

        assertThat(after).extracting(CheckResult::verdict).containsOnly(Verdict.UP);
      }
    }
  }

  @Test
  void aTrialAnsweredWithRetryAfterClosesTheCircuitAndTheHostsNextCheckGoesWhileItWaits() throws Exception {
    int port = closedPort();
    String base = "http://127.0.0.1:" + port;
    MutableClock clock = new MutableClock(Instant.now());
    try (RecordingRetryTimer waits = RecordingRetryTimer.holdingUntilLetGo();
        Pinger pinger = waits.pinger(oneAtATime(2), clock)) {
      pinger.checkAll(targets(base, 2), r -> {});
      clock.advance(Duration.ofSeconds(31));
      String busy = "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n"
          + "Connection: close\r\n\r\n";
      try (RawServer back = RawServer.answering(busy, port)) {
        CompletableFuture<CheckResult> trial = pinger.check(Target.of(base + "/trial")
            .withTimeout(ANSWERED).withRetries(1));
        long deadline = System.nanoTime() + ANSWERED.toNanos();
        while (pinger.circuitsHeldBack().get("127.0.0.1:" + port) && !trial.isDone()) {
          assertThat(System.nanoTime()).as("the circuit closes or the trial ends").isLessThan(deadline);
          Thread.sleep(5); // polls the breaker's state; no assertion depends on how long
        }
        assertThat(trial).as("the circuit closed on the trial's first answer, before its retry").isNotDone();
        CheckResult next = pinger.check(Target.of(base + "/next").withTimeout(ANSWERED)).join();

        assertThat(next.errorKind()).as("sent while the trial waits out its Retry-After").isNull();
        assertThat(next.status()).isEqualTo(503);
        assertThat(waits.asked(1)).containsExactly(Duration.ofSeconds(1));
        waits.letGo();
        assertThat(trial.join().attempts()).hasSize(2);
      }
    }
  }

  @Test
  void aTrialThatStillCannotConnectOpensTheCircuitAgain() throws IOException {
    String base = "http://127.0.0.1:" + closedPort();
    MutableClock clock = new MutableClock(Instant.now());
    try (Pinger pinger = Pinger.create(oneAtATime(2), clock)) {
      pinger.checkAll(targets(base, 2), r -> {});
      clock.advance(Duration.ofSeconds(31));

      assertThat(kinds(pinger.checkAll(targets(base, 3), r -> {})))
          .containsExactly(ErrorKind.CONNECT_REFUSED, ErrorKind.CIRCUIT_OPEN, ErrorKind.CIRCUIT_OPEN);
    }
  }

  @Test
  void withTheCircuitBreakerOffEveryCheckIsSent() throws IOException {
    PingSettings off = Checks.FAST.withConcurrency(1).withCircuitBreaker(CircuitBreakerSettings.OFF);
    try (Pinger pinger = Pinger.create(off)) {
      assertThat(kinds(pinger.checkAll(targets("http://127.0.0.1:" + closedPort(), 7), r -> {})))
          .containsOnly(ErrorKind.CONNECT_REFUSED);
    }
  }

  /** A loopback port nothing listens on: free a moment ago. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
