package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.index.PageIndex;
import dev.sitepulse.crawler.index.SegmentDamage;
import dev.sitepulse.crawler.search.PageSearcher;
import dev.sitepulse.crawler.search.SearchHit;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/** A refresh crawls a site again over its earlier crawl, asking only for what changed. */
class CrawlRefreshTest {

  private static final HeldResponses held = new HeldResponses();

  @RegisterExtension
  static WireMockExtension site = WireMockExtension.newInstance()
      .options(options().dynamicPort().bindAddress("127.0.0.1").extensions(held)).build();

  @TempDir Path data;

  private static final String INDEX = "<html><head><title>Home</title></head><body>"
      + "<a href='/a.html'>a</a> <a href='/b.html'>b</a> <a href='/c.html'>c</a></body></html>";
  private static final String INDEX_AND_E = INDEX.replace("</body>", "<a href='/e.html'>e</a></body>");

  @Test
  void unchangedPagesAnswer304AndKeepTheirDocumentsWhileChangedOnesAreReplacedAndGoneOnesRemoved()
      throws Exception {
    page("/index.html", INDEX_AND_E, "\"i1\"");
    page("/a.html", "<title>Alpha</title><p>apricot orchard</p>", "\"a1\"");
    page("/b.html", "<title>Bravo</title><p>blueberry field</p>", "\"b1\"");
    page("/c.html", "<title>Charlie</title><p>cherry tree</p>", "\"c1\"");
    page("/e.html", "<title>Echo</title><p>elderberry bush</p>", "\"e1\"");
    Crawler.run(config(CrawlStart.RESUME), CrawlListener.NONE);
    assertThat(search("apricot OR blueberry OR cherry OR elderberry")).hasSize(4);

    // The site changes: b is rewritten and links to a new page d, c is gone, e asks not to be indexed.
    site.resetAll();
    notModifiedWhenAskedWith("/index.html", "\"i1\"", INDEX_AND_E);
    notModifiedWhenAskedWith("/a.html", "\"a1\"", "<title>Alpha</title><p>apricot orchard</p>");
    page("/b.html", "<title>Bravo</title><p>banana plantation</p><a href='/d.html'>d</a>", "\"b2\"");
    site.stubFor(get("/c.html").willReturn(notFound()));
    page("/d.html", "<title>Delta</title><p>date palm</p>", "\"d1\"");
    page("/e.html", "<meta name=robots content=noindex><title>Echo</title><p>elderberry</p>", "\"e2\"");
    CrawlStats refresh = Crawler.run(config(CrawlStart.REFRESH), CrawlListener.NONE);

    assertThat(refresh.unchanged()).isEqualTo(2);
    assertThat(refresh.removed()).isEqualTo(2);
    assertThat(refresh.statuses()).containsEntry(304, 2L).containsEntry(200, 3L).containsEntry(404, 1L);
    site.verify(getRequestedFor(urlEqualTo("/a.html")).withHeader("If-None-Match", equalTo("\"a1\"")));
    site.verify(getRequestedFor(urlEqualTo("/d.html")).withHeader("If-None-Match", absent()));
    assertThat(search("apricot")).extracting(SearchHit::url).containsExactly(url("/a.html"));
    assertThat(search("banana")).extracting(SearchHit::url).containsExactly(url("/b.html"));
    assertThat(search("blueberry")).as("b's old text is gone").isEmpty();
    assertThat(search("cherry")).as("c is gone").isEmpty();
    assertThat(search("elderberry")).as("e is noindex now").isEmpty();
    assertThat(search("date")).extracting(SearchHit::url).containsExactly(url("/d.html"));
    assertThat(CrawlDbRows.column(db(), "SELECT status || ' ' || state FROM urls WHERE url LIKE '%/a.html'"))
        .as("a 304 keeps the page's own status").containsExactly("200 done");
    assertThat(CrawlDbRows.column(db(), "SELECT etag FROM urls WHERE url LIKE '%/b.html'"))
        .singleElement().asString().startsWith("\"b2");
  }

