package dev.sitepulse.pinger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sitepulse.pinger.Checks.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bodies still encoded after OkHttp: what a server sends unasked, or in answer to an
 * Accept-Encoding the user set. Checks and crawl fetches read them through the same code.
 */
class ContentEncodingsTest {

  @RegisterExtension static WireMockExtension stubs = StubServer.extension();

  private static final String HEALTH = "{\"status\":\"UP\",\"pad\":\"" + "x".repeat(200) + "\"}";
  private static final byte[] PAGE =
      "<html><title>Deflated</title><body>deflateword</body></html>".getBytes(StandardCharsets.UTF_8);

  private final Fetcher fetcher =
      Fetcher.create(8, Duration.ofSeconds(2), 64 * 1024, "sitepulse-test", Map.of("Accept", "text/html"));

  @AfterEach
  void close() {
    fetcher.close();
  }

  @Test
  void aFetchedDeflateBodyIsDecodedWithOrWithoutItsZlibWrapper() {
    stubs.stubFor(get("/deflate/zlib").willReturn(encoded("deflate", deflate(PAGE, false))));
    stubs.stubFor(get("/deflate/raw").willReturn(encoded("deflate", deflate(PAGE, true))));

    for (String path : new String[] {"/deflate/zlib", "/deflate/raw"}) {
      FetchResult r = fetch(path);
      assertThat(r.failed()).as("%s: %s", path, r.message()).isFalse();
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).isEqualTo(new String(PAGE, StandardCharsets.UTF_8));
    }
  }

  @Test
  void aBodyEncodedTwiceIsDecodedFromTheLastCodingItsHeaderLists() {
    // "deflate, gzip": deflated first, then gzipped. OkHttp decodes a lone gzip only.
    stubs.stubFor(get("/stacked").willReturn(encoded("deflate, Identity, gzip", gzip(deflate(PAGE, false)))));

    FetchResult r = fetch("/stacked");

    assertThat(r.failed()).as(r.message()).isFalse();
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(new String(PAGE, StandardCharsets.UTF_8));
  }

  @Test
  void codingsSentAsOneHeaderFieldEachAreDecodedAsOneList() {
    // Gzipped, then deflated. (Were gzip last, OkHttp would undo it alone and drop both fields.)
    stubs.stubFor(get("/stacked/fields").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withHeader("Content-Encoding", "gzip", "deflate").withBody(deflate(gzip(PAGE), false))));

    FetchResult r = fetch("/stacked/fields");

    assertThat(r.failed()).as(r.message()).isFalse();
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(new String(PAGE, StandardCharsets.UTF_8));
  }

  @Test
  void aBodyEncodedMoreTimesThanAnyServerWouldFailsSayingHowMany() {
    stubs.stubFor(get("/stacked/deep").willReturn(encoded("gzip, gzip, gzip, gzip", gzip(gzip(gzip(gzip(PAGE)))))));

    FetchResult r = fetch("/stacked/deep");

    assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
    assertThat(r.message()).isEqualTo(
        "the body is encoded 4 times over (Content-Encoding), more than sitepulse decodes (3)");
  }

  @Test
  void aDeflateBombIsCutAtTheBodyLimitAfterDecoding() {
    stubs.stubFor(get("/deflate/bomb").willReturn(encoded("deflate", deflate(new byte[50 << 20], false))));

    FetchResult r = fetch("/deflate/bomb");

    assertThat(r.truncated()).isTrue();
    assertThat(r.body()).hasSize(64 * 1024);
  }

  @Test
  void aFetchedBodyInAnUnreadableEncodingFailsAsAProtocolErrorInsteadOfBeingReadAsText() {
    stubs.stubFor(get("/brotli").willReturn(brotli()));
    stubs.stubFor(get("/deflate/garbage").willReturn(encoded("deflate", "not deflate at all".getBytes(StandardCharsets.UTF_8))));

    FetchResult br = fetch("/brotli");
    FetchResult garbage = fetch("/deflate/garbage");

    assertThat(br.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
    assertThat(br.message()).isEqualTo(
        "the body is in Content-Encoding \"br\", which sitepulse cannot decode (it reads gzip and deflate)");
    assertThat(garbage.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
    assertThat(garbage.message()).isEqualTo("invalid HTTP response: the body is not valid deflate");
  }

  @Test
  void aBodyConditionReadsADeflateBodyDecodedAndTheByteCountIsTheDecodedOne() {
    stubs.stubFor(get("/health/deflate").willReturn(encoded("deflate", deflate(utf8(HEALTH), false))));

    CheckResult r = check(target("/health/deflate", Map.of(), "[BODY].status == UP"));

    assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.UP);
    assertThat(r.last().bodyBytes()).isEqualTo(HEALTH.length());
  }

  @Test
  void aGzipBodyAskedForInTheTargetsOwnHeadersIsDecodedForBodyConditions() {
    // A user's Accept-Encoding turns OkHttp's own gzip handling off: the body reaches us encoded.
    stubs.stubFor(get("/health/gzip").withHeader("Accept-Encoding", equalTo("gzip"))
        .willReturn(encoded("gzip", gzip(utf8(HEALTH)))));

    CheckResult r = check(target("/health/gzip", Map.of("Accept-Encoding", "gzip"), "[BODY].status == UP"));

    assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.UP);
    assertThat(r.last().bodyBytes()).isEqualTo(HEALTH.length());
  }

  @Test
  void aBodyConditionOnAnUnreadableEncodingFailsTheCheckSayingWhy() {
    stubs.stubFor(get("/health/brotli").willReturn(brotli()));

    CheckResult r = check(target("/health/brotli", Map.of(), "[BODY] == pat(*UP*)"));

    assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(r.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
    assertThat(r.message()).isEqualTo(
        "the body is in Content-Encoding \"br\", which sitepulse cannot decode (it reads gzip and deflate)");
  }

  @Test
  void aHeadOrANoContentAnswerThatNamesAnEncodingForItsAbsentBodyPasses() {
    stubs.stubFor(any(urlPathEqualTo("/gzip/none")).willReturn(aResponse().withStatus(204)
        .withHeader("Content-Encoding", "gzip")));

    CheckResult head = check(new Target(null, null, url("/gzip/none"), "HEAD", Map.of("Accept-Encoding", "gzip"),
        null, Duration.ofSeconds(5), 0, List.of(Condition.parse("[BODY] == pat(*)"))));
    CheckResult noContent = check(target("/gzip/none", Map.of("Accept-Encoding", "gzip"), "[BODY] == pat(*)"));

    assertThat(head.verdict()).as(head.message()).isEqualTo(Verdict.UP);
    assertThat(noContent.verdict()).as(noContent.message()).isEqualTo(Verdict.UP);
  }

  @Test
  void aBodyWronglyDeclaredGzipFailsOnlyTheChecksThatReadIt() {
    stubs.stubFor(get("/gzip/liar").willReturn(encoded("gzip", utf8("plain text, not gzip"))));

    CheckResult status = check(target("/gzip/liar", Map.of("Accept-Encoding", "gzip"), "[STATUS] == 200"));
    CheckResult body = check(target("/gzip/liar", Map.of("Accept-Encoding", "gzip"), "[BODY] == pat(*plain*)"));

    assertThat(status.verdict()).as(status.message()).isEqualTo(Verdict.UP);
    assertThat(body.errorKind()).isEqualTo(ErrorKind.PROTOCOL);
    assertThat(body.message()).isEqualTo("invalid HTTP response: the body is not valid gzip");
  }

  @Test
  void aCheckThatDoesNotReadTheBodyPassesWhateverItsEncodingAndCountsTheBytesAsSent() {
    stubs.stubFor(get("/status/brotli").willReturn(brotli()));

    CheckResult r = check(target("/status/brotli", Map.of(), "[STATUS] == 200"));

    assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.UP);
    assertThat(r.last().bodyBytes()).isEqualTo(4);
  }

  private FetchResult fetch(String path) {
    return fetcher.fetch(url(path)).join();
  }

  private static Target target(String path, Map<String, String> headers, String condition) {
    return new Target(null, null, url(path), null, headers, null, Duration.ofSeconds(5), 0,
        List.of(Condition.parse(condition)));
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + stubs.getPort() + path;
  }

  private static ResponseDefinitionBuilder brotli() {
    return encoded("br", new byte[] {0x1b, 0x03, 0x00, (byte) 0xf8});
  }

  private static ResponseDefinitionBuilder encoded(String encoding, byte[] body) {
    return aResponse().withHeader("Content-Type", "text/html").withHeader("Content-Encoding", encoding).withBody(body);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] deflate(byte[] data, boolean raw) {
    Deflater deflater = new Deflater(9, raw);
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    while (!deflater.finished()) {
      out.write(buf, 0, deflater.deflate(buf));
    }
    deflater.end();
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
