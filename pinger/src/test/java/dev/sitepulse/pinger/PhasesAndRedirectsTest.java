package dev.sitepulse.pinger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static dev.sitepulse.pinger.Checks.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PhasesAndRedirectsTest {

  @RegisterExtension static WireMockExtension stubs = StubServer.extension();

  private static String url(String path) {
    return "http://127.0.0.1:" + stubs.getPort() + path;
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  @Test
  void aServerDelayShowsUpInProcessingNotInConnect() {
    // A delay of a second, which no connect on loopback takes, however loaded the machine: an
    // upper bound on processing and 100 ms for the connect were speed goals.
    stubs.stubFor(get("/after-a-second").willReturn(aResponse().withStatus(200).withFixedDelay(1_000)));
    Phases p = check(url("/after-a-second")).phases();
    assertThat(ms(p.processingNanos())).isGreaterThanOrEqualTo(1_000.0);
    assertThat(ms(p.connectNanos())).isPositive().isLessThan(1_000.0);
    assertThat(p.dnsNanos()).as("an IP literal needs no lookup").isZero();
    assertThat(p.tlsNanos()).as("plain HTTP has no handshake").isZero();
    assertThat(p.totalNanos())
        .isGreaterThanOrEqualTo(p.connectNanos() + p.processingNanos() + p.transferNanos());
  }

  @Test
  void aServerThatHangsAfterARedirectShowsItsWaitInProcessing() {
    stubs.stubFor(get("/to-hang").willReturn(aResponse().withStatus(302)
        .withHeader("Location", "/status/200?sleep=20000")));

    // 4 s, of which the redirect takes milliseconds, or a second on a loaded machine (of 600 ms,
    // it could take more than the half asked of the wait).
    CheckResult r = check(Target.of(url("/to-hang")).withTimeout(Duration.ofSeconds(4)));

    assertThat(r.verdict()).isEqualTo(Verdict.TIMEOUT);
    Hop hung = r.last().hops().get(1);
    assertThat(ms(hung.phases().processingNanos())).as("request sent, no head until the timeout")
        .isGreaterThan(2_000.0);
    assertThat(r.phases().processingNanos()).isEqualTo(
        r.last().hops().stream().mapToLong(h -> h.phases().processingNanos()).sum());
  }

  @Test
  void aHostNameIsResolvedAndTimedAsDns() {
    CheckResult r = check("http://localhost:" + stubs.getPort() + "/status/200");
    assertThat(r.verdict()).isEqualTo(Verdict.UP);
    assertThat(r.phases().dnsNanos()).isPositive();
  }

  @Test
  void everyCheckOpensItsOwnConnectionUnlessReuseIsAsked() {
    try (Pinger pinger = Pinger.create(Checks.FAST.withConcurrency(1))) {
      for (int i = 0; i < 3; i++) {
        assertThat(pinger.check(Target.of(url("/status/200"))).join().phases().connectNanos()).isPositive();
      }
    }
    try (Pinger pinger = Pinger.create(Checks.FAST.withConcurrency(1).withReuseConnections(true))) {
      pinger.check(Target.of(url("/status/200"))).join();
      assertThat(pinger.check(Target.of(url("/status/200"))).join().phases().connectNanos()).isZero();
    }
  }

  @Test
  void aRedirectChainKeepsEveryHopWithItsOwnPhasesAndTotalsThem() {
    CheckResult r = check(url("/redirect/3"));
    Attempt a = r.last();
    assertThat(r.verdict()).isEqualTo(Verdict.UP);
    assertThat(a.hops()).extracting(Hop::status).containsExactly(302, 301, 302, 200);
    assertThat(a.hops()).extracting(Hop::url).containsExactly(
        url("/redirect/3"), url("/redirect/2"), url("/redirect/1"), url("/status/200"));
    assertThat(a.hops().get(0).location()).isEqualTo("/redirect/2");
    assertThat(a.redirects()).isEqualTo(3);
    assertThat(a.finalUrl()).isEqualTo(url("/status/200"));
    assertThat(a.hops()).allSatisfy(h -> assertThat(h.phases().connectNanos()).isPositive());
    long summed = a.hops().stream().mapToLong(h -> h.phases().processingNanos()).sum();
    assertThat(a.phases().processingNanos()).isEqualTo(summed);
  }

  @Test
  void noMoreRedirectsThanAllowedAreFollowed() {
    CheckResult r = check(Checks.FAST.withMaxRedirects(2), Target.of(url("/redirect/3")));
    assertThat(r.errorKind()).isEqualTo(ErrorKind.TOO_MANY_REDIRECTS);
    assertThat(r.message()).isEqualTo("more than 2 redirects starting at " + url("/redirect/3"));
    assertThat(r.last().hops()).hasSize(3);
  }

  @Test
  void aRedirectTargetThatNeverAnswersIsNamedInTheTimeoutNotLeftToLookLikeTheTargetsOwnUrl() {
    // The target's own URL answered at once; only the table's REASON is there to say which did not.
    stubs.stubFor(get("/to-slow").willReturn(aResponse().withStatus(302).withHeader("Location", "/to-slow/2")));
    stubs.stubFor(get("/to-slow/2").willReturn(aResponse().withStatus(302).withHeader("Location", "/slow")));
    stubs.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(20_000)));

    // Time enough for both redirects on a loaded machine (1 s was not), none for /slow's 20 s.
    CheckResult r = check(Target.of(url("/to-slow")).withTimeout(Duration.ofSeconds(5)));

    assertThat(r.verdict()).isEqualTo(Verdict.TIMEOUT);
    assertThat(r.message()).isEqualTo("no response after 5s from " + url("/slow") + " (reached by 2 redirects)");
    assertThat(check(Target.of(url("/status/200?sleep=20000")).withTimeout(Duration.ofMillis(500))).message())
        .as("without a redirect the URL is the target's own, shown beside it")
        .isEqualTo("no response after 500ms");
  }

  @Test
  void aRedirectToANonHttpLocationIsOneHopWithItsStatusAndNothingFollowed() {
    stubs.stubFor(get("/to-ftp").willReturn(aResponse().withStatus(302).withHeader("Location", "ftp://x/")));
    CheckResult r = check(url("/to-ftp"));
    Attempt a = r.last();
    assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
    assertThat(r.message()).isEqualTo("redirect to an invalid location: ftp://x/");
    assertThat(a.hops()).extracting(Hop::url, Hop::status).containsExactly(tuple(url("/to-ftp"), 302));
    assertThat(a.status()).isEqualTo(302);
    assertThat(a.redirects()).isZero();
    assertThat(a.phases().processingNanos()).isEqualTo(a.hops().get(0).phases().processingNanos());
  }

  @Test
  void withRedirectsOffTheRedirectItselfIsTheAnswer() {
    CheckResult r = check(Checks.FAST.withMaxRedirects(0), Target.of(url("/status/301")));
    assertThat(r.errorKind()).isEqualTo(ErrorKind.TOO_MANY_REDIRECTS);
  }

  @Test
  void aBodyLargerThanMaxBodyIsReadOnlyUpToTheLimitAndMarkedTruncated() {
    CheckResult r = check(Checks.FAST.withMaxBodyBytes(64 * 1024), Target.of(url("/big")));
    assertThat(r.verdict()).isEqualTo(Verdict.UP);
    assertThat(r.last().bodyBytes()).isEqualTo(64 * 1024);
    assertThat(r.last().bodyTruncated()).isTrue();
  }

  @Test
  void withMaxBodyZeroABodyThatStallsIsNotWaitedForAndTheStatusDecides() throws Exception {
    // Its head says 1 MiB, then nothing comes: with nothing to read, the check ends with the head.
    try (RawServer server = RawServer.answeringThenStalling(
        "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 1048576\r\n\r\n")) {
      Target target = Target.of(server.url("/photo.png")).withTimeout(Duration.ofSeconds(5));

      CheckResult r = check(Checks.FAST.withMaxBodyBytes(0), target);

      assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.UP);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.last().bodyBytes()).isZero();
      assertThat(r.last().bodyTruncated()).as("a body was left unread").isTrue();
    }
  }

  @Test
  void withMaxBodyZeroAnEmptyBodyIsNotTruncated() {
    CheckResult r = check(Checks.FAST.withMaxBodyBytes(0), Target.of(url("/status/204")));
    assertThat(r.verdict()).isEqualTo(Verdict.UP);
    assertThat(r.last().bodyTruncated()).isFalse();
  }

  @Test
  void aBodyWithinTheLimitIsReadWholeAndNotTruncated() {
    CheckResult r = check(url("/health"));
    assertThat(r.last().bodyTruncated()).isFalse();
    assertThat(r.last().bodyBytes()).isPositive();
  }

  @Test
  void aBodyConditionSeesOnlyTheBytesWithinTheLimit() {
    Target t = Checks.withConditions(url("/healthy-text"), "[BODY] == pat(*healthy*)");
    assertThat(check(Checks.FAST.withMaxBodyBytes(5), t).verdict()).isEqualTo(Verdict.DOWN);
    assertThat(check(t).verdict()).isEqualTo(Verdict.UP);
  }
}
