package dev.sitepulse.pinger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StopTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance().options(
      WireMockConfiguration.options().dynamicPort()).build();

  @Test
  void aStoppedRunReturnsTheChecksFinishedSoFarWithoutWaitingForTheRest() {
    site.stubFor(get("/fast").willReturn(ok("ok")));
    site.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(20_000)));
    List<Target> targets = List.of(
        Target.of(site.url("/slow")).withTimeout(Duration.ofSeconds(30)),
        Target.of(site.url("/fast")).withTimeout(Duration.ofSeconds(30)));
    CompletableFuture<String> stop = new CompletableFuture<>();
    List<CheckResult> seen = Collections.synchronizedList(new ArrayList<>());

    List<CheckResult> results;
    try (Pinger pinger = Pinger.create(Checks.FAST)) {
      results = pinger.checkAll(targets, r -> {
        seen.add(r);
        stop.complete("INT"); // the user presses Ctrl-C once the fast check is in
      }, stop).results();
    }

    assertThat(results).extracting(r -> r.target().url()).containsExactly(site.url("/fast"));
    assertThat(seen).containsExactlyElementsOf(results);
  }

  @Test
  void stoppingSendingCancelsTheChecksStillWaitingForASlotAndLetsTheOneUnderWayFinish() throws Exception {
    // The server holds its answer until the stop is made: the check under way cannot finish and
    // hand its slot to the waiting one first, however slowly the machine runs.
    try (RawServer server = RawServer.answeringWhenReleased("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        Pinger pinger = Pinger.create(Checks.FAST.withConcurrency(1))) {
      // Timeouts and waits are bounds for a machine as loaded as it gets, never speed goals.
      Target slow = Target.of(server.url("/slow")).withTimeout(Duration.ofMinutes(1));
      CompletableFuture<CheckResult> underWay = pinger.check(slow);
      CompletableFuture<CheckResult> waiting = pinger.check(slow.withRetries(2));
      server.awaitRequest(Duration.ofMinutes(1));

      pinger.stopSending();
      server.release();

      assertThatThrownBy(() -> waiting.get(1, TimeUnit.MINUTES)).isInstanceOf(CancellationException.class);
      assertThat(underWay.get(1, TimeUnit.MINUTES).verdict()).isEqualTo(Verdict.UP);
      CompletableFuture<CheckResult> later = pinger.check(slow);
      assertThatThrownBy(() -> later.get(1, TimeUnit.MINUTES)).as("a check asked for after the stop")
          .isInstanceOf(CancellationException.class);
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  void aRunNeverStoppedReturnsEveryCheckInInputOrder() {
    site.stubFor(get("/a").willReturn(ok("a")));
    site.stubFor(get("/b").willReturn(aResponse().withStatus(200).withFixedDelay(200)));
    List<Target> targets = List.of(Target.of(site.url("/b")), Target.of(site.url("/a")));

    List<CheckResult> results;
    try (Pinger pinger = Pinger.create(Checks.FAST)) {
      results = pinger.checkAll(targets, r -> { }, new CompletableFuture<>()).results();
    }

    assertThat(results).extracting(r -> r.target().url()).containsExactly(site.url("/b"), site.url("/a"));
  }
}
