package dev.sitepulse.pinger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 204, 205 or 304 has no body whatever its head says (RFC 9112 §6.3), yet servers send one with
 * a Content-Length (for a 304, RFC 9110 allows it: the length the full response would have had).
 * OkHttp refuses a 204 or 205 for it and waits for a 304's announced bytes; curl reads the status
 * and an empty body, and so does a check or a fetch.
 */
class StrayContentLengthTest {

  private static final String NOT_MODIFIED =
      "HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\nETag: \"v1\"\r\n\r\n";
  private static final String NO_CONTENT = "HTTP/1.1 204 No Content\r\nContent-Length: 10\r\nX-Seen: yes\r\n\r\n";

  @Test
  void aNoContentAnswerWithAContentLengthIsItsStatusWithAnEmptyBody() throws Exception {
    try (RawServer server = RawServer.answering(NO_CONTENT)) {
      Attempt a = Checks.check(Checks.withConditions(server.url("/"),
          "[STATUS] == 204", "len([BODY]) == 0", "[HEADER].X-Seen == yes")).last();

      assertThat(a.errorKind()).isNull();
      assertThat(a.verdict()).isEqualTo(Verdict.UP);
      assertThat(a.message()).isEqualTo("204 No Content");
      assertThat(a.hops()).extracting(Hop::status).containsExactly(204);
      assertThat(a.bodyBytes()).isZero();
      assertThat(a.conditions()).allMatch(ConditionResult::success);
      assertThat(a.phases().totalNanos()).isPositive();
    }
  }

  @Test
  void aResetContentAnswerWithAContentLengthIsItsStatusToo() throws Exception {
    try (RawServer server = RawServer.answering("HTTP/1.1 205 Reset Content\r\nContent-Length: 3\r\n\r\n")) {
      Attempt a = Checks.check(Checks.withConditions(server.url("/"), "[STATUS] == 205")).last();

      assertThat(a.verdict()).isEqualTo(Verdict.UP);
      assertThat(a.message()).isEqualTo("205 Reset Content");
      assertThat(a.bodyBytes()).isZero();
    }
  }

  @Test
  void aFetchOfANoContentAnswerWithAContentLengthIsItsStatusWithNoBody() throws Exception {
    try (RawServer server = RawServer.answering(NO_CONTENT);
        Fetcher fetcher = Fetcher.create(1, Checks.AMPLE, 1024, "sitepulse-test", Map.of())) {
      FetchResult r = fetcher.fetch(server.url("/")).join();

      assertThat(r.failed()).isFalse();
      assertThat(r.status()).isEqualTo(204);
      assertThat(r.body()).isEmpty();
    }
  }

  @Test
  void aNoContentAnswerFramedAsChunkedIsItsStatusNotAWaitForAChunk() throws Exception {
    // OkHttp throws for a 204's Content-Length, but takes a chunked one at its word and waits for
    // the first chunk's size, which never comes: the check timed out.
    try (RawServer server = RawServer.answeringThenStalling(
        "HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n")) {
      Attempt a = Checks.check(Checks.withConditions(server.url("/"), "[STATUS] == 204")).last();

      assertThat(a.verdict()).isEqualTo(Verdict.UP);
      assertThat(a.message()).isEqualTo("204 No Content");
      assertThat(a.bodyBytes()).isZero();
    }
  }

  @Test
  void aNotModifiedAnswerWithAContentLengthIsItsStatusWithNoBody() throws Exception {
    try (RawServer server = RawServer.answering(NOT_MODIFIED)) {
      Attempt a = Checks.check(Checks.withConditions(server.url("/"), "[STATUS] == 304", "len([BODY]) == 0")).last();

      assertThat(a.errorKind()).isNull();
      assertThat(a.message()).isEqualTo("304 Not Modified");
      assertThat(a.bodyBytes()).isZero();
      assertThat(a.conditions()).allMatch(ConditionResult::success);
    }
  }

  @Test
  void aNotModifiedAnswerOnAConnectionKeptOpenIsNotWaitedOnNorItsConnectionReused() throws Exception {
    // The server sends the head and then nothing, serving one connection at a time until the
    // client hangs up: waiting for the announced bytes times out, and a second check sent on the
    // same connection would get no answer.
    try (RawServer server = RawServer.answeringThenStalling(NOT_MODIFIED);
        Pinger pinger = Pinger.create(Checks.FAST.withReuseConnections(true))) {
      Target target = Checks.withConditions(server.url("/"), "[STATUS] == 304");
      Attempt first = pinger.check(target).join().last();
      Attempt second = pinger.check(target).join().last();

      assertThat(List.of(first, second)).allSatisfy(a -> {
        assertThat(a.errorKind()).isNull();
        assertThat(a.message()).isEqualTo("304 Not Modified");
      });
      assertThat(server.requests()).isEqualTo(2);
    }
  }

  @Test
  void aRefetchWithValidatorsAnsweredNotModifiedWithAContentLengthIsNotModified() throws Exception {
    try (RawServer server = RawServer.answeringThenStalling(NOT_MODIFIED);
        Fetcher fetcher = Fetcher.create(1, Checks.AMPLE, 1024, "sitepulse-test", Map.of())) {
      CacheValidators seen = new CacheValidators("\"v1\"", "Tue, 01 Dec 2026 10:00:00 GMT");
      FetchResult first = fetcher.fetch(server.url("/"), seen).join();
      FetchResult again = fetcher.fetch(server.url("/"), seen).join();

      assertThat(List.of(first, again)).allSatisfy(r -> {
        assertThat(r.failed()).isFalse();
        assertThat(r.notModified()).isTrue();
        assertThat(r.body()).isEmpty();
      });
    }
  }

  @Test
  void aFinalSwitchingProtocolsAnswerWithAContentLengthIsItsStatusWithNoBody() throws Exception {
    try (RawServer server = RawServer.answeringThenStalling("HTTP/1.1 101 Switching Protocols\r\nContent-Length: 10\r\n\r\n")) {
      Attempt a = Checks.check(Checks.withConditions(server.url("/"), "[STATUS] == 101")).last();

      assertThat(a.message()).isEqualTo("101 Switching Protocols");
      assertThat(a.bodyBytes()).isZero();
    }
  }
}
