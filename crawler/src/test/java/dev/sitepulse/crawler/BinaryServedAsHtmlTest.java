package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
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
        .timeout(AnsweredFetches.TIMEOUT).maxBodyBytes(1 << 20).maxDepth(0).build();
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
  void aShortPageWithTwoControlBytesInItsTitleIsAPageWhoseLinksAreRead() throws Exception {
    String page = "<html><title>a\u0001\u0002b</title><a href=\"/gone.html\">x</a></html>";
    site.stubFor(get("/title.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody(page.getBytes(StandardCharsets.UTF_8))));

    CrawlStats stats = crawl("/title.html");

    assertThat(stats.indexed()).isEqualTo(1);
    assertThat(stats.pagesBinary()).isZero();
    assertThat(CrawlDbRows.column(folder("/title.html").resolve("crawl.db"), "SELECT to_url FROM links"))
        .containsExactly(base() + "/gone.html");
  }

  @Test
  void aGzippedPageServedWithoutContentEncodingIsRecordedAsBinary() throws Exception {
    String page = "<html><title>Zipped</title><a href=\"/gone.html\">x</a></html>";
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(page.getBytes(StandardCharsets.UTF_8));
    }

    assertRecordedAsBinary("/zipped.html", zipped.toByteArray());
  }

  @Test
  void aPngServedAsTextHtmlIsRecordedAsBinary() throws Exception {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", png);

    assertRecordedAsBinary("/image.html", png.toByteArray());
  }

  /** Served as text/html, {@code body} is recorded as binary, and neither parsed nor indexed. */
  private void assertRecordedAsBinary(String path, byte[] body) throws Exception {
    site.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(body)));

    CrawlStats stats = crawl(path);

    assertThat(stats.indexed()).isZero();
    assertThat(stats.pagesBinary()).isEqualTo(1);
    assertThat(row(path)).containsExactly("200 0 binary content, not HTML, though served as text/html");
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