  @Test
  void aPlainRunAfterARefreshWasKilledFetchesOnlyWhatIsStillQueued() throws Exception {
    page("/index.html", INDEX, "\"i1\"");
    page("/a.html", "<title>Alpha</title><p>apricot</p>", "\"a1\"");
    page("/b.html", "<title>Bravo</title><p>blueberry</p>", "\"b1\"");
    page("/c.html", "<title>Charlie</title><p>cherry</p>", "\"c1\"");
    Crawler.run(config(CrawlStart.RESUME), CrawlListener.NONE);
    site.resetRequests();

    // A refresh that stops after two pages is as far as a killed one got, once resumed.
    Crawler.run(withMaxPages(config(CrawlStart.REFRESH), 2), CrawlListener.NONE);
    CrawlStats rest = Crawler.run(config(CrawlStart.RESUME), CrawlListener.NONE);

    assertThat(rest.pages()).isEqualTo(2);
    for (String path : List.of("/index.html", "/a.html", "/b.html", "/c.html")) {
      site.verify(1, getRequestedFor(urlEqualTo(path)));
    }
    assertThat(search("apricot OR blueberry OR cherry")).hasSize(3);
  }

  @Test
  void aDocumentWhoseRemovalARefreshRecordedButNeverCommittedIsRemovedOnResume() throws Exception {
    page("/index.html", INDEX, "\"i1\"");
    page("/a.html", "<title>Alpha</title><p>apricot</p>", "\"a1\"");
    Crawler.run(config(CrawlStart.RESUME), CrawlListener.NONE);
    // What a refresh killed between recording /a.html's 404 and the index commit leaves behind:
    // crawl.db says no document, after the last commit, while the index still holds one.
    execute("UPDATE urls SET state='done', status=404, indexed=0, seq=(SELECT MAX(seq) + 1 FROM urls)"
        + " WHERE url LIKE '%/a.html'");
    assertThat(search("apricot")).hasSize(1);

    Crawler.run(config(CrawlStart.RESUME), CrawlListener.NONE);

    assertThat(search("apricot")).isEmpty();
  }

  @Test
  void aPageThatAnswers500DuringARefreshKeepsItsDocumentAndIsRemovedOnceItIsGone() throws Exception {
    page("/index.html", INDEX, "\"i1\"");
    page("/a.html", "<title>Alpha</title><p>apricot</p>", "\"a1\"");
    Crawler.run(config(CrawlStart.RESUME), CrawlListener.NONE);

    site.stubFor(get("/a.html").willReturn(aResponse().withStatus(500)));
    CrawlStats failing = Crawler.run(config(CrawlStart.REFRESH), CrawlListener.NONE);
    assertThat(failing.removed()).isZero();
    assertThat(search("apricot")).as("a 500 may pass").hasSize(1);

    site.stubFor(get("/a.html").willReturn(notFound()));
    CrawlStats gone = Crawler.run(config(CrawlStart.REFRESH), CrawlListener.NONE);
    assertThat(gone.removed()).isEqualTo(1);
    assertThat(search("apricot")).as("a 404 is gone for sure").isEmpty();
  }

  @Test
  void aPageThatLostItsLinksOrIsGoneKeepsNoneOfItsOldLinks() throws Exception {
    page("/index.html", INDEX, "\"i1\"");
    page("/a.html", "<title>Alpha</title><p>apricot</p><a href='/b.html'>b</a>", "\"a1\"");
    page("/b.html", "<title>Bravo</title><p>blueberry</p><a href='/c.html'>c</a>", "\"b1\"");
    page("/c.html", "<title>Charlie</title><p>cherry</p>", "\"c1\"");
    Crawler.run(config(CrawlStart.RESUME), CrawlListener.NONE);
    assertThat(linksFrom("/a.html")).containsExactly(url("/b.html"));
    assertThat(linksFrom("/b.html")).containsExactly(url("/c.html"));

    page("/a.html", "<title>Alpha</title><p>apricot, and no links now</p>", "\"a2\"");
    site.stubFor(get("/b.html").willReturn(notFound()));
    Crawler.run(config(CrawlStart.REFRESH), CrawlListener.NONE);

    assertThat(linksFrom("/a.html")).as("a page without links now").isEmpty();
    assertThat(linksFrom("/b.html")).as("a page that is gone").isEmpty();
    assertThat(linksFrom("/index.html")).hasSize(3);
  }

