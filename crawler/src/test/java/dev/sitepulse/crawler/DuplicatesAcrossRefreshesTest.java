package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two URLs with the same bytes: the one indexed stays the indexed one across refreshes, whichever
 * of the two a refresh happens to fetch first.
 */
class DuplicatesAcrossRefreshesTest {

  private static final HeldResponses held = new HeldResponses();

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1").extensions(held)).build();

  @TempDir Path data;

  private static final String INDEX = "<html><head><title>Home</title></head><body>"
      + "<a href='/a.html'>a</a> <a href='/b.html'>b</a></body></html>";
  private static final String SAME = "<title>Same</title><p>shared saffron text</p>";
  private static final String SAME_REWRITTEN = "<title>Same</title><p>shared turmeric text</p>";

  @Test
  void theIndexedCopyStaysIndexedWhenARefreshFetchesItsUnchangedDuplicateFirst() throws Exception {
    Pair pair = crawlWithACopy();

    site.resetAll();
    stub("/index.html", INDEX);
    stub(pair.original(), SAME);
    stub(pair.copy(), SAME);
    CrawlStats refresh = refreshHandlingTheCopyFirst(pair);

    assertStillTheCopy(pair, refresh, "saffron");
  }

  @Test
  void theIndexedCopyStaysIndexedWhenBothCopiesChangeAlikeAndARefreshFetchesTheOtherFirst() throws Exception {
    Pair pair = crawlWithACopy();

    site.resetAll();
    stub("/index.html", INDEX);
    stub(pair.original(), SAME_REWRITTEN);
    stub(pair.copy(), SAME_REWRITTEN);
    CrawlStats refresh = refreshHandlingTheCopyFirst(pair); // the copy's new bytes are parsed first

    assertStillTheCopy(pair, refresh, "turmeric");
    assertThat(search("saffron")).isEmpty();
  }

  @Test
  void aCopyThatChangedOtherwiseThanItsOriginalIsFetchedAgainOnceTheOriginalSettlesAndIsIndexed()
      throws Exception {
    Pair pair = crawlWithACopy();

    site.resetAll();
    stub("/index.html", INDEX);
    stub(pair.original(), SAME);
    stub(pair.copy(), "<title>Other</title><p>cumin</p>");
    CrawlStats refresh = refreshHandlingTheCopyFirst(pair); // parsed while the original may share its old bytes

    assertThat(search("saffron")).extracting(SearchHit::url).containsExactly(url(pair.original()));
    assertThat(search("cumin")).extracting(SearchHit::url).containsExactly(url(pair.copy()));
    assertThat(copies()).isEmpty();
    assertThat(refresh.removed()).isZero();
  }

  /** The paths of two pages with the same bytes: the one indexed, and its duplicate. */
  private record Pair(String original, String copy) {}

  /** A first crawl of a.html and b.html with the same bytes; which one is indexed is the fetch order's. */
  private Pair crawlWithACopy() throws Exception {
    stub("/index.html", INDEX);
    stub("/a.html", SAME);
    stub("/b.html", SAME);
    Crawler.run(config(CrawlStart.RESUME, 1), CrawlListener.NONE);
    List<String> copies = copies();
    assertThat(copies).hasSize(1);
    String copy = copies.get(0).split(" ")[0];
    String original = copies.get(0).split(" ")[1];
    return new Pair(original.substring(original.lastIndexOf('/')), copy.substring(copy.lastIndexOf('/')));
  }

  /** A refresh in which the copy's bytes are parsed and recorded first, however fast the machine. */
  private CrawlStats refreshHandlingTheCopyFirst(Pair pair) throws Exception {
    return OnePageFirst.crawl(config(CrawlStart.REFRESH, 4), held, pair.original(), url(pair.copy()));
  }

  private void assertStillTheCopy(Pair pair, CrawlStats refresh, String text) throws Exception {
    assertThat(search(text)).extracting(SearchHit::url).containsExactly(url(pair.original()));
    assertThat(copies()).containsExactly(url(pair.copy()) + " " + url(pair.original()));
    assertThat(refresh.removed()).as("no document taken out").isZero();
    assertThat(refresh.duplicates()).isEqualTo(1);
  }

  private List<String> copies() {
    return CrawlDbRows.column(data.resolve("crawl.db"),
        "SELECT url || ' ' || duplicate_of FROM urls WHERE duplicate_of IS NOT NULL");
  }

  private static void stub(String path, String html) {
    site.stubFor(get(path).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html; charset=utf-8").withBody(html)));
  }

  private List<SearchHit> search(String query) throws Exception {
    try (PageSearcher searcher = PageSearcher.open(data.resolve("index"))) {
      return searcher.search(query, 10).hits();
    }
  }

  private CrawlConfig config(CrawlStart start, int concurrency) {
    return CrawlConfig.builder(List.of(url("/index.html")), data).concurrency(concurrency).perHost(concurrency)
        .delay(Duration.ZERO).timeout(AnsweredFetches.TIMEOUT).maxBodyBytes(1 << 20).userAgent("sitepulse-test")
        .start(start).build();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + site.getPort() + path;
  }
}
