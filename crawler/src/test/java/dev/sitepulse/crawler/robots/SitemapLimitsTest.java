package dev.sitepulse.crawler.robots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.LoggedLines;
import dev.sitepulse.pinger.FetchResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A sitemap is read within the protocol's limits (sitemaps.org: 50,000 URLs and 50 MB uncompressed
 * per file), so that a hostile or broken server cannot fill the heap with one small gzip file.
 */
class SitemapLimitsTest {

  private static final byte[] URL_ENTRY =
      "<url><loc>https://docs.example/page</loc></url>\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void aSitemapListingMoreThanFiftyThousandUrlsYieldsTheFirstFiftyThousand() {
    Sitemaps.Entries entries = Sitemaps.read(fetched("application/xml", urlset(60_000, 0)));

    assertThat(entries.pages()).hasSize(50_000);
  }

  @Test
  void theWarningForASitemapPastFiftyThousandUrlsCountsEachUrlLeftOutOnce() {
    // crawler-commons asks the URL filter twice about an entry it refused; the warning said
    // 29,998 for the 10,000 of a 60,000-URL sitemap. Entries of one text are still counted apart.
    List<String> said;
    try (LoggedLines log = LoggedLines.of(Sitemaps.class)) {
      Sitemaps.read(fetched("application/xml", urlset(60_000, 0)));
      said = log.all();
    }

    assertThat(said).containsExactly(
        "https://docs.example/sitemap.xml lists 10000 URLs more than the 50000 a sitemap may hold; they are not read");
  }

  @Test
  void aGzipBombIsReadOnlyToFiftyMegabytesOfXml() {
    // 61 MB of XML in about 60 KB of gzip; the URLs are spread out by blank lines, so that the
    // first 50 MB hold fewer than 50,000 of them and the byte limit is what stops the reading.
    byte[] bomb = gzip(urlset(30_000, 2_000));
    assertThat(bomb.length).isLessThan(1 << 20);

    Sitemaps.Entries entries = Sitemaps.read(fetched("application/gzip", bomb));

    assertThat(entries.pages()).hasSizeBetween(25_000, 26_000); // 50 MiB / 2,049 bytes per entry
  }

  @Test
  void aSitemapCutOffByTheBodyLimitStillYieldsTheUrlsBeforeTheCut() {
    byte[] whole = urlset(100, 0);
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);

    Sitemaps.Entries entries = Sitemaps.read(fetched("application/xml", cut));

    assertThat(entries.pages()).hasSizeBetween(45, 50);
  }

  @Test
  void aGzipSitemapCutOffByTheBodyLimitStillYieldsTheUrlsBeforeTheCutAndSaysWhereItBroke() {
    byte[] whole = gzip(urlset(1_000, 0));
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);

    Sitemaps.Entries entries = Sitemaps.read(fetched("application/gzip", cut));

    assertThat(entries.problem()).isNull();
    assertThat(entries.pages()).hasSizeBetween(1, 999);
    assertThat(entries.brokenBy()).isEqualTo("the gzip data is cut off");
  }

  @Test
  void aGzipSitemapCutOffBeforeAnyXmlSaysSo() {
    byte[] cut = java.util.Arrays.copyOf(gzip(urlset(10, 0)), 12);

    assertThat(Sitemaps.read(fetched("application/gzip", cut)).problem()).isEqualTo("the gzip data is cut off");
  }

  @Test
  void aGzipSitemapCutOffBeforeItsRootElementSaysItIsCutNotThatItIsNoSitemap() {
    byte[] declared = gzip("<?xml version='1.0' encoding='UTF-8'?>\n".getBytes(StandardCharsets.UTF_8));
    byte[] cut = java.util.Arrays.copyOf(declared, declared.length - 8); // no trailer: cut before <urlset came

    // Before: "not a sitemap, sitemap index or feed (application/gzip)".
    assertThat(Sitemaps.read(fetched("application/gzip", cut)).problem()).isEqualTo("the gzip data is cut off");
  }

  @Test
  void aGzipFileHoldingAnotherGzipFileYieldsNothing() {
    Sitemaps.Entries entries = Sitemaps.read(fetched("application/gzip", gzip(gzip(urlset(10, 0)))));

    assertThat(entries.pages()).isEmpty();
  }

  /** {@code n} URL entries, the same URL each time, each followed by {@code padding} blank lines. */
  private static byte[] urlset(int n, int padding) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeUrlset(out, n, padding);
    return out.toByteArray();
  }

  private static void writeUrlset(OutputStream out, int n, int padding) {
    try {
      out.write("<?xml version='1.0' encoding='UTF-8'?>\n<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>\n"
          .getBytes(StandardCharsets.UTF_8));
      byte[] blank = "\n".repeat(padding).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < n; i++) {
        out.write(URL_ENTRY);
        out.write(blank);
      }
      out.write("</urlset>\n".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static FetchResult fetched(String contentType, byte[] body) {
    return new FetchResult("https://docs.example/sitemap.xml", 200, contentType, null, body, false, null, null,
        null, null, false, "200 OK");
  }
}
