package dev.sitepulse.pinger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

class FetcherTest {

  @RegisterExtension static WireMockExtension stubs = StubServer.extension();

  /**
   * Time enough for any fetch meant to be answered, on a machine as loaded as it gets: no test
   * waits it out. The timeouts tested here are of servers that never answer or never finish.
   */
  private static final Duration AMPLE = Duration.ofSeconds(60);

  private final Fetcher fetcher =
      Fetcher.create(8, AMPLE, 64 * 1024, "sitepulse-test", Map.of("Accept", "text/html"));

  @AfterEach
  void close() {
    fetcher.close();
  }

  private FetchResult fetch(String path) {
    return fetcher.fetch("http://127.0.0.1:" + stubs.getPort() + path).join();
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFetchItsCallerCancelsHangsUpAtOnceInsteadOfWaitingOutItsTimeout() throws Exception {
    // A server that reads the request and never answers; the fetch may wait an hour for it.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Fetcher patient = Fetcher.create(1, Duration.ofHours(1), 1024, "sitepulse-test", Map.of())) {
      CompletableFuture<FetchResult> fetch = patient.fetch("http://127.0.0.1:" + silent.getLocalPort() + "/");
      try (Socket exchange = silent.accept()) {
        fetch.cancel(false);

        // Returns when the client hangs up; before, it would have been in an hour.
        exchange.getInputStream().transferTo(OutputStream.nullOutputStream());
      }
    }
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
  void withNoBodyWantedAShortBodyKeepsTheConnectionAndALongOneIsLeftUnread() {
    String site = "http://127.0.0.1:" + stubs.getPort();
    try (Fetcher one = Fetcher.create(1, AMPLE, 1024, "sitepulse-test", Map.of())) {
      FetchResult page = one.fetch(site + "/site/index.html", CacheValidators.NONE, 0).join();
      FetchResult again = one.fetch(site + "/site/index.html", CacheValidators.NONE, 0).join();
      FetchResult big = one.fetch(site + "/big", CacheValidators.NONE, 0).join(); // 5 MiB
      FetchResult after = one.fetch(site + "/site/index.html", CacheValidators.NONE, 0).join();

      assertThat(List.of(page, again, big, after)).allSatisfy(r -> {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.failed()).isFalse();
      });
      assertThat(page.phases().connectNanos()).as("a new connection").isPositive();
      assertThat(again.phases().connectNanos()).as("the first one, reused").isZero();
      assertThat(after.phases().connectNanos()).as("a new one: the 5 MiB were not read").isPositive();
    }
  }

  @Test
  void aHeaderOkHttpRefusesFailsTheFetchAsDataInsteadOfLeavingItUnfinished() {
    try (Fetcher badAgent = Fetcher.create(8, AMPLE, 1024, "bot\u00e9", Map.of())) {
      FetchResult r = badAgent.fetch("http://127.0.0.1:" + stubs.getPort() + "/site/index.html")
          .join();

      assertThat(r.failed()).isTrue();
      assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
      assertThat(r.message()).startsWith("request rejected: Unexpected char 0xe9");
    }
  }

  @Test
  void aResponseOkHttpCannotReadIsAnInvalidResponseNotARejectedRequest() throws Exception {
    try (RawServer server = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\nabc")) {
      FetchResult r = fetcher.fetch(server.url("/")).join();

      assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
      assertThat(r.message()).startsWith("invalid HTTP response: ");
    }
  }

  @Test
  void aNegativeContentLengthIsAnInvalidResponseNamingTheHeaderNotOkHttpsComplaint() throws Exception {
    try (RawServer server = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\nhello")) {
      FetchResult r = fetcher.fetch(server.url("/")).join();

      assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
      assertThat(r.message()).isEqualTo(
          "invalid HTTP response: Content-Length \"-5\" is no length in the answer from " + server.url("/") + " (RFC 9112 §6.3)");
    }
  }

  @Test
  void twoContentLengthsThatDisagreeAreAnInvalidResponseNotAPageOfEitherLength() throws Exception {
    String reply = "HTTP/1.1 200 OK\r\nContent-Length: 50\r\nContent-Length: 5\r\n\r\nhello";
    try (RawServer server = RawServer.answering(reply)) {
      FetchResult r = fetcher.fetch(server.url("/")).join();

      assertThat(r.failed()).isTrue();
      assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
      assertThat(r.message()).isEqualTo(
          "invalid HTTP response: Content-Length 50 and 5 disagree in the answer from " + server.url("/") + " (RFC 9112 §6.3)");
    }
  }

