package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sitemap that robots.txt or a sitemap index names, and that cannot be read, is a warning: its
 * pages go unseen. The /sitemap.xml asked of every host, which most sites lack, is not.
 */
class NamedSitemapWarningTest {

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension otherHost = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  @TempDir Path data;

  /** What the last of {@link #warningsOfACrawl} counted. */
  private CrawlStats stats;

  @Test
  void aNamedSitemapThatCannotBeReadIsWarnedOfAndTheGuessedOneIsNot() throws Exception {
    String base = "http://127.0.0.1:" + site.getPort();
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("User-agent: *\nAllow: /\nSitemap: " + base + "/gone.xml\nSitemap: " + base + "/index.xml\n")));
    site.stubFor(get("/index.xml").willReturn(aResponse().withHeader("Content-Type", "application/xml")
        .withBody("<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + "<sitemap><loc>" + base + "/page.xml</loc></sitemap></sitemapindex>")));
    site.stubFor(get("/page.xml").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body>Not found, but said with a 200</body></html>")));
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>home</p>")));

    assertThat(warningsOfACrawl(base + "/", 10))
        .containsExactlyInAnyOrder(
            "sitemap " + base + "/gone.xml, named in robots.txt of " + base + ", could not be read: status 404",
            "sitemap " + base + "/page.xml, named in sitemap index " + base + "/index.xml, could not be read:"
                + " not a sitemap, sitemap index or feed (text/html)");
  }

  @Test
  void aNamedSitemapOnAHostWhoseRobotsTxtCannotBeReadIsWarnedOfByName() throws Exception {
    // It went unread with no word of it: only the other host's robots.txt was named.
    String base = "http://127.0.0.1:" + site.getPort();
    String other = sitemapOnAnotherHostWhoseRobotsTxtFails();

    assertThat(warningsOfACrawl(base + "/", 10)).contains("sitemap " + other + "/pages.xml, named in robots.txt of "
        + base + ", is not read: robots.txt of " + other + " could not be read; it is left for a later run");
    otherHost.verify(0, getRequestedFor(urlEqualTo("/pages.xml")));
  }

  @Test
  void aSitemapLeftUnreadWithItsHostsRobotsTxtIsCountedAndTheHostClaimsNoUrlsQueued() throws Exception {
    // The host's warning said "its URLs are left queued" though none were, and no count had the sitemap.
    String base = "http://127.0.0.1:" + site.getPort();
    String other = sitemapOnAnotherHostWhoseRobotsTxtFails();

    List<String> warnings = warningsOfACrawl(base + "/", 10);

    assertThat(warnings).filteredOn(w -> w.startsWith("robots.txt of " + other + " could not be read"))
        .singleElement().asString().endsWith("; not crawling that host").doesNotContain("queued");
    assertThat(stats.sitemapsOnHostsWithoutRobotsTxt()).isEqualTo(1);
    assertThat(stats.queued()).isZero();
  }

  @Test
  void aSitemapThatBreaksOffIsOneWarningSayingWhatNamedItAndWhatWasKeptBeforeTheBreak() throws Exception {
    String base = "http://127.0.0.1:" + site.getPort();
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("Sitemap: " + base + "/cut.xml\nSitemap: " + base + "/empty.xml\n")));
    site.stubFor(get("/cut.xml").willReturn(aResponse().withHeader("Content-Type", "application/xml")
        .withBody("<?xml version='1.0'?><urlset><url><loc>" + base + "/a</loc></url><url><loc>" + base + "/b</loc></url><u")));
    site.stubFor(get("/empty.xml").willReturn(aResponse().withHeader("Content-Type", "application/xml")
        .withBody("<?xml version='1.0'?><urlset><url><lo")));
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>home</p>")));
    site.stubFor(get("/a").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>a</p>")));
    site.stubFor(get("/b").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>b</p>")));

    List<String> warnings = warningsOfACrawl(base + "/", 10);

    assertThat(warnings).containsExactlyInAnyOrder(
        "sitemap " + base + "/cut.xml, named in robots.txt of " + base + ", breaks off (XML document structures"
            + " must start and end within the same entity): the 2 URLs before the break are kept",
        "sitemap " + base + "/empty.xml, named in robots.txt of " + base + ", breaks off (XML document structures"
            + " must start and end within the same entity): no URL before the break, so nothing of it is read");
    site.verify(getRequestedFor(urlEqualTo("/b")));
  }

  @Test
  void aGzipSitemapCutOffPartWayKeepsTheUrlsBeforeTheCutWithOneWarningSayingItIsCut() throws Exception {
    // A sitemap index naming a .xml.gz that a server cut off (or --max-body did) gave nothing,
    // with a warning calling it "not gzip".
    String base = "http://127.0.0.1:" + site.getPort();
    byte[] gzip = gzip(urlsetOf200Pages(base));
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("Sitemap: " + base + "/pages.xml.gz\n")));
    site.stubFor(get("/pages.xml.gz").willReturn(aResponse().withHeader("Content-Type", "application/gzip")
        .withBody(java.util.Arrays.copyOf(gzip, gzip.length / 2))));
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>home</p>")));

    List<String> warnings = warningsOfACrawl(base + "/", 10);

    assertThat(warnings).singleElement().asString().matches("sitemap " + java.util.regex.Pattern.quote(base)
        + "/pages\\.xml\\.gz, named in robots\\.txt of .*, breaks off \\(the gzip data is cut off\\): the \\d+ URLs before the break are kept");
    site.verify(getRequestedFor(urlEqualTo("/p0")));
  }

  @Test
  void aSitemapCutAtMaxBodySaysTheCutIsTheCrawlsNotTheSitesXml() throws Exception {
    // A whole 20 MB sitemap cut at the default 10 MiB "broke off (XML document structures must
    // start and end within the same entity)", blaming the site, with no word of --max-body.
    String base = "http://127.0.0.1:" + site.getPort();
    String whole = urlsetOf200Pages(base);
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("Sitemap: " + base + "/pages.xml\nSitemap: " + base + "/pages.xml.gz\n")));
    site.stubFor(get("/pages.xml").willReturn(aResponse().withHeader("Content-Type", "application/xml")
        .withBody(whole)));
    byte[] gzip = gzip(whole);
    site.stubFor(get("/pages.xml.gz").willReturn(aResponse().withHeader("Content-Type", "application/gzip")
        .withBody(gzip)));
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>home</p>")));

    List<String> warnings = LoggedLines.warnedDuring("dev.sitepulse.crawler.internal.RobotsAndSitemaps",
        () -> Crawler.run(CrawlConfig.builder(List.of(base + "/"), data).delay(Duration.ZERO).maxDepth(1)
            .maxBodyBytes(gzip.length / 2).userAgent("sitepulse-test").build(), CrawlListener.NONE));

    String cut = ", named in robots\\.txt of .*, breaks off \\(cut at --max-body, " + gzip.length / 2
        + " bytes read; raise --max-body to read it whole\\): the \\d+ URLs before the break are kept";
    assertThat(warnings).filteredOn(w -> w.contains("breaks off")).satisfiesExactlyInAnyOrder(
        w -> assertThat(w).matches("sitemap " + java.util.regex.Pattern.quote(base) + "/pages\\.xml" + cut),
        w -> assertThat(w).matches("sitemap " + java.util.regex.Pattern.quote(base) + "/pages\\.xml\\.gz" + cut));
  }

  @Test
  void aSitemapThatBreaksOffIsParsedOnceSoTheParsersOwnWarningsAreNotRepeated() throws Exception {
    // With -v the cli shows crawler-commons' own lines: each came twice, from a strict and a partial read.
    String base = "http://127.0.0.1:" + site.getPort();
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("Sitemap: " + base + "/cut.xml\n")));
    site.stubFor(get("/cut.xml").willReturn(aResponse().withHeader("Content-Type", "application/xml")
        .withBody("<?xml version='1.0'?><urlset><url><loc>" + base + "/a</loc></url><u")));
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>home</p>")));
    site.stubFor(get("/a").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>a</p>")));
    List<String> warnings;
    List<String> parsed;
    try (LoggedLines parser = LoggedLines.of("crawlercommons.sitemaps")) {
      warnings = warningsOfACrawl(base + "/", 10);
      parsed = parser.atLeast(Level.INFO);
    }

    assertThat(warnings).hasSize(1);
    assertThat(parsed).doesNotHaveDuplicates();
    site.verify(getRequestedFor(urlEqualTo("/a")));
  }

  @Test
  void atMaxDepthZeroTheSeedsHostsSitemapsAreNotRead() throws Exception {
    String base = "http://127.0.0.1:" + site.getPort();
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("Sitemap: " + base + "/cut.xml\n")));
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>home</p>")));

    assertThat(warningsOfACrawl(base + "/", 0)).isEmpty();
    site.verify(0, getRequestedFor(urlEqualTo("/cut.xml")));
    site.verify(0, getRequestedFor(urlEqualTo("/sitemap.xml")));
  }

  /** The site's robots.txt names /pages.xml on the other host, whose robots.txt answers 500; returns that host. */
  private String sitemapOnAnotherHostWhoseRobotsTxtFails() {
    String other = "http://127.0.0.1:" + otherHost.getPort();
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("Sitemap: " + other + "/pages.xml\n")));
    site.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>home</p>")));
    otherHost.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(500)));
    return other;
  }

  private List<String> warningsOfACrawl(String seed, int maxDepth) throws Exception {
    return LoggedLines.warnedDuring("dev.sitepulse.crawler.internal.RobotsAndSitemaps",
        () -> stats = Crawler.run(CrawlConfig.builder(List.of(seed), data).delay(Duration.ZERO).maxDepth(maxDepth)
            .userAgent("sitepulse-test").build(), CrawlListener.NONE));
  }

  /** A whole sitemap of the pages /p0 to /p199 of {@code base}. */
  private static String urlsetOf200Pages(String base) {
    StringBuilder urlset = new StringBuilder("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>");
    for (int i = 0; i < 200; i++) {
      urlset.append("<url><loc>").append(base).append("/p").append(i).append("</loc></url>");
    }
    return urlset.append("</urlset>").toString();
  }

  private static byte[] gzip(String text) throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
