package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.index.IndexedPage;
import dev.sitepulse.crawler.internal.EachWriteAlone;
import dev.sitepulse.crawler.index.PageIndex;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Exact duplicates are indexed once, whichever run of a resumed crawl fetched the first copy. */
class ResumedDuplicatesTest {

  @RegisterExtension
  static WireMockExtension site = StubSiteServer.builder().build();

  @TempDir Path data;

  private String base() {
    return "http://127.0.0.1:" + site.getPort();
  }

  private CrawlConfig crawl(Integer maxPages) {
    return new CrawlSpec(List.of(base() + "/d/start.html"), data.toString(), maxPages, 3, null, null,
        Pattern.compile("/d/"), null, null, 1, Duration.ZERO, AnsweredFetches.TIMEOUT, null, null, null, null)
        .toConfig(CrawlStart.RESUME);
  }

  private void page(String path, String body) {
    site.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><head><title>T</title></head><body>" + body + "</body></html>")));
  }

  @Test
  void aCopyFetchedAfterAResumeIsTheDuplicateOfThePageTheFirstRunIndexed() throws Exception {
    page("/d/start.html", "<a href=first.html>1</a> <a href=copy.html>2</a>");
    page("/d/first.html", "the same words");
    page("/d/copy.html", "the same words");

    Crawler.run(crawl(2), CrawlListener.NONE);
    assertThat(indexed()).as("the page limit stops the first run before the copy")
        .containsExactly(base() + "/d/first.html", base() + "/d/start.html");

    CrawlStats stats = Crawler.run(crawl(null), CrawlListener.NONE);

    assertThat(indexed()).containsExactly(base() + "/d/first.html", base() + "/d/start.html");
    assertThat(CrawlDbRows.column(data.resolve("crawl.db"),
        "SELECT duplicate_of FROM urls WHERE url = '" + base() + "/d/copy.html'"))
        .containsExactly(base() + "/d/first.html");
    assertThat(stats.duplicates()).isEqualTo(1);
  }

  @Test
  void aNoindexPageTheFirstRunFetchedLeavesItsBytesToACopyFetchedAfterAResume() throws Exception {
    page("/d/start.html", "<a href=first.html>1</a> <a href=copy.html>2</a>");
    site.stubFor(get("/d/first.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withHeader("X-Robots-Tag", "noindex")
        .withBody("<html><head><title>T</title></head><body>the same words</body></html>")));
    page("/d/copy.html", "the same words");

    Crawler.run(crawl(2), CrawlListener.NONE);
    assertThat(indexed()).as("the page limit stops the first run before the copy")
        .containsExactly(base() + "/d/start.html");

    CrawlStats stats = Crawler.run(crawl(null), CrawlListener.NONE);

    assertThat(indexed()).containsExactly(base() + "/d/copy.html", base() + "/d/start.html");
    assertThat(stats.duplicates()).isZero();
  }

  @Test
  void aCopyOfAPageTheKilledRunNeverCommittedIsIndexedWhenThatPageFailsOnResume() throws Exception {
    page("/d/start.html", "<a href=first.html>1</a> <a href=copy.html>2</a>");
    page("/d/first.html", "the same words");
    page("/d/copy.html", "the same words");
    Crawler.run(crawl(null), CrawlListener.NONE);
    uncommitted(base() + "/d/first.html", base() + "/d/copy.html");
    site.stubFor(get("/d/first.html").willReturn(aResponse().withStatus(500)));

    Crawler.run(crawl(null), CrawlListener.NONE);

    try (PageSearcher searcher = PageSearcher.open(data.resolve("index"))) {
      assertThat(searcher.search("same words", 10).hits()).extracting(SearchHit::url)
          .containsExactly(base() + "/d/copy.html");
    }
    assertThat(indexed()).as("crawl.db says what the index holds")
        .containsExactly(base() + "/d/copy.html", base() + "/d/start.html");
  }

  @Test
  void aCopyOfAPagesNewBytesIsIndexedWhenTheResumedRefreshFailsToFetchThePageWhoseNewTextWasNeverCommitted()
      throws Exception {
    refreshKilledAfterIndexingNewBytesOfFirstAndACopyOfThem();
    site.stubFor(get("/d/first.html").willReturn(aResponse().withStatus(500)));

    Crawler.run(crawl(null), CrawlListener.NONE);

    assertNewTextFoundAtTheCopyAndOldTextAtThePageThatKeptItsDocument();
  }

  @Test
  void aCopyOfAPagesNewBytesIsIndexedByTheNextRunWhenTheResumeEndsBeforeFetchingItAgain()
      throws Exception {
    refreshKilledAfterIndexingNewBytesOfFirstAndACopyOfThem();
    site.stubFor(get("/d/first.html").willReturn(aResponse().withStatus(500)));
    Crawler.run(crawl(2), CrawlListener.NONE);
    assertThat(CrawlDbRows.column(data.resolve("crawl.db"),
        "SELECT state FROM urls WHERE url = '" + base() + "/d/copy.html'"))
        .as("the page limit ends the resume after first.html fails, before copy.html is fetched again")
        .containsExactly("queued");

    Crawler.run(crawl(null), CrawlListener.NONE);

    try (PageSearcher searcher = PageSearcher.open(data.resolve("index"))) {
      assertThat(searcher.search("blueberry", 10).hits()).extracting(SearchHit::url)
          .containsExactly(base() + "/d/copy.html");
    }
  }

