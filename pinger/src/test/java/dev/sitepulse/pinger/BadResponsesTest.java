package dev.sitepulse.pinger;

import static dev.sitepulse.pinger.Checks.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a check says about answers that are not HTTP: short, one line, nothing unprintable. */
class BadResponsesTest {

  @Test
  void binaryGarbageWithALineBreakIsNoStatusLineNotAScreenOfMojibake() throws Exception {
    String garbage = "\u008b\u001f\u0000\u00ffI\u00de\u0080\u0007\u00c3(".repeat(40) + "\n" + "\u00fe".repeat(500);
    try (RawServer server = RawServer.answering(garbage)) {
      CheckResult r = check(server.url("/"));
      assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
      assertThat(r.message())
          .isEqualTo("invalid HTTP response: no status line in what " + server.hostAndPort() + " sent");
    }
  }

  @Test
  void aTlsAlertInAnswerToPlainHttpSaysTheUrlShouldBeHttps() throws Exception {
    // What a JDK TLS server (Tomcat, Jetty) sends to "GET / HTTP/1.1": a fatal alert, whose
    // description unexpected_message (10) happens to be a line feed; handshake_failure (40) is not.
    for (String alert : new String[] {"\u0015\u0003\u0003\u0000\u0002\u0002\n", "\u0015\u0003\u0001\u0000\u0002\u0002\u0028"}) {
      try (RawServer server = RawServer.answering(alert)) {
        CheckResult r = check(server.url("/"));
        assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
        assertThat(r.message()).isEqualTo("invalid HTTP response: " + server.hostAndPort()
            + " answered in TLS (a TLS port? then the URL is https://)");
      }
    }
  }

  @Test
  void aFirstLineOfTextThatIsNotHttpIsQuotedButOnlyItsStart() throws Exception {
    try (RawServer server = RawServer.answering("SSH-2.0-OpenSSH_9.6 " + "x".repeat(500) + "\r\n")) {
      CheckResult r = check(server.url("/"));
      assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
      assertThat(r.message()).isEqualTo(
          "invalid HTTP response: bad status line \"SSH-2.0-OpenSSH_9.6 " + "x".repeat(20) + "…\"");
    }
  }

  @Test
  void controlCharactersInABadStatusLineAreEscaped() throws Exception {
    try (RawServer server = RawServer.answering("HTTP/1.1 2\u001b[2J0 OK\r\n\r\n")) {
      assertThat(check(server.url("/")).message())
          .isEqualTo("invalid HTTP response: bad status line \"HTTP/1.1 2\\x1b[2J0 OK\"");
    }
  }

  @Test
  void anInformationalStatusFollowedByABodySaysNoFinalResponseCameNotThatNoStatusLineDid() throws Exception {
    // OkHttp reads past a 1xx head for the final one, and the body after it is no status line:
    // with a line break it was quoted as a bad status line, without one "no status line" was said.
    for (String body : new String[] {"some body text", "some body text\r\n"}) {
      try (RawServer server = RawServer.answering("HTTP/1.1 199 Odd\r\n\r\n" + body)) {
        CheckResult r = check(server.url("/"));
        assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
        assertThat(r.message()).as("after %s", body.strip()).isEqualTo("invalid HTTP response: "
            + "an informational (1xx) status from " + server.hostAndPort() + " was not followed by a final response");
      }
    }
  }

  @Test
  void aConnectionClosedAfterAnInformationalStatusSaysSoNotThatNoResponseCame() throws Exception {
    // OkHttp reads past the 1xx head for the final one and meets the end of the stream instead.
    for (String interim : new String[] {"HTTP/1.1 100 Continue\r\n\r\n",
        "HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"}) {
      try (RawServer server = RawServer.answering(interim)) {
        CheckResult r = check(server.url("/"));
        assertThat(r.errorKind()).as(interim).isEqualTo(ErrorKind.RESET);
        assertThat(r.message()).as(interim).isEqualTo("connection closed by " + server.hostAndPort()
            + " after an informational (1xx) status, before the final response");
      }
    }
  }

