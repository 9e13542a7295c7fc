package dev.sitepulse.pinger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static dev.sitepulse.pinger.Checks.check;
import static dev.sitepulse.pinger.Checks.withConditions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VerdictsTest {

  @RegisterExtension static WireMockExtension stubs = StubServer.extension();

  private static String url(String path) {
    return "http://127.0.0.1:" + stubs.getPort() + path;
  }

  @Test
  void aSuccessfulStatusIsUpWithItsStatusLineAsTheMessage() {
    CheckResult r = check(url("/status/200"));
    assertThat(r.verdict()).isEqualTo(Verdict.UP);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.message()).isEqualTo("200 OK");
    assertThat(r.errorKind()).isNull();
    assertThat(r.last().bodyBytes()).isEqualTo("200 OK".length());
  }

  @Test
  void aFailedLatencyConditionIsDegradedNotDown() {
    CheckResult r = check(withConditions(url("/status/200?sleep=300"), "[STATUS] == 200", "[RESPONSE_TIME] < 100"));
    assertThat(r.verdict()).isEqualTo(Verdict.DEGRADED);
    assertThat(r.message()).startsWith("condition failed: [RESPONSE_TIME] (");
  }

  @Test
  void aServerErrorIsDownByTheDefaultCondition() {
    CheckResult r = check(url("/status/500"));
    assertThat(r.verdict()).isEqualTo(Verdict.DOWN);
    assertThat(r.message()).isEqualTo("condition failed: [STATUS] (500) < 400");
  }

  @Test
  void aFailedBodyConditionIsDownEvenWhenLatencyAlsoFails() {
    CheckResult r = check(withConditions(url("/health/down"), "[RESPONSE_TIME] < 0", "[BODY].status == UP"));
    assertThat(r.verdict()).isEqualTo(Verdict.DOWN);
    assertThat(r.message()).contains("[BODY].status (DOWN) == UP");
    assertThat(r.last().conditions()).extracting(ConditionResult::success).containsExactly(false, false);
  }

  @Test
  void aJsonConditionOnABodyCutAtMaxBodySaysItWasCutNotThatItIsNoJson() {
    CheckResult r = check(Checks.FAST.withMaxBodyBytes(5), withConditions(url("/health"), "[BODY].status == UP"));
    assertThat(r.verdict()).isEqualTo(Verdict.DOWN);
    assertThat(r.message()).endsWith("[BODY].status == UP: body cut at max-body, not whole JSON: \"{\"sta\"");
  }

  @Test
  void withMaxBodyZeroAJsonConditionSaysTheBodyWasNotRead() {
    CheckResult r = check(Checks.FAST.withMaxBodyBytes(0), withConditions(url("/health"), "[BODY].status == UP"));
    assertThat(r.message()).endsWith("[BODY].status == UP: body not read (max-body is 0)");
  }

  @Test
  void aPatternThatFailsOnAMegabyteBodyIsDownNotATimeout() {
    // A backtracking matcher spent far longer than the 5 s timeout on this, inside the check.
    CheckResult r = check(withConditions(url("/big"), "[BODY] == pat(*line*body*Maintenance*)"));
    assertThat(r.verdict()).isEqualTo(Verdict.DOWN);
    assertThat(r.message()).startsWith("condition failed: [BODY] (sitepulse big body line");
  }

  @Test
  void jsonBodyAndHeaderConditionsHoldOnTheHealthEndpoint() {
    CheckResult r = check(withConditions(url("/health"),
        "[BODY].status == UP", "[BODY].checks[0].ok == true", "[HEADER].content-type == pat(*json*)",
        "len([BODY].checks) == 1", "[CONNECTED] == true", "[IP] == 127.0.0.1"));
    assertThat(r.last().conditions()).allMatch(ConditionResult::success);
    assertThat(r.verdict()).isEqualTo(Verdict.UP);
  }

  @Test
  void anIpv6PeerIsComparedInTheFormUrlsWriteAndReportedInBracketsBeforeItsPort() {
    // The JDK writes ::1 as 0:0:0:0:0:0:0:1, so [IP] == ::1 failed, and so did the address:port split.
    CheckResult r = check(withConditions("http://[::1]:" + stubs.getPort() + "/status/200", "[IP] == ::1"));

    assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.UP);
    assertThat(r.last().remoteAddress()).isEqualTo("[::1]:" + stubs.getPort());
    assertThat(check(withConditions(url("/status/200"), "[IP] == 127.0.0.1")).verdict()).isEqualTo(Verdict.UP);
  }

  @Test
  void aJsonBodyThatStartsWithAByteOrderMarkIsReadAsJsonAndAsTextWithoutIt() {
    // Some servers (IIS, .NET) send one; every JSON client and browser decodes it away.
    stubs.stubFor(get("/health/bom").willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '"', 's', '"', ':', '1', '}'})));

    CheckResult r = check(withConditions(url("/health/bom"), "[BODY].s == 1", "[BODY] == pat({*)"));

    assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.UP);
    assertThat(r.last().bodyBytes()).as("the bytes sent, the mark's too").isEqualTo(10);
  }

  @Test
  void aServerThatNeverAnswersTimesOutAtTheTimeout() throws Exception {
    try (RawServer silent = RawServer.answeringThenStalling("")) { // reads the request, answers nothing
      long start = System.nanoTime();
      // A check that waited for an answer would run on: the bound stops it, a bound for a loaded
      // machine and no speed goal (3 s of a 1 s timeout was, and a loaded machine went past it).
      CheckResult r = assertTimeoutPreemptively(Duration.ofSeconds(60),
          () -> check(Target.of(silent.url("/")).withTimeout(Duration.ofSeconds(1))));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(r.verdict()).isEqualTo(Verdict.TIMEOUT);
      assertThat(r.message()).isEqualTo("no response after 1s");
      // TOTAL counts from the connect, within the check's time, and the wait is in processing; how
      // much of the second the connect left depends on the machine's load (PhaseListenerTest and
      // PhasesAddUpTest time it on a clock of their own).
      Phases p = r.phases();
      assertThat(p.totalNanos()).isPositive().isLessThanOrEqualTo(took.toNanos());
      assertThat(p.processingNanos()).isPositive();
      assertThat(p.transferNanos()).isZero();
    }
  }

  @Test
  void anInterimContinueIsNoResponseSoAServerStillWorkingAfterItHasNotAnswered() throws Exception {
    // OkHttp reports the 100's head as the response starting; the final head never came.
    try (RawServer server = RawServer.answeringThenStalling("HTTP/1.1 100 Continue\r\n\r\n")) {
      CheckResult r = check(Target.of(server.url("/")).withTimeout(Duration.ofSeconds(1)));

      assertThat(r.verdict()).isEqualTo(Verdict.TIMEOUT);
      assertThat(r.message()).isEqualTo("no response after 1s");
    }
  }

  @Test
  void aTimeoutBelowAMillisecondIsNamedAsGivenNotAsZero() {
    CheckResult r = check(Target.of(url("/status/200")).withTimeout(Duration.ofNanos(1)));
    assertThat(r.errorKind()).isEqualTo(ErrorKind.CONNECT_TIMEOUT);
    assertThat(r.message()).isEqualTo("connect to 127.0.0.1:" + stubs.getPort() + " timed out after 1ns");
    // The server waits 20 s: on a warm pooled connection, /status/200 can answer within 250 us, and
    // a wait of 100 ms was one a loaded machine's timer could outlast.
    assertThat(check(Target.of(url("/status/200?sleep=20000")).withTimeout(Duration.ofNanos(250_000))).message())
        .endsWith(" after 250us");
  }

  @Test
  void aBodyThatDripsPastTheTimeoutTimesOutWhileReadingAndKeepsTheStatusThatCame() {
    // The head comes at once, the body over 5 s: 3 s leave a loaded machine time for the head.
    CheckResult r = check(Target.of(url("/drip")).withTimeout(Duration.ofSeconds(3)));
    assertThat(r.verdict()).isEqualTo(Verdict.TIMEOUT);
    assertThat(r.message()).isEqualTo("response not complete after 3s");
    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void anEmptyOrBlankUrlIsSaidToBeEmptyNotQuotedAsNothing() {
    // sitepulse ping "$URL" with URL unset: the row read "not an http(s) URL: " and ended there.
    for (String url : new String[] {"", "  "}) {
      CheckResult r = check(url);
      assertThat(r.errorKind()).isEqualTo(ErrorKind.INVALID_URL);
      assertThat(r.message()).isEqualTo("the URL is empty");
    }
  }

  @Test
  void aMalformedUrlIsAnInvalidUrlErrorNotAnException() {
    CheckResult r = check("not a url");
    assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(r.errorKind()).isEqualTo(ErrorKind.INVALID_URL);
    assertThat(r.message()).isEqualTo("not an http(s) URL: not a url");
    assertThat(r.last().hops()).isEmpty();
  }

  @Test
  void aPortOutsideTheRangeSaysSoInsteadOfCallingTheUrlNotHttp() {
    CheckResult r = check("http://127.0.0.1:99999/");
    assertThat(r.errorKind()).isEqualTo(ErrorKind.INVALID_URL);
    assertThat(r.message()).isEqualTo("port 99999 is outside 1 to 65535: http://127.0.0.1:99999/");
  }

  @Test
  void anUnknownHostIsADnsError() {
    CheckResult r = check("http://no-such-host.invalid/");
    assertThat(r.errorKind()).isEqualTo(ErrorKind.DNS);
    assertThat(r.message()).contains("no-such-host.invalid");
  }

  @Test
  void aClosedPortIsConnectRefused() {
    CheckResult r = check("http://127.0.0.1:1/");
    assertThat(r.errorKind()).isEqualTo(ErrorKind.CONNECT_REFUSED);
    assertThat(r.message()).isEqualTo("connection refused by 127.0.0.1:1");
  }

  @Test
  void aResetConnectionIsReset() {
    assertThat(check(url("/fault/reset")).errorKind()).isEqualTo(ErrorKind.RESET);
  }

  @Test
  void aConnectionClosedWithoutAResponseIsReset() {
    CheckResult r = check(url("/fault/empty"));
    assertThat(r.errorKind()).isEqualTo(ErrorKind.RESET);
    assertThat(r.message()).contains("without a response");
  }

  @Test
  void aBodyThatSaysItIsGzipAndIsNotIsAProtocolError() {
    CheckResult r = check(url("/fault/bad-gzip"));
    assertThat(r.errorKind()).as(r.message()).isEqualTo(ErrorKind.PROTOCOL);
    assertThat(r.message()).isEqualTo("invalid HTTP response: the body is not valid gzip");
  }

  @Test
  void aMalformedChunkIsAProtocolError() throws Exception {
    // Not WireMock's MALFORMED_RESPONSE_CHUNK: to a request with Connection: close, as checks send,
    // Jetty ends the body by closing instead of chunking it, and the garbage is then a plain body.
    try (RawServer server = RawServer.answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")) {
      CheckResult r = check(server.url("/"));
      assertThat(r.errorKind()).as(r.message()).isEqualTo(ErrorKind.PROTOCOL);
      assertThat(r.message()).startsWith("invalid HTTP response: ");
    }
  }

  @Test
  void garbageInsteadOfHttpIsAProtocolError() {
    CheckResult r = check(url("/fault/random"));
    assertThat(r.errorKind()).as(r.message()).isEqualTo(ErrorKind.PROTOCOL);
    assertThat(r.message())
        .isEqualTo("invalid HTTP response: no status line in what 127.0.0.1:" + stubs.getPort() + " sent");
  }

  @Test
  void aSelfSignedCertificateIsATlsError() {
    CheckResult r = check("https://127.0.0.1:" + stubs.getHttpsPort() + "/status/200");
    assertThat(r.errorKind()).isEqualTo(ErrorKind.TLS);
    assertThat(r.message()).isEqualTo("TLS handshake with 127.0.0.1:" + stubs.getHttpsPort()
        + " failed: the certificate is not signed by an authority this machine trusts (self-signed, or a private CA)");
  }

  @Test
  void httpsToAPlainHttpPortSaysTheServerDidNotAnswerInTls() {
    CheckResult r = check("https://127.0.0.1:" + stubs.getPort() + "/status/200");
    assertThat(r.errorKind()).isEqualTo(ErrorKind.TLS);
    assertThat(r.message()).isEqualTo("TLS handshake with 127.0.0.1:" + stubs.getPort()
        + " failed: the server did not answer in TLS (a plain HTTP port? then the URL is http://)");
  }

  @Test
  void insecureAcceptsTheCertificateAndStillReportsIt() {
    CheckResult r = check(Checks.FAST.withInsecure(true),
        Target.of("https://127.0.0.1:" + stubs.getHttpsPort() + "/status/200"));
    assertThat(r.verdict()).isEqualTo(Verdict.UP);
    TlsInfo tls = r.last().tls();
    assertThat(tls).isNotNull();
    assertThat(tls.version()).startsWith("TLSv1.");
    assertThat(tls.cipherSuite()).startsWith("TLS_");
    assertThat(tls.subject()).isNotBlank();
    assertThat(tls.notAfter()).isNotNull();
    assertThat(r.phases().tlsNanos()).isPositive();
  }

  @Test
  void aCertificateExpiringSoonerThanRequiredIsDegraded() {
    Target t = withConditions("https://127.0.0.1:" + stubs.getHttpsPort() + "/status/200",
        "[CERTIFICATE_EXPIRATION] > 100000d");
    CheckResult r = check(Checks.FAST.withInsecure(true), t);
    assertThat(r.verdict()).isEqualTo(Verdict.DEGRADED);
  }

  @Test
  void aRedirectLoopIsTooManyRedirectsAndSaysItIsALoop() {
    CheckResult r = check(url("/redirect/loop-a"));
    assertThat(r.errorKind()).isEqualTo(ErrorKind.TOO_MANY_REDIRECTS);
    assertThat(r.message()).startsWith("redirect loop");
    assertThat(r.last().hops()).hasSize(11);
  }
}
