package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl that reaches --max-pages ends once the fetches it started are handled: a robots.txt or
 * sitemap read under way is abandoned, not waited for. Each read here is held by the server until
 * the test ends, under a --timeout of an hour: a crawl that waited for it would hang until JUnit's
 * timeout, a safety net, and fail there.
 */
class PageLimitTest {

  private static final HeldResponses held = new HeldResponses();

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().extensions(held)).build();

  @TempDir Path data;

  /** A URL on the stub server by {@code host}: 127.0.0.1 and localhost are two hosts to a crawl. */
  private static String on(String host, String path) {
    return "http://" + host + ":" + site.getPort() + path;
  }

  private static void page(String path, String... hrefs) {
    StringBuilder body = new StringBuilder("<html><body>");
    for (String href : hrefs) {
      body.append("<a href=\"").append(href).append("\">link</a>\n");
    }
    site.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody(body.append("</body></html>").toString())));
  }

  /** Both hosts in scope; robots.txt and /sitemap.xml answer 404 unless held. */
  private CrawlConfig crawl(int maxPages, String... seeds) {
    return CrawlConfig.builder(List.of(seeds), data).maxPages(maxPages).delay(Duration.ZERO)
        .timeout(Duration.ofHours(1)).userAgent("sitepulse-test")
        .scope(Scope.REGEX, Pattern.compile("^http://(127\\.0\\.0\\.1|localhost):")).build();
  }

  private CompletableFuture<CrawlStats> inBackground(CrawlConfig config) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return Crawler.run(config, CrawlListener.NONE);
      } catch (CrawlException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private List<String> states() {
    return CrawlDbRows.column(data.resolve("crawl.db"), "SELECT url || ' ' || state FROM urls ORDER BY url");
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aRobotsTxtReadUnderWayWhenTheLimitIsReachedIsAbandonedAndItsHostsPageLeftForTheNextRun()
      throws Exception {
    // Both seeds' robots.txt reads start with the crawl. The limit is reached as the second fetch
    // starts, which waits for the seed's page, held until localhost's robots.txt is asked for: so
    // the read is under way, not cancelled before it was sent.
    String elsewhere = on("localhost", "/elsewhere.html");
    String seed = on("127.0.0.1", "/front.html");
    page("/front.html", "/second.html");
    page("/second.html");
    page("/elsewhere.html");
    CrawlStats limited;
    try (HeldResponses.Held robots = held.hold("localhost", "/robots.txt")) {
      CompletableFuture<CrawlStats> crawl;
      try (HeldResponses.Held front = held.hold("/front.html")) {
        crawl = inBackground(crawl(2, seed, elsewhere));
        robots.awaitAsked();
      }
      limited = crawl.get();
      assertThat(robots.wasAsked()).isTrue();
    }

    assertThat(limited.pages()).isEqualTo(2);
    assertThat(limited.queued()).as("localhost's page, left for the next run").isEqualTo(1);
    assertThat(states()).containsExactly(on("127.0.0.1", "/front.html") + " done",
        on("127.0.0.1", "/second.html") + " done", elsewhere + " queued");

    CrawlStats resumed = Crawler.run(crawl(0, seed), CrawlListener.NONE);

    assertThat(resumed.pages()).as("robots.txt read again, then the page").isEqualTo(1);
    assertThat(states()).allMatch(row -> row.endsWith(" done"));
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aSitemapReadUnderWayWhenTheLimitIsReachedIsAbandoned() throws Exception {
    // The sitemap read starts once robots.txt is read, as the seed's fetch does. The limit is
    // reached as the second fetch starts, once the seed's page, held until the sitemap is asked
    // for, is in: so the read is under way, not cancelled before it was sent.
    String seed = on("127.0.0.1", "/front.html");
    page("/front.html", "/second.html");
    page("/second.html", "/third.html");
    CrawlStats limited;
    LoggedLines log = LoggedLines.of("dev.sitepulse.crawler.internal.RobotsAndSitemaps");
    try (log; HeldResponses.Held sitemap = held.hold("/sitemap.xml")) {
      CompletableFuture<CrawlStats> crawl;
      try (HeldResponses.Held front = held.hold("/front.html")) {
        crawl = inBackground(crawl(2, seed));
        sitemap.awaitAsked();
      }
      limited = crawl.get();
      assertThat(sitemap.wasAsked()).isTrue();
    }

    assertThat(limited.pages()).isEqualTo(2);
    assertThat(states()).containsExactly(seed + " done", on("127.0.0.1", "/second.html") + " done",
        on("127.0.0.1", "/third.html") + " queued");
    assertThat(log.all()).as("an abandoned read is no failure, not even with -v")
        .noneMatch(m -> m.startsWith("could not read sitemap"));
  }
}
