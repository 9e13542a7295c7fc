package dev.sitepulse.pinger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class OriginHeadersTest {

  private final OriginHeaders headers = OriginHeaders.credentialsFor(List.of("https://docs.example.org/start"),
      Map.of("Authorization", "Bearer t", "cookie", "s=1", "Accept-Language", "fr"));

  @Test
  void credentialsGoToTheOriginsTheyWereGivenForWhateverThePath() {
    assertThat(headers.forUrl("https://docs.example.org/deep/page.html"))
        .containsOnlyKeys("Authorization", "cookie", "Accept-Language");
    assertThat(headers.forUrl(HttpUrl.get("https://DOCS.example.org:443/robots.txt")))
        .as("the same origin spelled otherwise").containsKey("Authorization");
  }

  @Test
  void anotherSchemePortOrHostGetsEveryHeaderButTheCredentials() {
    for (String url : List.of("http://docs.example.org/", "https://docs.example.org:8443/",
        "https://example.org/", "https://evil.example/docs.example.org")) {
      assertThat(headers.forUrl(url)).as(url).containsOnly(Map.entry("Accept-Language", "fr"));
    }
  }

  @Test
  void aUrlThatDoesNotParseGetsNoCredentials() {
    assertThat(headers.forUrl("not a url")).containsOnlyKeys("Accept-Language");
  }

  @Test
  void headersMeantForEveryRequestSendTheirCredentialsNowhere() {
    OriginHeaders everywhere = OriginHeaders.everywhere(Map.of("Proxy-Authorization", "Basic x", "Accept", "*/*"));

    assertThat(everywhere.forUrl("http://127.0.0.1:8080/")).containsOnlyKeys("Accept");
  }

  @Test
  void aUrlsUserAndPasswordGoAsBasicAuthorizationToItsOriginOnlyWithTheOtherHeaders() {
    OriginHeaders seeds = OriginHeaders.credentialsFor(
        List.of("https://ops:s%C3%A9cret@docs.example.org/start", "https://docs.example.org/other",
            "https://blog.example.org/"), Map.of("Accept-Language", "fr"));

    assertThat(seeds.forUrl("https://docs.example.org/deep/page.html")).containsOnly(
        Map.entry("Authorization", "Basic b3BzOnPDqWNyZXQ="), Map.entry("Accept-Language", "fr"));
    for (String url : List.of("https://blog.example.org/", "http://docs.example.org/", "https://evil.example/")) {
      assertThat(seeds.forUrl(url)).as(url).containsOnly(Map.entry("Accept-Language", "fr"));
    }
  }

  @Test
  void anAuthorizationHeaderGivenReplacesTheUrlsUserAndPasswordAndTheFirstUserOfAnOriginIsTheOneSent() {
    OriginHeaders given = OriginHeaders.credentialsFor(List.of("http://ops:pw@127.0.0.1:8080/"),
        Map.of("authorization", "Bearer t"));
    OriginHeaders twoUsers = OriginHeaders.credentialsFor(
        List.of("http://127.0.0.1:8080/a", "http://ops:pw@127.0.0.1:8080/b", "http://dev:x@127.0.0.1:8080/c"),
        Map.of("Cookie", "s=1"));

    assertThat(given.forUrl("http://127.0.0.1:8080/x")).containsOnly(Map.entry("authorization", "Bearer t"));
    assertThat(twoUsers.forUrl("http://127.0.0.1:8080/x"))
        .containsOnly(Map.entry("Authorization", "Basic b3BzOnB3"), Map.entry("Cookie", "s=1"));
  }
}