  @Test
  void aFinalResponseAfterAnInformationalStatusIsTheAnswer() throws Exception {
    try (RawServer server = RawServer.answering("HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
        + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")) {
      CheckResult r = check(server.url("/"));
      assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.UP);
      assertThat(r.status()).isEqualTo(200);
    }
  }

  @Test
  void aNegativeContentLengthIsAnInvalidResponseNotARejectedRequest() throws Exception {
    // OkHttp takes the head, then throws IllegalArgumentException reading a body of -5 bytes.
    try (RawServer server = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\nabc")) {
      CheckResult r = check(server.url("/"));
      assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
      assertThat(r.status()).as("the status its head gave").isEqualTo(200);
      assertThat(r.message()).startsWith("invalid HTTP response: ").doesNotContain("request rejected");
    }
  }

  @Test
  void aChunkSizePastWhatALongHoldsIsSaidToBeAChunkSize() throws Exception {
    String reply = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\nabc\r\n0\r\n\r\n";
    try (RawServer server = RawServer.answering(reply)) {
      CheckResult r = check(server.url("/"));
      assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
      assertThat(r.message()).isEqualTo("invalid HTTP response: chunk size too large: fffffffffffffffff");
    }
  }

  @Test
  void headersOverOkHttpsLimitAreSaidToBeTooLargeNotMissing() throws Exception {
    String reply = "HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(1 << 20) + "\r\nContent-Length: 0\r\n\r\n";
    try (RawServer server = RawServer.answering(reply)) {
      CheckResult r = check(server.url("/"));
      assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
      assertThat(r.message())
          .isEqualTo("invalid HTTP response: response headers larger than OkHttp's limit (256 KiB)");
    }
  }

  @Test
  void manyShortHeadersPastOkHttpsLimitAreSaidToBeTooLargeOrCutNotMissing() throws Exception {
    StringBuilder reply = new StringBuilder("HTTP/1.1 200 OK\r\n");
    for (int i = 0; reply.length() < 300 * 1024; i++) {
      reply.append("X-Junk-").append(i).append(": ").append("v".repeat(40)).append("\r\n");
    }
    try (RawServer server = RawServer.answering(reply.append("Content-Length: 0\r\n\r\n").toString())) {
      CheckResult r = check(server.url("/"));
      assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
      assertThat(r.message())
          .isEqualTo("invalid HTTP response: response headers cut off, or larger than OkHttp's limit (256 KiB)");
    }
  }

  @Test
  void headersCutOffPartWayThroughAFieldNameSayAStatusLineCameAndTheHeadersWereCut() throws Exception {
    // Okio quotes only the unfinished line ("Content-Le"), which was taken for a missing status line.
    try (RawServer server = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Le")) {
      CheckResult r = check(server.url("/"));
      assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
      assertThat(r.message()).isEqualTo("invalid HTTP response: the headers from " + server.hostAndPort()
          + " were cut off after the status line");
    }
  }

  @Test
  void aRedirectLocationIsShownWithItsControlCharactersEscaped() throws Exception {
    String reply = "HTTP/1.1 302 Found\r\nLocation: ftp://x/\u001b[31mred\r\nContent-Length: 0\r\n\r\n";
    try (RawServer server = RawServer.answering(reply)) {
      assertThat(check(server.url("/")).message())
          .isEqualTo("redirect to an invalid location: ftp://x/\\x1b[31mred");
    }
  }

  @Test
  void aHugeReasonPhraseIsCutShort() throws Exception {
    String reply = "HTTP/1.1 200 " + "O".repeat(10_000) + "\r\nContent-Length: 0\r\n\r\n";
    try (RawServer server = RawServer.answering(reply)) {
      CheckResult r = check(server.url("/"));
      assertThat(r.verdict()).isEqualTo(Verdict.UP);
      assertThat(r.message()).startsWith("200 OOO").endsWith("…").hasSizeLessThanOrEqualTo(241);
    }
  }

