package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A body of binary bytes is not indexed whatever its Content-Type says; a page of text is. */
class BinaryServedAsHtmlTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort()).build();

  @TempDir Path data;

  private String base() {
    return "http://127.0.0.1:" + site.getPort();
  }

  private CrawlStats crawl(String path) throws Exception {
    CrawlConfig c = CrawlConfig.builder(List.of(base() + path), folder(path)).delay(Duration.ZERO)
        .timeout(Duration.ofSeconds(5)).maxBodyBytes(1 << 20).maxDepth(0).build();
    return Crawler.run(c, CrawlListener.NONE);
  }

  /** A crawl folder of each seed's own. */
  private Path folder(String path) {
    return data.resolve(path.substring(1));
  }

  private List<String> row(String path) {
    return CrawlDbRows.column(folder(path).resolve("crawl.db"),
        "SELECT status || ' ' || indexed || ' ' || IFNULL(message, '') FROM urls WHERE url = '" + base() + path + "'");
  }

  @Test
  void randomBytesServedAsTextHtmlAreRecordedAsBinaryAndNotIndexed() throws Exception {
    byte[] noise = new byte[20_000];
    new Random(27).nextBytes(noise);
    site.stubFor(get("/noise.html").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(noise)));

    CrawlStats stats = crawl("/noise.html");

    assertThat(stats.indexed()).isZero();
    assertThat(row("/noise.html")).containsExactly("200 0 binary content, not HTML, though served as text/html");
  }

  @Test
  void aPageWithAStrayControlCharacterIsStillIndexed() throws Exception {
    String page = "<html><head><title>Stray</title></head><body><p>A form\u0001feed slipped in\u0000 here.</p>"
        + "<p>" + "Words of an ordinary page. ".repeat(20) + "</p></body></html>";
    site.stubFor(get("/stray.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody(page.getBytes(StandardCharsets.UTF_8))));

    assertThat(crawl("/stray.html").indexed()).isEqualTo(1);
  }

  @Test
  void aUtf16PageIsIndexedThoughItsBytesHoldNuls() throws Exception {
    String page = "<html><head><title>Sechzehn</title></head><body><p>"
        + "Eine Seite in UTF-16, ohne Byte-Order-Mark. ".repeat(20) + "</p></body></html>";
    site.stubFor(get("/utf16.html").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=UTF-16LE")
        .withBody(page.getBytes(StandardCharsets.UTF_16LE))));
    site.stubFor(get("/bom.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody(page.getBytes(StandardCharsets.UTF_16)))); // big-endian, with its BOM

    assertThat(crawl("/utf16.html").indexed()).isEqualTo(1);
    assertThat(crawl("/bom.html").indexed()).isEqualTo(1);
  }
}
