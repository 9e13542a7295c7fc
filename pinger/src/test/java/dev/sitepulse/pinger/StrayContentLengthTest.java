package dev.sitepulse.pinger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A 204 or 205 has no body whatever its head says (RFC 9112 §6.3), yet servers send one with a
 * Content-Length. OkHttp refuses the response for it; curl reads the status and an empty body,
 * and so does a check or a fetch.
 */
class StrayContentLengthTest {

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
        Fetcher fetcher = Fetcher.create(1, Duration.ofSeconds(5), 1024, "sitepulse-test", Map.of())) {
      FetchResult r = fetcher.fetch(server.url("/")).orTimeout(10, TimeUnit.SECONDS).join();

      assertThat(r.failed()).isFalse();
      assertThat(r.status()).isEqualTo(204);
      assertThat(r.body()).isEmpty();
    }
  }
}
