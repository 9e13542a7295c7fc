package dev.sitepulse.pinger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An attempt keeps the Content-Length the server sent apart from the bytes it read, as blackbox_exporter does. */
class ContentLengthTest {

  private static Attempt check(RawServer server) {
    return Checks.check(Target.of(server.url("/")).withTimeout(Duration.ofSeconds(5))).last();
  }

  @Test
  void theContentLengthHeaderIsKeptAlongsideTheBytesRead() throws IOException {
    try (RawServer server = RawServer.answering(
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")) {
      Attempt a = check(server);

      assertThat(a.contentLength()).isEqualTo(5);
      assertThat(a.bodyBytes()).isEqualTo(5);
    }
  }

  @Test
  void aChunkedBodyHasNoContentLength() throws IOException {
    try (RawServer server = RawServer.answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
        + "Connection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n")) {
      Attempt a = check(server);

      assertThat(a.contentLength()).isEqualTo(-1);
      assertThat(a.bodyBytes()).isEqualTo(5);
    }
  }

  @Test
  void aBodyThatStopsComingKeepsTheContentLengthItsHeadSent() throws IOException {
    try (RawServer server = RawServer.answeringThenStalling("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nab")) {
      // Time enough for the head to be read on a loaded machine (300 ms was not); the rest never comes.
      Attempt a = Checks.check(Target.of(server.url("/")).withTimeout(Duration.ofSeconds(5))).last();

      assertThat(a.verdict()).isEqualTo(Verdict.TIMEOUT);
      assertThat(a.contentLength()).as("the head came before the body stalled").isEqualTo(10);
      assertThat(a.bodyBytes()).isEqualTo(2);
    }
  }

  @Test
  void aServerThatNeverAnswersHasNoContentLength() throws IOException {
    try (RawServer server = RawServer.answeringThenStalling("")) {
      Attempt a = Checks.check(Target.of(server.url("/")).withTimeout(Duration.ofMillis(300))).last();

      assertThat(a.verdict()).isEqualTo(Verdict.TIMEOUT);
      assertThat(a.contentLength()).isEqualTo(-1);
    }
  }

  @Test
  void aLengthBesideATransferEncodingOrInAHeadRefusedIsNoContentLength() throws IOException {
    try (RawServer server = RawServer.answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
        + "Content-Length: 99\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n")) {
      assertThat(check(server).contentLength()).as("the chunks frame the body").isEqualTo(-1);
    }
    try (RawServer server = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n"
        + "Content-Length: 20\r\nConnection: close\r\n\r\n0123456789")) {
      Attempt a = check(server);
      assertThat(a.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
      assertThat(a.contentLength()).as("a head refused frames nothing").isEqualTo(-1);
    }
  }
}