  @Test
  void aPageARefreshReindexedUnchangedKeepsItsDocumentAndItsCopiesWhenTheResumeFetchesACopyFirst()
      throws Exception {
    refreshKilledAfterIndexingFirstUnchangedAndFindingACopyOfIt();
    site.resetRequests();

    Crawler.run(crawl(null), CrawlListener.NONE);

    assertThat(indexed()).containsExactly(base() + "/d/first.html", base() + "/d/start.html");
    assertThat(CrawlDbRows.column(data.resolve("crawl.db"),
        "SELECT duplicate_of FROM urls WHERE url = '" + base() + "/d/copy.html'"))
        .containsExactly(base() + "/d/first.html");
    site.verify(0, getRequestedFor(urlEqualTo("/d/copy.html")));
    try (PageSearcher searcher = PageSearcher.open(data.resolve("index"))) {
      assertThat(searcher.search("apricot", 10).hits()).extracting(SearchHit::url)
          .containsExactly(base() + "/d/first.html");
      assertThat(searcher.search("cherry", 10).hits()).as("copy.html's old text went with the refresh")
          .isEmpty();
    }
  }

  @Test
  void aCopyOfAPagesNewBytesIsIndexedWhenAResumeCommittedBeforeFetchingThatPageAgainAndTheNextFetchFails()
      throws Exception {
    refreshKilledAfterIndexingNewBytesOfFirstAndACopyOfThem();
    Crawler.run(crawl(1), CrawlListener.NONE);
    assertThat(CrawlDbRows.column(data.resolve("crawl.db"),
        "SELECT state FROM urls WHERE url = '" + base() + "/d/first.html'"))
        .as("the page limit ends the resume, with its commit, before first.html is fetched again")
        .containsExactly("queued");
    site.stubFor(get("/d/first.html").willReturn(aResponse().withStatus(500)));

    Crawler.run(crawl(null), CrawlListener.NONE);

    assertNewTextFoundAtTheCopyAndOldTextAtThePageThatKeptItsDocument();
  }

  @Test
  void aCopyOfAPagesNewBytesIsIndexedWhenTheResumeFailsToFetchAPageWhoseCommittedDocumentRecordsNoHash()
      throws Exception {
    refreshKilledAfterIndexingNewBytesOfFirstAndACopyOfThem();
    committedWithoutHash(base() + "/d/first.html", "apricot"); // as a version before the hash made it
    site.stubFor(get("/d/first.html").willReturn(aResponse().withStatus(500)));

    Crawler.run(crawl(null), CrawlListener.NONE);

    assertNewTextFoundAtTheCopyAndOldTextAtThePageThatKeptItsDocument();
  }

  @Test
  void noCrawlDbTransactionLeavesCopiesOfBytesAFailedPageGaveUpAsItsDuplicatesWithoutQueueingThemAgain()
      throws Exception {
    refreshKilledAfterIndexingNewBytesOfFirstAndACopyOfThem();
    committedWithoutHash(base() + "/d/first.html", "apricot"); // frees its bytes when it fails
    site.stubFor(get("/d/first.html").willReturn(aResponse().withStatus(500)));
    List<String> stranded = new ArrayList<>();

    EachWriteAlone.crawl(crawl(null), () -> stranded.addAll(CrawlDbRows.column(data.resolve("crawl.db"), """
        SELECT c.url FROM urls c JOIN urls f ON f.url = c.duplicate_of
        WHERE c.state = 'done' AND f.state <> 'queued' AND f.content_hash IS NULL""")));

    assertThat(stranded).as("a kill there leaves copy.html's text in no document for good").isEmpty();
    assertNewTextFoundAtTheCopyAndOldTextAtThePageThatKeptItsDocument();
  }

  @Test
  void aPageARefreshReindexedUnchangedKeepsItsCopiesWhenItsFetchFailsOnResume() throws Exception {
    refreshKilledAfterIndexingFirstUnchangedAndFindingACopyOfIt();
    site.stubFor(get("/d/first.html").willReturn(aResponse().withStatus(500)));

    Crawler.run(crawl(null), CrawlListener.NONE);

    try (PageSearcher searcher = PageSearcher.open(data.resolve("index"))) {
      assertThat(searcher.search("apricot", 10).hits()).as("the text once, in the document the page kept")
          .extracting(SearchHit::url).containsExactly(base() + "/d/first.html");
    }
    assertThat(indexed()).containsExactly(base() + "/d/first.html", base() + "/d/start.html");
    assertThat(CrawlDbRows.column(data.resolve("crawl.db"),
        "SELECT duplicate_of FROM urls WHERE url = '" + base() + "/d/copy.html'"))
        .containsExactly(base() + "/d/first.html");
  }

