package dev.sitepulse.pinger.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.FetchResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A crawler's fetch keeps the same promise as a check: its timeout counts from when it was made. */
class FetchRunTest {

  private static final long MS = 1_000_000L;

  @RegisterExtension static WireMockExtension server =
      WireMockExtension.newInstance().options(options().dynamicPort()).build();

  private final AtomicLong now = new AtomicLong(1_000 * MS);
  @RegisterExtension final CleartextClient client = new CleartextClient();

  @Test
  void aFetchWhoseWorkerRanItOnlyAfterItsWholeTimeoutTimesOutWithoutSendingAnything() {
    server.stubFor(get("/ok").willReturn(aResponse().withStatus(200).withBody("ok")));
    FetchRun run = new FetchRun(url -> client.get(), "http://127.0.0.1:" + server.getPort() + "/ok", Map.of(),
        Duration.ofSeconds(2), 1 << 20, "test", Clock.systemUTC(), now::get);
    now.addAndGet(3_000 * MS);

    run.run();
    FetchResult r = run.result().join();

    // Before its first step on the network, as a check's: reported as a connect that timed out.
    assertThat(r.errorKind()).as(r.message()).isEqualTo(ErrorKind.CONNECT_TIMEOUT);
    assertThat(r.message()).endsWith("timed out after 2s");
    assertThat(r.phases().totalNanos()).isZero();
    server.verify(0, anyRequestedFor(anyUrl()));
  }
}
