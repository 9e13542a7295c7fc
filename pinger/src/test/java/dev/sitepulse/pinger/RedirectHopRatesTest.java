package dev.sitepulse.pinger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each redirect hop a check follows is a request to its host and counts against its rate, but goes
 * at once: a host short of a permit owes it, and its next check pays before it starts. Timing is
 * asserted as lower bounds, or against waits of seconds the check must not contain.
 */
class RedirectHopRatesTest {

  @RegisterExtension static WireMockExtension stubs = StubServer.extension();

  private static final PingSettings FIVE_PER_SECOND = PingSettings.DEFAULTS.withRatePerHost(Rate.parse("5/s"));
  private static final Duration PERIOD = Duration.ofMillis(200); // of 5/s

  private static Target target(String host, String path) {
    return Target.of("http://" + host + ":" + stubs.getPort() + path).withTimeout(Checks.AMPLE);
  }

  @Test
  void aRedirectIsFollowedAtOnceThoughItsHostsNextPermitComesAfterTheTimeout() {
    CheckResult r = Checks.check(PingSettings.DEFAULTS.withRatePerHost(Rate.parse("1/m")),
        target("127.0.0.1", "/redirect/1"));

    assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.UP);
    assertThat(r.last().hops()).extracting(Hop::status).containsExactly(302, 200);
    assertThat(stubs.findAll(getRequestedFor(urlPathEqualTo("/status/200")))).hasSize(1);
  }

  @Test
  void aChecksTotalHoldsNoWaitForItsHostsRate() {
    // 1/h: a permit an hour, which the hop would wait for; the exchanges themselves take
    // milliseconds, and a minute is a bound for a loaded machine, not a speed goal (with 12/m, a
    // bound of 2.5 s was).
    CheckResult r = assertTimeoutPreemptively(Duration.ofMinutes(1),
        () -> Checks.check(PingSettings.DEFAULTS.withRatePerHost(Rate.parse("1/h")), target("127.0.0.1", "/redirect/1")));

    assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.UP);
    assertThat(Duration.ofNanos(r.phases().totalNanos())).isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void theHostsNextCheckStartsOnlyOnceThePermitsItsHopsOweArePaid() {
    Instant before = Instant.now();
    try (Pinger pinger = Pinger.create(FIVE_PER_SECOND)) {
      CheckResult redirected = pinger.check(target("127.0.0.1", "/redirect/3")).join();
      CheckResult next = pinger.check(target("127.0.0.1", "/status/200")).join();

      assertThat(redirected.verdict()).as(redirected.message()).isEqualTo(Verdict.UP);
      assertThat(redirected.last().redirects()).isEqualTo(3);
      // Four requests took or owe the permits of periods 0 to 3; the next check's is period 4's.
      assertThat(Duration.between(before, next.last().startedAt())).isGreaterThanOrEqualTo(PERIOD.multipliedBy(4));
    }
  }

  @Test
  void aRedirectToAnotherHostChargesThatHost() {
    // Every 127.x.y.z address is loopback on Linux, and each is its own host to the limiter.
    stubs.stubFor(get("/elsewhere").willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://127.0.0.2:" + stubs.getPort() + "/status/200")));
    Instant before = Instant.now();
    try (Pinger pinger = Pinger.create(FIVE_PER_SECOND)) {
      pinger.check(target("127.0.0.2", "/status/200")).join(); // period 0's permit of 127.0.0.2
      CheckResult redirected = pinger.check(target("127.0.0.1", "/elsewhere")).join();
      CheckResult next = pinger.check(target("127.0.0.2", "/status/200")).join();

      assertThat(redirected.verdict()).as(redirected.message()).isEqualTo(Verdict.UP);
      assertThat(redirected.last().redirects()).isEqualTo(1);
      // The hop took or owes 127.0.0.2's permit of period 1: the next check there waits for period 2's.
      assertThat(Duration.between(before, next.last().startedAt())).isGreaterThanOrEqualTo(PERIOD.multipliedBy(2));
    }
  }
}