  /** first.html's fetch failed, keeping its document: "apricot"; copy.html has its new bytes. */
  private void assertNewTextFoundAtTheCopyAndOldTextAtThePageThatKeptItsDocument() throws Exception {
    try (PageSearcher searcher = PageSearcher.open(data.resolve("index"))) {
      assertThat(searcher.search("blueberry", 10).hits()).extracting(SearchHit::url)
          .containsExactly(base() + "/d/copy.html");
      assertThat(searcher.search("apricot", 10).hits()).as("a failed fetch keeps the page's document")
          .extracting(SearchHit::url).containsExactly(base() + "/d/first.html");
    }
  }

  /**
   * A crawl indexes first.html ("apricot"); a refresh indexes its new text ("blueberry") and finds
   * copy.html a copy of it, and is killed before its commit: crawl.db has first.html's new bytes,
   * the index its old text.
   */
  private void refreshKilledAfterIndexingNewBytesOfFirstAndACopyOfThem() throws Exception {
    page("/d/start.html", "<a href=first.html>1</a>");
    page("/d/first.html", "apricot");
    Crawler.run(crawl(null), CrawlListener.NONE);
    Path lastCommit = copyOf(data.resolve("index"));
    // Only first.html links to copy.html, so first.html claims the bytes before copy.html is
    // fetched: found on start.html, copy.html could be parsed first on the other parse thread.
    page("/d/first.html", "blueberry <a href=copy.html>2</a>");
    page("/d/copy.html", "blueberry <a href=copy.html>2</a>");
    Crawler.run(crawl(null).toBuilder().start(CrawlStart.REFRESH).build(), CrawlListener.NONE);
    assertThat(CrawlDbRows.column(data.resolve("crawl.db"),
        "SELECT duplicate_of FROM urls WHERE url = '" + base() + "/d/copy.html'"))
        .as("the refresh re-indexed first.html with its new text, then found copy.html a copy of it")
        .containsExactly(base() + "/d/first.html");
    replace(data.resolve("index"), lastCommit);
  }

  /**
   * A crawl indexes first.html ("apricot") and copy.html ("cherry"); a refresh indexes first.html
   * again unchanged and finds copy.html a copy of it now, and is killed before its commit: the
   * index holds first.html's text from the same bytes, and copy.html's old text.
   */
  private void refreshKilledAfterIndexingFirstUnchangedAndFindingACopyOfIt() throws Exception {
    page("/d/start.html", "<a href=copy.html>1</a> <a href=first.html>2</a>");
    page("/d/copy.html", "cherry");
    page("/d/first.html", "apricot");
    Crawler.run(crawl(null), CrawlListener.NONE);
    Path lastCommit = copyOf(data.resolve("index"));
    page("/d/copy.html", "apricot");
    Crawler.run(crawl(null).toBuilder().start(CrawlStart.REFRESH).build(), CrawlListener.NONE);
    assertThat(CrawlDbRows.column(data.resolve("crawl.db"),
        "SELECT duplicate_of FROM urls WHERE url = '" + base() + "/d/copy.html'"))
        .as("the refresh re-indexed first.html with the bytes it had, and found copy.html a copy of it")
        .containsExactly(base() + "/d/first.html");
    replace(data.resolve("index"), lastCommit);
  }

  private static Path copyOf(Path folder) throws IOException {
    Path copy = Files.createTempDirectory(folder.getParent(), "commit");
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    return copy;
  }

  private static void replace(Path folder, Path by) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    try (Stream<Path> files = Files.list(by)) {
      for (Path file : files.toList()) {
        Files.copy(file, folder.resolve(file.getFileName()));
      }
    }
  }

  /**
   * What a run killed after recording {@code pages} and before the commit that would have held
   * them leaves: crawl.db numbers them past the index's last commit, which has none of them.
   */
  private void uncommitted(String... pages) {
    long committed;
    try (PageIndex index = PageIndex.open(data.resolve("index"))) {
      committed = Long.parseLong(index.lastCommitData().get("sitepulse.seq"));
      for (String url : pages) {
        index.delete(url);
      }
      index.commit(index.lastCommitData());
    }
    for (int i = 0; i < pages.length; i++) {
      CrawlDbRows.execute(data.resolve("crawl.db"),
          "UPDATE urls SET seq = " + (committed + 1 + i) + " WHERE url = '" + pages[i] + "'");
    }
  }

  /** Replaces {@code url}'s committed document by one of {@code body} that records no content hash. */
  private void committedWithoutHash(String url, String body) {
    try (PageIndex index = PageIndex.open(data.resolve("index"))) {
      index.upsert(new IndexedPage(url, "127.0.0.1", "T", List.of(), body, "", 0, 200, null, 0));
      index.commit(index.lastCommitData());
    }
  }

  private List<String> indexed() {
    return CrawlDbRows.column(data.resolve("crawl.db"), "SELECT url FROM urls WHERE indexed = 1 ORDER BY url");
  }
}
