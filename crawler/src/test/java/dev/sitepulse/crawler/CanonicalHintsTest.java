package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** rel=canonical is a hint: it may move a page's text to another URL, never make it unfindable. */
class CanonicalHintsTest {

  @RegisterExtension
  static WireMockExtension site = StubSiteServer.builder().build();

  @TempDir Path data;

  private String base() {
    return "http://127.0.0.1:" + site.getPort();
  }

  private CrawlConfig crawl(Integer maxPages) {
    return crawl(maxPages, CrawlStart.RESUME);
  }

  private CrawlConfig crawl(Integer maxPages, CrawlStart start) {
    return new CrawlSpec(List.of(base() + "/c/start.html"), data.toString(), maxPages, 3, null, null,
        Pattern.compile("/c/"), null, null, 4, Duration.ZERO, AnsweredFetches.TIMEOUT, null, null, null, null)
        .toConfig(start);
  }

  private List<String> indexed() {
    return CrawlDbRows.column(data.resolve("crawl.db"), "SELECT url FROM urls WHERE indexed = 1 ORDER BY url");
  }

  private void page(String path, String canonical, String body) {
    site.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(
        "<html><head><link rel=canonical href=\"" + canonical + "\"></head><body>" + body + "</body></html>")));
  }

  @Test
  void aPageIsIndexedWhenItsCanonicalIsOutOfScopeOrPointsBackAtIt() throws Exception {
    page("/c/start.html", base() + "/c/start.html",
        "<a href=a.html>a</a> <a href=b.html>b</a> <a href=away.html>away</a> <a href=variant.html>v</a>");
    page("/c/a.html", base() + "/c/b.html", "alphaword");
    page("/c/b.html", base() + "/c/a.html", "bravoword");
    page("/c/away.html", "http://localhost:" + site.getPort() + "/elsewhere.html", "awayword");
    page("/c/variant.html", base() + "/c/start.html", "variantword");

    Crawler.run(crawl(null), CrawlListener.NONE);

    List<String> indexed = indexed();
    assertThat(indexed).as("the other host is out of scope: its page is never fetched")
        .contains(base() + "/c/away.html", base() + "/c/start.html")
        .doesNotContain(base() + "/c/variant.html");
    assertThat(indexed).as("a and b name each other: one of them stands for both")
        .containsAnyOf(base() + "/c/a.html", base() + "/c/b.html");
  }

  @Test
  void aPageIsIndexedItselfWhenItsCanonicalEndsWithoutADocument() throws Exception {
    page("/c/start.html", base() + "/c/start.html",
        "<a href=missing.html>m</a> <a href=private.html>p</a> <a href=moved.html>mv</a>");
    page("/c/missing.html", base() + "/c/gone.html", "missingword");
    page("/c/private.html", base() + "/c/noindex.html", "privateword");
    page("/c/moved.html", base() + "/c/old.html", "movedword");
    site.stubFor(get("/c/gone.html").willReturn(aResponse().withStatus(404)));
    site.stubFor(get("/c/noindex.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><head><meta name=robots content=noindex></head><body>hidden</body></html>")));
    site.stubFor(get("/c/old.html").willReturn(aResponse().withStatus(301).withHeader("Location", "/c/moved.html")));

    CrawlStats stats = Crawler.run(crawl(null), CrawlListener.NONE);

    assertThat(stats.pages()).as("each page counts once, though three were fetched twice").isEqualTo(7);
    assertThat(indexed()).as("a canonical that is missing, noindex or a redirect back leaves the text to the page")
        .contains(base() + "/c/missing.html", base() + "/c/private.html", base() + "/c/moved.html");
    site.verify(2, getRequestedFor(urlEqualTo("/c/missing.html")));
    site.verify(1, getRequestedFor(urlEqualTo("/c/gone.html")));
  }

  @Test
  void aPageThatRefreshesAtOnceToAnotherLeavesItsTextToIt() throws Exception {
    // rustdoc writes such a page for an item re-exported from a private module, and javadoc 23+
    // as its index.html: kept, 27 pages titled "Redirection" were in the index of Rust's std docs.
    page("/c/start.html", base() + "/c/start.html", "<a href=old.html>o</a> <a href=later.html>l</a>");
    site.stubFor(get("/c/old.html").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(
        "<html><head><meta http-equiv=\"refresh\" content=\"0;URL=new.html\"><title>Redirection</title></head>"
            + "<body><p>Redirecting to <a href=\"new.html\">new.html</a>...</p></body></html>")));
    page("/c/new.html", base() + "/c/new.html", "newword");
    site.stubFor(get("/c/later.html").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(
        "<html><head><meta http-equiv=\"refresh\" content=\"30; url=new.html\"></head><body>laterword</body></html>")));

    Crawler.run(crawl(null), CrawlListener.NONE);

    assertThat(indexed()).contains(base() + "/c/new.html").doesNotContain(base() + "/c/old.html");
    assertThat(indexed()).as("a refresh after a while shows the page first: no redirect").contains(base() + "/c/later.html");
  }

  @Test
  void aPageStillDefersToACanonicalThatIsAnExactDuplicateOfAnIndexedPage() throws Exception {
    page("/c/start.html", base() + "/c/start.html", "<a href=copy.html>c</a> <a href=variant.html>v</a>");
    site.stubFor(get("/c/copy.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><head><link rel=canonical href=\"" + base() + "/c/start.html\"></head><body>"
            + "<a href=copy.html>c</a> <a href=variant.html>v</a></body></html>")));
    page("/c/variant.html", base() + "/c/copy.html", "variantword");

    Crawler.run(crawl(null), CrawlListener.NONE);

    assertThat(indexed()).doesNotContain(base() + "/c/variant.html", base() + "/c/copy.html");
    site.verify(1, getRequestedFor(urlEqualTo("/c/variant.html")));
  }

  @Test
  void aResumedCrawlIndexesAPageWhoseCanonicalTheFirstRunNeverReached() throws Exception {
    page("/c/start.html", base() + "/c/start.html", "<a href=variant.html>v</a>");
    page("/c/variant.html", base() + "/c/gone.html", "variantword");
    site.stubFor(get("/c/gone.html").willReturn(aResponse().withStatus(404)));

    Crawler.run(crawl(2), CrawlListener.NONE);
    assertThat(indexed()).as("the page limit stops the crawl before the canonical").containsExactly(base() + "/c/start.html");

    Crawler.run(crawl(null), CrawlListener.NONE);
    assertThat(indexed()).contains(base() + "/c/variant.html");
  }

  @Test
  void aResumedCrawlCountsThePageItFetchesAgainForACanonicalTheFirstRunNeverReached() throws Exception {
    // The fetch again went uncounted, as a page's second fetch in one run is, though the page was
    // counted by the run before: a resume summed up "crawled 1 page (2 indexed)".
    page("/c/start.html", base() + "/c/start.html", "<a href=variant.html>v</a>");
    page("/c/variant.html", base() + "/c/gone.html", "variantword");
    site.stubFor(get("/c/gone.html").willReturn(aResponse().withStatus(404)));
    Crawler.run(crawl(2), CrawlListener.NONE);

    CrawlStats resumed = Crawler.run(crawl(null), CrawlListener.NONE);

    assertThat(resumed.pages()).isEqualTo(2);
    assertThat(resumed.statuses()).isEqualTo(Map.of(200, 1L, 404, 1L));
    assertThat(resumed.indexed()).isEqualTo(1);
  }

  @Test
  void aResumedCrawlIndexesAPageNamingACanonicalTheFirstRunFetchedWithoutADocument() throws Exception {
    page("/c/start.html", base() + "/c/start.html", "<a href=gone.html>g</a> <a href=next.html>n</a>");
    page("/c/next.html", base() + "/c/next.html", "nextword <a href=variant.html>v</a>");
    page("/c/variant.html", base() + "/c/gone.html", "variantword");
    site.stubFor(get("/c/gone.html").willReturn(aResponse().withStatus(404)));

    Crawler.run(crawl(3), CrawlListener.NONE);
    assertThat(CrawlDbRows.column(data.resolve("crawl.db"), "SELECT url FROM urls WHERE state = 'queued'"))
        .as("the first run fetched the 404 but not the page naming it").containsExactly(base() + "/c/variant.html");

    Crawler.run(crawl(null), CrawlListener.NONE);

    assertThat(indexed()).contains(base() + "/c/variant.html");
  }

  @Test
  void aResumedCrawlIndexesAPageWhoseCanonicalEndedWithoutADocumentBeforeTheKill() throws Exception {
    page("/c/start.html", base() + "/c/start.html", "<a href=variant.html>v</a> <a href=gone.html>g</a>");
    page("/c/variant.html", base() + "/c/gone.html", "variantword");
    site.stubFor(get("/c/gone.html").willReturn(aResponse().withStatus(404)));
    Crawler.run(crawl(null), CrawlListener.NONE);
    // What a run of before this fix, or one killed before fetching the page again, leaves behind.
    CrawlDbRows.execute(data.resolve("crawl.db"), "UPDATE urls SET indexed = 0, canonical = '"
        + base() + "/c/gone.html' WHERE url = '" + base() + "/c/variant.html'");

    Crawler.run(crawl(null), CrawlListener.NONE);

    assertThat(indexed()).contains(base() + "/c/variant.html");
  }

  @Test
  void aCrawlThatEndsBeforeFetchingAgainAPageWhoseCanonicalEndedWithoutADocumentLeavesItToTheNextRun()
      throws Exception {
    // The canonical is queued by the variant alone, so the variant has deferred before it is fetched.
    page("/c/start.html", base() + "/c/start.html", "<a href=variant.html>v</a>");
    page("/c/variant.html", base() + "/c/gone.html", "variantword");
    site.stubFor(get("/c/gone.html").willReturn(aResponse().withStatus(404)));

    Crawler.run(crawl(3), CrawlListener.NONE);
    assertThat(indexed()).as("the limit stops the crawl after the 404, before the variant is fetched again")
        .containsExactly(base() + "/c/start.html");
    site.verify(1, getRequestedFor(urlEqualTo("/c/variant.html")));

    Crawler.run(crawl(null), CrawlListener.NONE);

    assertThat(indexed()).contains(base() + "/c/variant.html");
    site.verify(2, getRequestedFor(urlEqualTo("/c/variant.html")));
  }

  @Test
  void aVariantWithTheSameBytesAsItsCanonicalFetchedFirstLeavesTheTextToTheCanonical() throws Exception {
    page("/c/start.html", base() + "/c/start.html", "<a href=variant.html>v</a>");
    // The same bytes at both URLs, as index.html naming / has, or a ?utm= variant: both name page.html.
    page("/c/variant.html", base() + "/c/page.html", "uniqueword");
    page("/c/page.html", base() + "/c/page.html", "uniqueword");

    Crawler.run(crawl(null), CrawlListener.NONE);

    assertThat(indexed()).as("the page the site names is what is found, though its variant came first")
        .contains(base() + "/c/page.html").doesNotContain(base() + "/c/variant.html");
    assertThat(duplicates()).as("the variant deferred; neither is a copy of the other").isEmpty();
    site.verify(1, getRequestedFor(urlEqualTo("/c/variant.html")));
  }

  @Test
  void aResumedCrawlLeavesTheTextToACanonicalWithTheVariantsBytes() throws Exception {
    page("/c/start.html", base() + "/c/start.html", "<a href=variant.html>v</a>");
    page("/c/variant.html", base() + "/c/page.html", "uniqueword");
    page("/c/page.html", base() + "/c/page.html", "uniqueword");

    Crawler.run(crawl(2), CrawlListener.NONE);
    Crawler.run(crawl(null), CrawlListener.NONE);

    assertThat(indexed()).contains(base() + "/c/page.html").doesNotContain(base() + "/c/variant.html");
    site.verify(1, getRequestedFor(urlEqualTo("/c/variant.html")));
  }

  private List<String> duplicates() {
    return CrawlDbRows.column(data.resolve("crawl.db"), "SELECT url FROM urls WHERE duplicate_of IS NOT NULL");
  }

  @Test
  void aRefreshIndexesAPageWhoseCanonicalHasSinceLostItsDocumentThoughThePageItselfIsUnchanged() throws Exception {
    page("/c/start.html", base() + "/c/start.html", "<a href=variant.html>v</a>");
    String variant = "<html><head><link rel=canonical href=\"" + base() + "/c/page.html\"></head><body>zebraword</body></html>";
    site.stubFor(get("/c/variant.html").atPriority(1).withHeader("If-None-Match", equalTo("\"v1\""))
        .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
    site.stubFor(get("/c/variant.html").atPriority(2).willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withHeader("ETag", "\"v1\"").withBody(variant)));
    page("/c/page.html", base() + "/c/page.html", "the page itself");
    Crawler.run(crawl(null), CrawlListener.NONE);
    assertThat(indexed()).doesNotContain(base() + "/c/variant.html");

    site.stubFor(get("/c/page.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><head><meta name=robots content=noindex></head><body>hidden</body></html>")));
    Crawler.run(crawl(null, CrawlStart.REFRESH), CrawlListener.NONE);

    assertThat(indexed()).contains(base() + "/c/variant.html");
  }

  @Test
  void aRefreshOfAnUnchangedChainOfCanonicalsRemovesNothingAndKeepsTheSamePagesIndexed() throws Exception {
    // a names b, which names c: a's text stays a's (b has none to stand for it), b's goes to c.
    page("/c/start.html", base() + "/c/start.html", "<a href=a.html>a</a>");
    page("/c/a.html", base() + "/c/b.html", "alphaword <a href=b.html>b</a>");
    page("/c/b.html", base() + "/c/c.html", "bravoword <a href=c.html>c</a>");
    page("/c/c.html", base() + "/c/c.html", "charlieword");
    Crawler.run(crawl(null), CrawlListener.NONE);
    List<String> crawled = indexed();

    CrawlStats refresh = Crawler.run(crawl(null, CrawlStart.REFRESH), CrawlListener.NONE);

    assertThat(indexed()).isEqualTo(crawled);
    assertThat(refresh.removed()).as("a page's document removed and indexed again in one run is not gone").isZero();
  }

  @Test
  void everyPageOfACircleOfCanonicalsKeepsItsOwnTextInACrawlAndItsRefresh() throws Exception {
    // a names b, b names c, c names a: which page lost its text hung on the order they were fetched.
    page("/c/start.html", base() + "/c/start.html", "<a href=a.html>a</a>");
    page("/c/a.html", base() + "/c/b.html", "alphaword <a href=b.html>b</a>");
    page("/c/b.html", base() + "/c/c.html", "bravoword <a href=c.html>c</a>");
    page("/c/c.html", base() + "/c/a.html", "charlieword");
    List<String> circle = List.of(base() + "/c/a.html", base() + "/c/b.html", base() + "/c/c.html");

    Crawler.run(crawl(null), CrawlListener.NONE);
    assertThat(indexed()).as("after the crawl").containsAll(circle);

    Crawler.run(crawl(null, CrawlStart.REFRESH), CrawlListener.NONE);
    assertThat(indexed()).as("after a refresh of the same site").containsAll(circle);
  }
}
