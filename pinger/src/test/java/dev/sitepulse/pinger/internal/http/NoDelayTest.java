package dev.sitepulse.pinger.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.pinger.PingSettings;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With Nagle's algorithm on, a request written right after the TLS handshake waited for the
 * server's delayed ACK: some 40 ms on every https check. Timing that would be flaky; the socket's
 * own option, read off the connection a request went out on, is not.
 */
class NoDelayTest {

  @RegisterExtension static WireMockExtension server =
      WireMockExtension.newInstance().options(options().dynamicPort().dynamicHttpsPort()).build();

  private final OkHttpClient cleartext = HttpClients.cleartext(PingSettings.DEFAULTS);

  /** TCP_NODELAY of the socket the request to {@code url} was sent on. */
  private static boolean noDelayOfSocketUsed(OkHttpClient client, String url) throws IOException {
    server.stubFor(get("/ok").willReturn(aResponse().withStatus(200).withBody("ok")));
    AtomicReference<Boolean> noDelay = new AtomicReference<>();
    OkHttpClient recording = client.newBuilder().addNetworkInterceptor(chain -> {
      noDelay.set(chain.connection().socket().getTcpNoDelay());
      return chain.proceed(chain.request());
    }).build();
    try (Response r = recording.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    return noDelay.get();
  }

  @Test
  void aPlainHttpRequestGoesOutOnASocketWithNaglesAlgorithmOff() throws IOException {
    assertThat(noDelayOfSocketUsed(cleartext, "http://127.0.0.1:" + server.getPort() + "/ok")).isTrue();
  }

  @Test
  void anHttpsRequestGoesOutOnASocketWithNaglesAlgorithmOffUnderItsTls() throws IOException {
    OkHttpClient tls = HttpClients.trustingAll(cleartext);

    assertThat(noDelayOfSocketUsed(tls, "https://127.0.0.1:" + server.getHttpsPort() + "/ok")).isTrue();
  }
}