  @Test
  void twoContentLengthsThatDisagreeAreAnInvalidResponseNamingTheUrl() throws Exception {
    // OkHttp frames the body by one of them; which one is read decides what the check sees.
    Map<String, String> heads = Map.of(
        "Content-Length: 50\r\nContent-Length: 5", "50 and 5", // two headers
        "Content-Length: 5, 50", "5 and 50"); // one header listing two
    for (Map.Entry<String, String> head : heads.entrySet()) {
      try (RawServer server = RawServer.answering("HTTP/1.1 200 OK\r\n" + head.getKey() + "\r\n\r\nhello")) {
        CheckResult r = check(server.url("/"));
        assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
        assertThat(r.status()).as("the status its head gave").isEqualTo(200);
        assertThat(r.message()).isEqualTo("invalid HTTP response: Content-Length " + head.getValue()
            + " disagree in the answer from " + server.url("/") + " (RFC 9112 §6.3)");
      }
    }
  }

  @Test
  void aContentLengthThatIsNoLengthIsAnInvalidResponseNamingTheHeaderAndTheUrl() throws Exception {
    for (String length : new String[] {"-5", "5x", "0x10"}) {
      try (RawServer server = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Length: " + length + "\r\n\r\nhello")) {
        CheckResult r = check(server.url("/"));
        assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
        assertThat(r.message()).isEqualTo("invalid HTTP response: Content-Length \"" + length
            + "\" is no length in the answer from " + server.url("/") + " (RFC 9112 §6.3)");
      }
    }
  }

  @Test
  void twoContentLengthsThatAgreeAreOneLength() throws Exception {
    String reply = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello";
    try (RawServer server = RawServer.answering(reply)) {
      CheckResult r = check(server.url("/"));
      assertThat(r.verdict()).isEqualTo(Verdict.UP);
      assertThat(r.last().bodyBytes()).isEqualTo(5);
    }
  }

  @Test
  void aBodyShorterThanItsContentLengthIsAConnectionClosedMidResponse() throws Exception {
    try (RawServer server = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly-a-bit")) {
      CheckResult r = check(server.url("/"));
      assertThat(r.errorKind()).isEqualTo(ErrorKind.RESET);
      assertThat(r.message())
          .isEqualTo("connection closed by " + server.hostAndPort() + " in the middle of the response");
      assertThat(r.last().bodyBytes()).as("what came of the body before the close").isEqualTo(10);
    }
  }

  @Test
  void aBodyThatStopsComingUntilTheTimeoutKeepsTheBytesThatCame() throws Exception {
    try (RawServer server = RawServer.answeringThenStalling("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nab")) {
      // Time enough for the head to be read on a loaded machine (300 ms was not); the rest never comes.
      CheckResult r = Checks.check(Target.of(server.url("/")).withTimeout(Duration.ofSeconds(5)));

      assertThat(r.verdict()).isEqualTo(Verdict.TIMEOUT);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.last().bodyBytes()).isEqualTo(2);
    }
  }

  @Test
  void aGzipBodyTooShortForAGzipHeaderIsNotValidGzip() throws Exception {
    String reply = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 5\r\n\r\nnotgz";
    try (RawServer server = RawServer.answering(reply)) {
      CheckResult r = check(server.url("/"));
      assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
      assertThat(r.message()).isEqualTo("invalid HTTP response: the body is not valid gzip");
    }
  }

  @Test
  void aStatusBelow100IsAnInvalidResponseNotAMissingOneThatConditionsSee() throws Exception {
    // OkHttp takes any three digits; a status of 000 would read as no response at all.
    for (String status : new String[] {"000", "099"}) {
      try (RawServer server = RawServer.answering("HTTP/1.1 " + status + " OK\r\nContent-Length: 2\r\n\r\nok")) {
        CheckResult r = check(Checks.withConditions(server.url("/"), "[STATUS] == " + status));
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
        assertThat(r.message()).isEqualTo("invalid HTTP response: status " + status + " from "
            + server.url("/") + "; HTTP statuses start at 100");
      }
    }
  }

  @Test
  void aStatusPast599IsOneConditionsCanAccept() throws Exception {
    // LinkedIn answers 999 to robots; a user may accept it, as docs/config.md says.
    try (RawServer server = RawServer.answering("HTTP/1.1 999 Request denied\r\nContent-Length: 2\r\n\r\nok")) {
      CheckResult r = check(Checks.withConditions(server.url("/"), "[STATUS] == 999"));
      assertThat(r.verdict()).isEqualTo(Verdict.UP);
      assertThat(r.status()).isEqualTo(999);
    }
  }
}
