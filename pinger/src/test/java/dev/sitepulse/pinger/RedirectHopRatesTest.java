package dev.sitepulse.pinger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each redirect hop a check follows is a request to its host, and takes a permit of its rate. */
class RedirectHopRatesTest {

  @RegisterExtension static WireMockExtension stubs = StubServer.extension();

  private static final PingSettings ONE_PER_MINUTE = PingSettings.DEFAULTS.withRatePerHost(Rate.parse("1/m"));

  private static Target target(String host, String path) {
    return Target.of("http://" + host + ":" + stubs.getPort() + path).withTimeout(Duration.ofSeconds(2));
  }

  @Test
  void aRedirectWhosePermitWouldComeAfterTheTimeoutIsNotFollowed() {
    CheckResult r = Checks.check(ONE_PER_MINUTE, target("127.0.0.1", "/redirect/1"));

    assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.TIMEOUT);
    assertThat(r.message())
        .startsWith("the redirect to http://127.0.0.1:" + stubs.getPort() + "/status/200 would wait ")
        .endsWith(" for a request permit of 127.0.0.1's rate, past the timeout of 2s");
    assertThat(r.last().hops()).extracting(Hop::status).containsExactly(302);
    assertThat(stubs.findAll(getRequestedFor(urlPathEqualTo("/status/200")))).as("not sent").isEmpty();
  }

  @Test
  void aRedirectToAnotherHostTakesAPermitOfThatHostsRate() {
    // Every 127.x.y.z address is loopback on Linux, and each is its own host to the limiter.
    stubs.stubFor(get("/elsewhere").willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://127.0.0.2:" + stubs.getPort() + "/status/200")));

    CheckResult r = Checks.check(ONE_PER_MINUTE, target("127.0.0.1", "/elsewhere"));

    assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.UP);
    assertThat(r.last().redirects()).isEqualTo(1);
  }

  @Test
  void hopsToTheSameHostAreSpacedByItsRateWithinTheTimeout() {
    // 5/s: four requests take four permits, which come at least two 200 ms periods apart.
    PingSettings fivePerSecond = PingSettings.DEFAULTS.withRatePerHost(Rate.parse("5/s"));

    CheckResult r = Checks.check(fivePerSecond, target("127.0.0.1", "/redirect/3"));

    assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.UP);
    assertThat(r.last().redirects()).isEqualTo(3);
    assertThat(Duration.ofNanos(r.phases().totalNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }
}
