package dev.sitepulse.pinger;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sitepulse.pinger.Checks.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** user:password@ in a target's URL, as curl and Gatus take it. */
class CredentialsTest {

  @RegisterExtension static WireMockExtension stubs = StubServer.extension();

  @Test
  void credentialsInTheUrlAreSentAsBasicAuthorizationAndShownNowhere() {
    stubs.stubFor(get("/private").withBasicAuth("ops", "p@ss:word")
        .willReturn(aResponse().withBody("welcome")));
    String url = "http://ops:p%40ss%3Aword@127.0.0.1:" + stubs.getPort() + "/private";

    CheckResult r = check(Target.of(url).withTimeout(Duration.ofSeconds(5)));

    assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.UP);
    assertThat(r.target().url()).isEqualTo("http://127.0.0.1:" + stubs.getPort() + "/private");
    assertThat(r.target().name()).doesNotContain("ops").doesNotContain("p%40ss");
    assertThat(r.target().headers()).containsEntry("Authorization", "Basic b3BzOnBAc3M6d29yZA==");
  }

  @Test
  void credentialsInAUrlThatIsNotValidAreLeftOutOfItsError() {
    CheckResult r = check(Target.of("http://ops:secret@127.0.0.1:99999/"));

    assertThat(r.errorKind()).isEqualTo(ErrorKind.INVALID_URL);
    assertThat(r.message()).isEqualTo("port 99999 is outside 1 to 65535: http://127.0.0.1:99999/");
    assertThat(r.target().name()).isEqualTo("http://127.0.0.1:99999/");
  }

  @Test
  void aPasswordWithAnAtSignIsLeftOutWholeOfAnInvalidUrlsError() {
    CheckResult r = check(Target.of("http://ops:p@ss@127.0.0.1:99999/"));

    assertThat(r.message()).isEqualTo("port 99999 is outside 1 to 65535: http://127.0.0.1:99999/");
  }

  @Test
  void aUrlWrittenWithoutItsSchemeKeepsItsUserAndPasswordOutOfItsErrorAsOneWithASchemeDoes() {
    CheckResult r = check(Target.of("ops:s3cret@127.0.0.1:8941/"));

    assertThat(r.errorKind()).isEqualTo(ErrorKind.INVALID_URL);
    assertThat(r.message()).isEqualTo("not an http(s) URL: 127.0.0.1:8941/ (did you mean http://127.0.0.1:8941/?)");
    assertThat(r.target().name()).isEqualTo("127.0.0.1:8941/");
    assertThat(check(Target.of("//ops:p@ss@127.0.0.1:99999/")).message()).isEqualTo("not an http(s) URL: //127.0.0.1:99999/");
  }

  @Test
  void aMailtoUrlIsQuotedWholeItsAddressBeingNoUserInfo() {
    assertThat(check(Target.of("mailto:ops@example.com")).message()).isEqualTo("not an http(s) URL: mailto:ops@example.com");
  }

  @Test
  void anAuthorizationHeaderTheTargetSetsWinsOverTheUrlsCredentials() {
    Target t = new Target(null, null, "http://a:b@127.0.0.1/", null, Map.of("authorization", "Bearer t0ken"),
        null, null, 0, null);

    assertThat(t.headers()).containsExactly(Map.entry("authorization", "Bearer t0ken"));
    assertThat(t.url()).isEqualTo("http://127.0.0.1/");
  }

  @Test
  void credentialsAreNotSentOnToAnotherOriginARedirectLeadsTo() {
    String elsewhere = "http://localhost:" + stubs.getPort() + "/landing";
    stubs.stubFor(get("/moved").willReturn(aResponse().withStatus(302).withHeader("Location", elsewhere)));
    stubs.stubFor(get("/landing").willReturn(aResponse().withBody("landed")));
    Target t = new Target(null, null, "http://ops:secret@127.0.0.1:" + stubs.getPort() + "/moved", null,
        Map.of("Cookie", "session=1", "X-Trace", "on"), null, Duration.ofSeconds(5), 0, null);

    CheckResult r = check(t);

    assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.UP);
    stubs.verify(getRequestedFor(urlPathEqualTo("/moved"))
        .withHeader("Authorization", equalTo("Basic b3BzOnNlY3JldA==")).withHeader("Cookie", equalTo("session=1")));
    stubs.verify(getRequestedFor(urlPathEqualTo("/landing"))
        .withHeader("Authorization", absent()).withHeader("Cookie", absent()).withHeader("X-Trace", equalTo("on")));
  }
}
