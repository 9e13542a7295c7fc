package dev.sitepulse.pinger;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FetcherTest {

  @RegisterExtension static WireMockExtension stubs = StubServer.extension();

  private final Fetcher fetcher =
      Fetcher.create(8, Duration.ofSeconds(2), 64 * 1024, "sitepulse-test", Map.of("Accept", "text/html"));

  @AfterEach
  void close() {
    fetcher.close();
  }

  private FetchResult fetch(String path) {
    return fetcher.fetch("http://127.0.0.1:" + stubs.getPort() + path).join();
  }

  @Test
  void aPageComesBackWithItsBodyAndContentType() {
    FetchResult r = fetch("/site/index.html");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.mediaType()).isEqualTo("text/html");
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("<title>");
    assertThat(r.failed()).isFalse();
  }

  @Test
  void aRedirectIsNotFollowedButItsLocationIsGiven() {
    FetchResult r = fetch("/redirect/3");
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.location()).isEqualTo("/redirect/2");
  }

  @Test
  void aBodyPastTheLimitIsCutOffWhileStreaming() {
    FetchResult r = fetch("/big");
    assertThat(r.body()).hasSize(64 * 1024);
    assertThat(r.truncated()).isTrue();
  }

  @Test
  void aSlowServerTimesOutAsData() {
    FetchResult r = fetch("/status/200?sleep=4000");
    assertThat(r.timedOut()).isTrue();
    assertThat(r.status()).isZero();
    assertThat(r.body()).isEmpty();
  }

  @Test
  void retryAfterIsReadOnA429() {
    assertThat(fetch("/ratelimited").retryAfter()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void connectionsAreKeptAliveBetweenFetchesToOneHost() {
    assertThat(fetch("/site/index.html").phases().connectNanos()).isPositive();
    assertThat(fetch("/site/faq.html").phases().connectNanos()).isZero();
  }
}
