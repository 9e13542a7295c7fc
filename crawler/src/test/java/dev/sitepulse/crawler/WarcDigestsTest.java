package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Each response record carries the SHA-1 digests CDX indexers and replay tools read: of the payload
 * (the body as served) and of the whole block, which a reader can check against what it reads.
 */
class WarcDigestsTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  @TempDir Path data;

  @Test
  void aResponseRecordCarriesThePayloadAndBlockDigestsOfWhatItHolds() throws Exception {
    String page = "<html><head><title>Digests</title></head><body>the page as served</body></html>";
    site.stubFor(get("/page.html").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(page)));
    Crawler.run(CrawlConfig.builder(List.of("http://127.0.0.1:" + site.getPort() + "/page.html"), data)
        .ignoreRobots(true).delay(Duration.ZERO).maxDepth(0).warc(true).build(), CrawlListener.NONE);

    WarcResponse response = null;
    byte[] block = null;
    try (Stream<Path> files = Files.list(data.resolve("warc"));
        WarcReader reader = new WarcReader(files.findFirst().orElseThrow())) {
      for (WarcRecord record : reader) {
        if (record instanceof WarcResponse r) {
          response = r;
          block = r.body().stream().readAllBytes();
        }
      }
    }

    assertThat(response).isNotNull();
    assertThat(response.payloadDigest()).contains(sha1(page.getBytes(StandardCharsets.UTF_8)));
    assertThat(response.blockDigest()).contains(sha1(block));
    assertThat(response.payloadDigest().orElseThrow().toString()).startsWith("sha1:");
  }

  private static WarcDigest sha1(byte[] bytes) throws Exception {
    return new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(bytes));
  }
}
