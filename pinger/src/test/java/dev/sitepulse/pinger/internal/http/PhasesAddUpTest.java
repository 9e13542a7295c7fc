package dev.sitepulse.pinger.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.pinger.Attempt;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Hop;
import dev.sitepulse.pinger.Phases;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The phases of a hop add up to its total, and the hops' totals to the attempt's, as curl's times
 * do. The clock moves a millisecond each time it is read, so every event, and every gap between
 * two, takes time that some phase must account for.
 */
class PhasesAddUpTest {

  private static final long MS = 1_000_000L;

  @RegisterExtension static WireMockExtension server =
      WireMockExtension.newInstance().options(options().dynamicPort()).build();

  private final AtomicLong now = new AtomicLong(1_000 * MS);
  @RegisterExtension final CleartextClient client = new CleartextClient();

  private ProbeRun prepare(String path, Duration timeout) {
    Target target = Target.of("http://127.0.0.1:" + server.getPort() + path).withTimeout(timeout);
    return new ProbeRun(url -> client.get(), target, 1, new ProbeOptions(1 << 20, 10, false, "test"),
        HopPermits.NONE, Clock.systemUTC(), () -> now.addAndGet(MS));
  }

  private static long phasesSummed(Phases p) {
    return p.dnsNanos() + p.connectNanos() + p.tlsNanos() + p.processingNanos() + p.transferNanos();
  }

  @Test
  void eachHopsPhasesAddUpToItsTotalAndTheHopsTotalsToTheAttempts() {
    server.stubFor(get("/from").willReturn(aResponse().withStatus(302).withHeader("Location", "/to")));
    server.stubFor(get("/to").willReturn(aResponse().withStatus(200).withBody("ok")));
    ProbeRun run = prepare("/from", Duration.ofSeconds(10));

    run.run();
    Attempt a = run.result().join();

    assertThat(a.verdict()).as(a.message()).isEqualTo(Verdict.UP);
    assertThat(a.hops()).hasSize(2);
    for (Hop hop : a.hops()) {
      assertThat(hop.phases().totalNanos()).as(hop.url()).isPositive().isEqualTo(phasesSummed(hop.phases()));
    }
    assertThat(a.phases().totalNanos())
        .isEqualTo(a.hops().stream().mapToLong(h -> h.phases().totalNanos()).sum())
        .isEqualTo(phasesSummed(a.phases()));
  }

  @Test
  void theTimeAnAttemptWaitedForItsWorkerIsNotInItsTotal() {
    server.stubFor(get("/ok").willReturn(aResponse().withStatus(200).withBody("ok")));
    ProbeRun run = prepare("/ok", Duration.ofSeconds(10));
    now.addAndGet(5_000 * MS); // made when the scheduler admitted it, run once a worker was free

    run.run();
    Attempt a = run.result().join();

    assertThat(a.verdict()).as(a.message()).isEqualTo(Verdict.UP);
    assertThat(a.phases().totalNanos()).isEqualTo(a.hops().get(0).phases().totalNanos())
        .isLessThan(5_000 * MS);
  }

  @Test
  void theTimeoutStillCountsFromWhenTheAttemptWasMadeNotFromWhenItRan() {
    server.stubFor(get("/ok").willReturn(aResponse().withStatus(200).withBody("ok")));
    ProbeRun run = prepare("/ok", Duration.ofSeconds(2));
    now.addAndGet(3_000 * MS); // its worker ran it only after its whole timeout

    run.run();
    Attempt a = run.result().join();

    // Out of time before its first step on the network: a connect that timed out, which took none.
    assertThat(a.verdict()).as(a.message()).isEqualTo(Verdict.ERROR);
    assertThat(a.errorKind()).isEqualTo(ErrorKind.CONNECT_TIMEOUT);
    assertThat(a.message()).endsWith("timed out after 2s");
    assertThat(a.phases().totalNanos()).isZero();
    server.verify(0, anyRequestedFor(anyUrl()));
  }
}