  @Test
  void aPageStillRateLimitedAfterItsRetriesInARefreshKeepsItsDocument() throws Exception {
    page("/index.html", INDEX, "\"i1\"");
    page("/a.html", "<title>Alpha</title><p>apricot</p>", "\"a1\"");
    Crawler.run(config(CrawlStart.RESUME), CrawlListener.NONE);

    site.stubFor(get("/a.html").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));
    CrawlStats limited = Crawler.run(config(CrawlStart.REFRESH), CrawlListener.NONE);

    assertThat(limited.statuses()).containsEntry(429, 1L);
    assertThat(limited.removed()).isZero();
    assertThat(search("apricot")).as("a 429 passes, as a 503 does").hasSize(1);
  }

  @Test
  void aPageThatRobotsTxtNowDisallowsLeavesTheIndexWithoutBeingFetched() throws Exception {
    page("/index.html", INDEX, "\"i1\"");
    page("/a.html", "<title>Alpha</title><p>apricot</p>", "\"a1\"");
    Crawler.run(config(CrawlStart.RESUME), CrawlListener.NONE);

    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("User-agent: *\nDisallow: /a.html\n")));
    site.resetRequests();
    CrawlStats refresh = Crawler.run(config(CrawlStart.REFRESH), CrawlListener.NONE);

    assertThat(refresh.robotsBlocked()).isEqualTo(1);
    assertThat(refresh.removed()).isEqualTo(1);
    assertThat(search("apricot")).isEmpty();
    site.verify(0, getRequestedFor(urlEqualTo("/a.html")));
  }

  @Test
  void aPageRobotsTxtDisallowsIsRecordedWithoutItsDocumentSoLaterRefreshesRemoveNothingAndAnAllowAgainIndexesIt()
      throws Exception {
    page("/index.html", INDEX, "\"i1\"");
    notModifiedWhenAskedWith("/a.html", "\"a1\"", "<title>Alpha</title><p>apricot</p>");
    Crawler.run(config(CrawlStart.RESUME), CrawlListener.NONE);
    String committed = CrawlDbRows.column(db(), "SELECT MAX(seq) FROM urls").get(0);
    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("User-agent: *\nDisallow: /a.html\n")));
    Crawler.run(config(CrawlStart.REFRESH), CrawlListener.NONE);

    // Numbered after the first crawl's last commit, without a document: what a resume after a kill
    // before this refresh's commit looks for to remove it again.
    assertThat(CrawlDbRows.column(db(), "SELECT state || ' indexed=' || indexed || ' etag=' || IFNULL(etag, '-')"
        + " || ' later=' || (seq > " + committed + ") FROM urls WHERE url LIKE '%/a.html'"))
        .containsExactly("skipped-robots indexed=0 etag=- later=1");
    CrawlStats again = Crawler.run(config(CrawlStart.REFRESH), CrawlListener.NONE);
    assertThat(again.removed()).as("nothing left to remove").isZero();

    site.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("User-agent: *\nAllow: /\n")));
    Crawler.run(config(CrawlStart.REFRESH), CrawlListener.NONE);
    assertThat(search("apricot")).as("fetched whole, not answered 304 for a document it no longer has")
        .extracting(SearchHit::url).containsExactly(url("/a.html"));
  }

  @Test
  void withWarcAnUnchangedPageIsARevisitRecordAndAChangedOneAResponse() throws Exception {
    page("/index.html", "<title>Home</title><a href='/a.html'>a</a>", "\"i1\"");
    page("/a.html", "<title>Alpha</title><p>apricot</p>", "\"a1\"");
    Crawler.run(config(CrawlStart.RESUME), CrawlListener.NONE);

    notModifiedWhenAskedWith("/index.html", "\"i1\"", "<title>Home</title><a href='/a.html'>a</a>");
    page("/a.html", "<title>Alpha</title><p>avocado</p>", "\"a2\"");
    Crawler.run(withWarc(config(CrawlStart.REFRESH)), CrawlListener.NONE);

    List<String> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(data.resolve("warc"))) {
      for (Path file : files.toList()) {
        try (WarcReader reader = new WarcReader(file)) {
          for (WarcRecord record : reader) {
            if (record instanceof WarcRevisit revisit) {
              records.add("revisit " + revisit.target() + " " + revisit.profile());
            } else if (record instanceof WarcResponse response) {
              records.add("response " + response.target() + " " + response.http().status());
            }
          }
        }
      }
    }
    assertThat(records).containsExactlyInAnyOrder(
        "revisit " + url("/index.html") + " " + WarcRevisit.SERVER_NOT_MODIFIED_1_1,
        "response " + url("/a.html") + " 200");
  }

  @Test
  void aRevisitRecordRefersToTheCaptureItRevisitsByUrlAndDateAfterAnyNumberOfRefreshes() throws Exception {
    page("/index.html", "<title>Home</title><p>kept</p>", "\"i1\"");
    Crawler.run(withWarc(config(CrawlStart.RESUME)), CrawlListener.NONE);
    notModifiedWhenAskedWith("/index.html", "\"i1\"", "<title>Home</title><p>kept</p>");
    Crawler.run(withWarc(config(CrawlStart.REFRESH)), CrawlListener.NONE);
    Crawler.run(withWarc(config(CrawlStart.REFRESH)), CrawlListener.NONE);

    List<WarcResponse> responses = new ArrayList<>();
    List<WarcRevisit> revisits = new ArrayList<>();
    try (Stream<Path> files = Files.list(data.resolve("warc"))) {
      for (Path file : files.toList()) {
        try (WarcReader reader = new WarcReader(file)) {
          for (WarcRecord record : reader) {
            if (record instanceof WarcRevisit revisit) {
              revisits.add(revisit);
            } else if (record instanceof WarcResponse response && response.target().endsWith("/index.html")) {
              responses.add(response);
            }
          }
        }
      }
    }
    assertThat(responses).hasSize(1);
    assertThat(revisits).hasSize(2).allSatisfy(revisit -> {
      assertThat(revisit.refersToTargetURI()).contains(URI.create(url("/index.html")));
      assertThat(revisit.refersToDate()).contains(responses.get(0).date());
    });
  }

  @Test
  void aServerThatSendsNoValidatorsIsFetchedInFullAndItsPagesStillRefresh() throws Exception {
    site.stubFor(get("/index.html").willReturn(html("<title>Home</title><p>first words</p>")));
    Crawler.run(config(CrawlStart.RESUME), CrawlListener.NONE);

    site.stubFor(get("/index.html").willReturn(html("<title>Home</title><p>second words</p>")));
    CrawlStats refresh = Crawler.run(config(CrawlStart.REFRESH), CrawlListener.NONE);

    assertThat(refresh.unchanged()).isZero();
    site.verify(0, getRequestedFor(urlEqualTo("/index.html")).withHeader("If-None-Match", matching(".*")));
    assertThat(search("second")).hasSize(1);
    assertThat(search("first")).isEmpty();
  }

  @Test
  void aDuplicateIsFetchedWholeSoThatItIsIndexedOnceItsOriginalChanges() throws Exception {
    String same = "<title>Same</title><p>shared saffron text</p>";
    page("/index.html", INDEX, "\"i1\"");
    page("/a.html", same, "\"a1\"");
    page("/b.html", same, "\"b1\"");
    page("/c.html", "<title>Charlie</title><p>cherry</p>", "\"c1\"");
    Crawler.run(config(CrawlStart.RESUME), CrawlListener.NONE);
    List<String> pair = CrawlDbRows.column(db(),
        "SELECT url || ' ' || duplicate_of FROM urls WHERE duplicate_of IS NOT NULL");
    assertThat(pair).hasSize(1);
    String duplicate = pair.get(0).split(" ")[0];
    String original = pair.get(0).split(" ")[1];
    String duplicatePath = duplicate.substring(duplicate.lastIndexOf('/'));
    String originalPath = original.substring(original.lastIndexOf('/'));

    // The original is rewritten; the duplicate would answer 304 if asked with its ETag.
    site.resetAll();
    notModifiedWhenAskedWith("/index.html", "\"i1\"", INDEX);
    notModifiedWhenAskedWith("/c.html", "\"c1\"", "<title>Charlie</title><p>cherry</p>");
    page(originalPath, "<title>New</title><p>turmeric</p>", "\"o2\"");
    String duplicateEtag = duplicatePath.equals("/a.html") ? "\"a1\"" : "\"b1\"";
    notModifiedWhenAskedWith(duplicatePath, duplicateEtag, same);
    Crawler.run(config(CrawlStart.REFRESH), CrawlListener.NONE);

    site.verify(getRequestedFor(urlEqualTo(duplicatePath)).withHeader("If-None-Match", absent()));
    assertThat(search("saffron")).extracting(SearchHit::url).containsExactly(duplicate);
    assertThat(search("turmeric")).extracting(SearchHit::url).containsExactly(original);
    assertThat(CrawlDbRows.column(db(), "SELECT duplicate_of FROM urls WHERE duplicate_of IS NOT NULL")).isEmpty();
  }

  @Test
  void aPageThatBecameACopyOfAnUnchangedOneIsItsDuplicateEvenWhenItIsParsedBeforeThe304Comes()
      throws Exception {
    String same = crawlWithSaffronAtA();

    // b now copies a, whose 304 comes once b's whole page was parsed and recorded.
    refreshWithIndexAndCUnchanged();
    site.stubFor(get("/a.html").withHeader("If-None-Match", equalTo("\"a1\""))
        .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"a1\"")));
    page("/b.html", same, "\"b2\"");
    CrawlStats refresh = OnePageFirst.crawl(config(CrawlStart.REFRESH), held, "/a.html", url("/b.html"));

    assertThat(search("saffron")).extracting(SearchHit::url).containsExactly(url("/a.html"));
    assertThat(CrawlDbRows.column(db(), "SELECT url || ' ' || duplicate_of FROM urls WHERE duplicate_of IS NOT NULL"))
        .containsExactly(url("/b.html") + " " + url("/a.html"));
    assertThat(refresh.duplicates()).isEqualTo(1);
  }

  @Test
  void aCopyParsedBeforeItsOriginalTurnsOutChangedIsFetchedAgainAndIndexed() throws Exception {
    bCopiesTheOldBytesOfAChangedAWhoseNewPageComesLate();
    CrawlStats refresh = refreshWithANewPageComingLate(config(CrawlStart.REFRESH));

    assertThat(search("saffron")).extracting(SearchHit::url).containsExactly(url("/b.html"));
    assertThat(search("turmeric")).extracting(SearchHit::url).containsExactly(url("/a.html"));
    assertThat(CrawlDbRows.column(db(), "SELECT url FROM urls WHERE duplicate_of IS NOT NULL")).isEmpty();
    assertThat(refresh.pages()).as("b counts once").isEqualTo(4);
    site.verify(2, getRequestedFor(urlEqualTo("/b.html")));
  }

  @Test
  void aCopyLeftToBeFetchedAgainWhenTheRefreshStoppedIsFetchedAgainByTheNextRun() throws Exception {
    bCopiesTheOldBytesOfAChangedAWhoseNewPageComesLate();
    // Four fetches: b's second one, once a turns out changed, is left to the next run, as a kill -9 would.
    refreshWithANewPageComingLate(config(CrawlStart.REFRESH).toBuilder().maxPages(4).build());
    assertThat(search("saffron")).as("b was a copy of a's old bytes, and is not fetched again yet").isEmpty();
    site.verify(1, getRequestedFor(urlEqualTo("/b.html")));

    Crawler.run(config(CrawlStart.RESUME), CrawlListener.NONE);

    assertThat(search("saffron")).extracting(SearchHit::url).containsExactly(url("/b.html"));
    assertThat(CrawlDbRows.column(db(), "SELECT url FROM urls WHERE duplicate_of IS NOT NULL")).isEmpty();
  }

  @Test
  void aCopyARefreshKilledBeforeItsOriginalCameFoundIsFetchedAgainWhenTheResumeFindsTheOriginalChanged()
      throws Exception {
    String same = crawlWithSaffronAtA();
    // What a refresh killed while a was in flight leaves, once it had found b to copy a's bytes:
    // a still "fetching" with the document of the first crawl, b a duplicate of it, numbered after
    // the index's last commit, its own document removed.
    long committed;
    try (PageIndex index = PageIndex.open(data.resolve("index"))) {
      committed = Long.parseLong(index.lastCommitData().get("sitepulse.seq"));
    }
    execute("UPDATE urls SET state = 'fetching' WHERE url = '" + url("/a.html") + "'");
    execute("UPDATE urls SET duplicate_of = '" + url("/a.html") + "', indexed = 0, seq = " + (committed + 1)
        + ", content_hash = (SELECT content_hash FROM urls WHERE url = '" + url("/a.html") + "')"
        + " WHERE url = '" + url("/b.html") + "'");
    resumeWithAChangedAndBHoldingItsOldBytes(same);

    assertThat(search("turmeric")).extracting(SearchHit::url).containsExactly(url("/a.html"));
    assertThat(search("saffron")).extracting(SearchHit::url).containsExactly(url("/b.html"));
  }

  @Test
  void aCopyOfAPageThatDeferredToItsCanonicalAndIsQueuedAgainIsFetchedAgainOnResume() throws Exception {
    String same = crawlWithSaffronAtA();
    // What a killed run leaves when a had deferred to a canonical (no document of its own, its
    // bytes held for its copies) and was in flight again: b a duplicate of a's bytes.
    execute("UPDATE urls SET state = 'fetching', indexed = 0, canonical = '" + url("/c.html") + "'"
        + " WHERE url = '" + url("/a.html") + "'");
    execute("UPDATE urls SET duplicate_of = '" + url("/a.html") + "', indexed = 0"
        + ", content_hash = (SELECT content_hash FROM urls WHERE url = '" + url("/a.html") + "')"
        + " WHERE url = '" + url("/b.html") + "'");
    resumeWithAChangedAndBHoldingItsOldBytes(same);

    // a came back changed: b's bytes are its own again, and searchable.
    assertThat(search("saffron")).extracting(SearchHit::url).containsExactly(url("/b.html"));
  }

  @Test
  void aRefreshOverAnIndexWithRandomBytesInASegmentIsRefusedInOneLineBeforeFetchingAnything()
      throws Exception {
    page("/index.html", "<title>Home</title><p>orchard</p>", "\"i1\"");
    Crawler.run(config(CrawlStart.RESUME), CrawlListener.NONE);
    SegmentDamage.randomBytes(data.resolve("index"), "_Lucene912_0.tim", 8);
    site.resetRequests();

    assertThatThrownBy(() -> Crawler.run(config(CrawlStart.REFRESH), CrawlListener.NONE))
        .isInstanceOf(CrawlException.class)
        .hasMessage("cannot open index " + data.resolve("index") + ": damaged: checksum failed (_0.cfs);"
            + " crawl again with --fresh to rebuild it");
    site.verify(0, getRequestedFor(urlMatching(".*")));
  }

  /** A resume over the site after {@link #crawlWithSaffronAtA}: a rewritten, b with a's old bytes. */
  private void resumeWithAChangedAndBHoldingItsOldBytes(String same) throws Exception {
    site.resetAll();
    page("/index.html", INDEX, "\"i1\"");
    page("/a.html", "<title>New</title><p>turmeric</p>", "\"a2\"");
    page("/b.html", same, "\"b2\"");
    page("/c.html", "<title>Charlie</title><p>cherry</p>", "\"c1\"");
    Crawler.run(config(CrawlStart.RESUME), CrawlListener.NONE);
  }

  /** A first crawl: a.html has the returned bytes, b.html and c.html their own. */
  private String crawlWithSaffronAtA() throws Exception {
    String same = "<title>Same</title><p>shared saffron text</p>";
    page("/index.html", INDEX, "\"i1\"");
    page("/a.html", same, "\"a1\"");
    page("/b.html", "<title>Bravo</title><p>blueberry</p>", "\"b1\"");
    page("/c.html", "<title>Charlie</title><p>cherry</p>", "\"c1\"");
    Crawler.run(config(CrawlStart.RESUME), CrawlListener.NONE);
    return same;
  }

  /**
   * A first crawl, then the site for a refresh: b now copies a's old bytes; a is rewritten, and its
   * new page comes late ({@link #refreshWithANewPageComingLate}).
   */
  private void bCopiesTheOldBytesOfAChangedAWhoseNewPageComesLate() throws Exception {
    String same = crawlWithSaffronAtA();
    refreshWithIndexAndCUnchanged();
    site.stubFor(get("/a.html").willReturn(html("<title>New</title><p>turmeric</p>").withHeader("ETag", "\"a2\"")));
    page("/b.html", same, "\"b2\"");
  }

  /** A refresh whose a.html answers once b's page was parsed and recorded. */
  private CrawlStats refreshWithANewPageComingLate(CrawlConfig refresh) throws Exception {
    return OnePageFirst.crawl(refresh, held, "/a.html", url("/b.html"));
  }

  /** The site for a refresh, index.html and c.html answering 304; a and b still to stub. */
  private void refreshWithIndexAndCUnchanged() {
    site.resetAll();
    notModifiedWhenAskedWith("/index.html", "\"i1\"", INDEX);
    notModifiedWhenAskedWith("/c.html", "\"c1\"", "<title>Charlie</title><p>cherry</p>");
  }

  private List<String> linksFrom(String path) throws Exception {
    return CrawlDbRows.column(db(), "SELECT to_url FROM page_links WHERE from_url = '" + url(path) + "'");
  }

  private void execute(String sql) {
    CrawlDbRows.execute(db(), sql);
  }

  private void page(String path, String html, String etag) {
    site.stubFor(get(path).willReturn(html(html).withHeader("ETag", etag)));
  }

  /** 304 to a request that names the ETag; the whole page otherwise. */
  private void notModifiedWhenAskedWith(String path, String etag, String html) {
    site.stubFor(get(path).atPriority(1).withHeader("If-None-Match", equalTo(etag))
        .willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));
    site.stubFor(get(path).atPriority(2).willReturn(html(html).withHeader("ETag", etag)));
  }

  private static ResponseDefinitionBuilder html(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody(body);
  }

  private List<SearchHit> search(String query) throws Exception {
    try (PageSearcher searcher = PageSearcher.open(data.resolve("index"))) {
      return searcher.search(query, 10).hits();
    }
  }

  private CrawlConfig config(CrawlStart start) {
    return CrawlConfig.builder(List.of(url("/index.html")), data).concurrency(4).delay(Duration.ZERO)
        .timeout(AnsweredFetches.TIMEOUT).maxBodyBytes(1 << 20).userAgent("sitepulse-test").start(start).build();
  }

  private static CrawlConfig withWarc(CrawlConfig c) {
    return c.toBuilder().warc(true).build();
  }

  private static CrawlConfig withMaxPages(CrawlConfig c, int maxPages) {
    return c.toBuilder().maxPages(maxPages).concurrency(1).perHost(1).build();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + site.getPort() + path;
  }

  private Path db() {
    return data.resolve("crawl.db");
  }
}