  @Test
  void aStatusBelow100IsAnInvalidResponseNotAnUnansweredFetch() throws Exception {
    try (RawServer server = RawServer.answering("HTTP/1.1 000 OK\r\nContent-Length: 2\r\n\r\nok")) {
      FetchResult r = fetcher.fetch(server.url("/")).join();

      assertThat(r.failed()).isTrue();
      assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
      assertThat(r.message())
          .isEqualTo("invalid HTTP response: status 000 from " + server.url("/") + "; HTTP statuses start at 100");
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOutAsData() throws Exception {
    // Reads the request and never answers: the fetch times out however slowly the machine runs
    // (a server that answered after 4 s of a 2 s timeout was in time on a loaded one).
    try (RawServer server = RawServer.answeringThenStalling("");
        Fetcher quick = Fetcher.create(1, Duration.ofMillis(500), 1024, "sitepulse-test", Map.of())) {
      // A fetch that waited for the answer would run on: the minute is a bound, not a speed goal.
      FetchResult r = quick.fetch(server.url("/")).get(1, TimeUnit.MINUTES);

      assertThat(r.timedOut()).isTrue();
      assertThat(r.status()).isZero();
      assertThat(r.body()).isEmpty();
      assertThat(r.unanswered()).as("nothing came before the timeout").isTrue();
    }
  }

  @Test
  void aBodyThatStallsTimesOutAnsweredButIncomplete() throws Exception {
    // The head comes at once and the body never ends; the timeout is long enough for the head
    // to be read on a loaded machine, the one thing here that takes time.
    try (RawServer server = RawServer.answeringThenStalling(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n<p>");
        Fetcher quick = Fetcher.create(1, Duration.ofSeconds(5), 1024, "sitepulse-test", Map.of())) {
      FetchResult r = quick.fetch(server.url("/page")).join();

      assertThat(r.timedOut()).isTrue();
      assertThat(r.unanswered()).as("the head came").isFalse();
    }
  }

  @Test
  void aStreamFetchedWithoutItsBodyIsItsStatusNotATimeoutThoughItNeverEnds() throws Exception {
    // Chunked, so no length says how long it is; a radio stream or server-sent events never end.
    try (RawServer server = RawServer.answeringThenStalling(
            "HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
        Fetcher leaves = Fetcher.create(1, Duration.ofHours(1), 0, "sitepulse-test", Map.of())) {
      CompletableFuture<FetchResult> fetch = leaves.fetch(server.url("/live.mp3"));

      // Long before its hour's timeout: the minute is a bound on a loaded machine, not a speed goal.
      FetchResult r = fetch.get(1, TimeUnit.MINUTES);
      assertThat(r.failed()).as(r.message()).isFalse();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).isEmpty();
    }
  }

  @Test
  void aShortBodyOfUnknownLengthFetchedWithoutItIsReadToItsEndSoTheConnectionServesTheNextFetch() {
    stubs.stubFor(get("/short-chunked").willReturn(ok("body").withHeader("Transfer-Encoding", "chunked")));
    try (Fetcher leaves = Fetcher.create(1, AMPLE, 0, "sitepulse-test", Map.of())) {
      String url = "http://127.0.0.1:" + stubs.getPort() + "/short-chunked";

      assertThat(leaves.fetch(url).join().phases().connectNanos()).isPositive();
      assertThat(leaves.fetch(url).join().phases().connectNanos()).as("the same connection").isZero();
    }
  }

  @Test
  void aConditionalFetchSendsTheValidatorsAndAnUnchangedPageComesBackAs304WithoutABody() {
    stubs.stubFor(get("/versioned").atPriority(2).willReturn(ok("<p>v1</p>")
        .withHeader("ETag", "\"v1\"").withHeader("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT")));
    stubs.stubFor(get("/versioned").atPriority(1)
        .withHeader("If-None-Match", equalTo("\"v1\""))
        .withHeader("If-Modified-Since", equalTo("Tue, 01 Dec 2026 10:00:00 GMT"))
        .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));

    FetchResult first = fetch("/versioned");
    // Jetty's gzip marks the ETag ("v1--gzip") and takes the mark off If-None-Match again.
    assertThat(first.validators().etag()).startsWith("\"v1");
    assertThat(first.validators().lastModified()).isEqualTo("Tue, 01 Dec 2026 10:00:00 GMT");
    FetchResult again = fetcher.fetch(first.url(), first.validators()).join();

    assertThat(again.notModified()).isTrue();
    assertThat(again.failed()).isFalse();
    assertThat(again.body()).isEmpty();
    assertThat(fetch("/versioned").status()).as("no validators, no condition").isEqualTo(200);
  }

  @Test
  void aResponseWithoutValidatorsHasNone() {
    assertThat(fetch("/status/200").validators().any()).isFalse();
  }

  @Test
  void aRetryAfterTooLongForAnIntIsAVeryLongWaitNotARejectedRequest() {
    stubs.stubFor(get("/busy-for-ages").willReturn(aResponse().withStatus(503)
        .withHeader("Retry-After", "99999999999999999999")));

    FetchResult r = fetch("/busy-for-ages");

    assertThat(r.failed()).as(r.message()).isFalse();
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.retryAfter()).isGreaterThanOrEqualTo(Duration.ofDays(365));
  }

  @Test
  void aRetryAfterDateIsAWaitFromTheTimeOfTheClockTheFetcherWasGiven() {
    stubs.stubFor(get("/busy-until").willReturn(aResponse().withStatus(503)
        .withHeader("Retry-After", "Sun, 06 Dec 2026 12:02:00 GMT")));
    Clock noon = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);

    try (Fetcher atNoon = Fetcher.create(1, AMPLE, 1024, "sitepulse-test",
        OriginHeaders.everywhere(Map.of()), noon)) {
      FetchResult r = atNoon.fetch("http://127.0.0.1:" + stubs.getPort() + "/busy-until").join();

      assertThat(r.retryAfter()).isEqualTo(Duration.ofMinutes(2));
    }
  }

  @Test
  void retryAfterIsReadOnA429() {
    assertThat(fetch("/ratelimited").retryAfter()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aKeptAliveConnectionTheServerClosedMeanwhileIsReplacedNotReportedAsAnError() throws Exception {
    // Answers one request per connection, as HTTP/1.1 with keep-alive implied, then hangs up:
    // what a server does whose keep-alive timeout ran out while the connection idled.
    try (RawServer server = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")) {
      for (int i = 0; i < 3; i++) {
        FetchResult result = fetcher.fetch(server.url("/")).join();
        assertThat(result.failed()).as("fetch %d: %s", i + 1, result.message()).isFalse();
        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
      }
    }
  }

  @Test
  void connectionsAreKeptAliveBetweenFetchesToOneHost() {
    assertThat(fetch("/site/index.html").phases().connectNanos()).isPositive();
    assertThat(fetch("/site/faq.html").phases().connectNanos()).isZero();
  }
}
