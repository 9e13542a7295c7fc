package dev.sitepulse.pinger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.pinger.internal.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetriesTest {

  @RegisterExtension static WireMockExtension stubs = StubServer.extension();

  @BeforeEach
  void resetScenarios() {
    stubs.resetScenarios();
  }

  private static Target target(String path, int retries) {
    return Target.of("http://127.0.0.1:" + stubs.getPort() + path)
        .withTimeout(Duration.ofSeconds(5))
        .withRetries(retries);
  }

  /** Waits in real time, as users get it: the other tests of retries have their waits ended at once. */
  @Test
  void aRetryWaitsForRetryAfterAndKeepsEveryAttempt() {
    CheckResult r = Checks.check(target("/flaky-429", 2));
    assertThat(r.verdict()).isEqualTo(Verdict.UP);
    assertThat(r.attempts()).extracting(Attempt::number).containsExactly(1, 2);
    Attempt first = r.attempts().get(0);
    assertThat(first.status()).isEqualTo(429);
    assertThat(first.verdict()).isEqualTo(Verdict.DOWN);
    assertThat(first.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    Duration gap = Duration.between(first.startedAt(), r.attempts().get(1).startedAt());
    assertThat(gap).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aRetryAfterTooLongForAnIntLeavesTheCheckDownWith503NotAnError() {
    stubs.stubFor(get("/busy-for-ages").willReturn(aResponse().withStatus(503)
        .withHeader("Retry-After", "99999999999999999999")));

    CheckResult r = Checks.check(target("/busy-for-ages", 0));

    assertThat(r.verdict()).as(r.last().message()).isEqualTo(Verdict.DOWN);
    assertThat(r.status()).isEqualTo(503);
  }

  @Test
  void aRetryAfterOfHoursEndsTheCheckAtOnceWithThatAnswerAndSaysWhyItWasNotRetried() {
    // A health check owes its verdict on time: waiting 27 h, or any capped part of it, is no check.
    stubs.stubFor(get("/down-for-the-day").willReturn(aResponse().withStatus(503)
        .withHeader("Retry-After", Long.toString(Duration.ofHours(27).toSeconds()))));
    try (RecordingRetryTimer waits = RecordingRetryTimer.endingAtOnce();
        Pinger pinger = waits.pinger(Checks.FAST, Clock.systemUTC())) {
      CheckResult r = pinger.check(target("/down-for-the-day", 2)).join();

      assertThat(waits.asked()).as("no wait at all").isEmpty();
      assertThat(r.attempts()).hasSize(1);
      assertThat(r.verdict()).isEqualTo(Verdict.DOWN);
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.last().message())
          .endsWith("; Retry-After 27h: not retried (a check waits at most 30s)");
    }
  }

  @Test
  void aRetryAfterUpToTheBackOffCapIsWaitedOut() {
    stubs.stubFor(get("/back-in-30s").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")));
    try (RecordingRetryTimer waits = RecordingRetryTimer.endingAtOnce();
        Pinger pinger = waits.pinger(Checks.FAST, Clock.systemUTC())) {
      CheckResult r = pinger.check(target("/back-in-30s", 1)).join();

      assertThat(waits.asked()).containsExactly(Duration.ofSeconds(30));
      assertThat(r.attempts()).hasSize(2);
      assertThat(r.last().message()).doesNotContain("not retried");
    }
  }

  @Test
  void aLongRetryAfterOnTheLastAttemptAddsNothingToItsReason() {
    // No retry was left to skip: the reason stays the server's.
    stubs.stubFor(get("/down-for-the-day").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600")));

    CheckResult r = Checks.check(target("/down-for-the-day", 0));

    assertThat(r.last().message()).doesNotContain("Retry-After");
  }

  @Test
  void stoppingRetriesEndsACheckWaitingOutRetryAfterWithTheAttemptsItMade() throws Exception {
    // A watch stopping must not wait 30 s for this check, nor lose the attempt it made. The retry's
    // wait is held until the test ends, so nothing but the stop can end the check.
    stubs.stubFor(get("/maintenance").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")));
    try (RecordingRetryTimer waits = RecordingRetryTimer.holdingUntilLetGo();
        Pinger pinger = waits.pinger(Checks.FAST, Clock.systemUTC())) {
      CompletableFuture<CheckResult> check = pinger.check(target("/maintenance", 2));
      assertThat(waits.asked(1)).as("the retry waiting out Retry-After").containsExactly(Duration.ofSeconds(30));

      pinger.stopRetrying();

      // A bound for a loaded machine, not a speed goal: a check the stop did not end never ends.
      CheckResult r = check.get(1, TimeUnit.MINUTES);
      assertThat(r.attempts()).hasSize(1);
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.verdict()).isEqualTo(Verdict.DOWN);
    }
    assertThat(stubs.findAll(getRequestedFor(urlEqualTo("/maintenance")))).hasSize(1);
  }

  @Test
  void aCheckStartedAfterRetriesStoppedMakesOneAttempt() {
    try (Pinger pinger = Pinger.create(Checks.FAST)) {
      pinger.stopRetrying();

      assertThat(pinger.check(target("/ratelimited", 3)).join().attempts()).hasSize(1);
    }
  }

  @Test
  void retriesStopAtTheLimitAndTheLastAttemptDecides() {
    try (RecordingRetryTimer waits = RecordingRetryTimer.endingAtOnce();
        Pinger pinger = waits.pinger(Checks.FAST, Clock.systemUTC())) {
      CheckResult r = pinger.check(target("/ratelimited", 1)).join();

      assertThat(r.attempts()).hasSize(2);
      assertThat(r.verdict()).isEqualTo(Verdict.DOWN);
      assertThat(r.status()).isEqualTo(429);
      assertThat(waits.asked()).as("its Retry-After").containsExactly(Duration.ofSeconds(1));
    }
  }

  @Test
  void aRetryAfterDateAlreadyPastBacksOffAsIfThereWereNone() {
    // A date behind our clock (a stale cached 503, a server's clock astray) says when the server
    // expected to be back, not when to come back now: the waits were 0, each retry at once.
    assertThat(waitsAfter503sSaying("Wed, 21 Oct 2015 07:28:00 GMT", 2))
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void aRetryAfterDateIsWaitedOutFromTheClocksNow() {
    assertThat(waitsAfter503sSaying("Sun, 06 Dec 2026 12:00:05 GMT", 1)).containsExactly(Duration.ofSeconds(5));
  }

  /** The waits of a check whose every attempt gets a 503 with this Retry-After, at noon on 6 December 2026. */
  private static List<Duration> waitsAfter503sSaying(String retryAfter, int retries) {
    stubs.stubFor(get("/503-retry-after").willReturn(aResponse().withStatus(503).withHeader("Retry-After", retryAfter)));
    Clock noon = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);
    try (RecordingRetryTimer waits = RecordingRetryTimer.endingAtOnce();
        Pinger pinger = waits.pinger(Checks.FAST, noon)) {
      CheckResult r = pinger.check(target("/503-retry-after", retries)).join();
      assertThat(r.attempts()).hasSize(retries + 1);
      return waits.asked();
    }
  }

  @Test
  void retriesWithoutRetryAfterBackOffOneSecondThenTwoThenFourThenEightThenSixteenThenThirty() {
    stubs.stubFor(get("/unavailable").willReturn(aResponse().withStatus(503)));
    try (RecordingRetryTimer waits = RecordingRetryTimer.endingAtOnce();
        Pinger pinger = waits.pinger(Checks.FAST, Clock.systemUTC())) {
      CheckResult r = pinger.check(target("/unavailable", 7)).join();

      assertThat(r.attempts()).hasSize(8);
      assertThat(waits.asked()).containsExactly(Stream.of(1, 2, 4, 8, 16, 30, 30).map(Duration::ofSeconds)
          .toArray(Duration[]::new));
      assertThat(waits.asked().stream().reduce(Duration.ZERO, Duration::plus))
          .as("what history allows for a check's retries").isEqualTo(RetryPolicy.backoffs(7));
    }
  }

  @Test
  void anUpCheckIsNotRetried() {
    assertThat(Checks.check(target("/status/200", 3)).attempts()).hasSize(1);
  }

  @Test
  void anInvalidUrlIsNotRetriedBecauseNothingCouldChange() {
    Target t = Target.of("http://exa mple.com/").withRetries(3);
    CheckResult r = Checks.check(t);
    assertThat(r.errorKind()).isEqualTo(ErrorKind.INVALID_URL);
    assertThat(r.attempts()).hasSize(1);
  }

  @Test
  void withoutRetriesAFailureIsFinal() {
    stubs.resetScenarios();
    CheckResult r = Checks.check(target("/flaky-429", 0));
    assertThat(r.attempts()).hasSize(1);
    assertThat(r.status()).isEqualTo(429);
  }
}
