package dev.sitepulse.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** How the crawler behaves toward awkward servers: loops, 429s, huge and slow pages, delays. */
class CrawlerBehaviourTest {

  private static final HeldResponses held = new HeldResponses();

  @RegisterExtension
  static WireMockExtension site = StubSiteServer.builder(held).build();

  @TempDir Path data;

  /**
   * How long a test waits for a crawl whose behaviour is to end at all (not to hang on a broken
   * server, a loop of sitemaps or a failure): a bound for a machine as loaded as it gets, never a
   * speed goal.
   */
  private static final Duration ENDS = Duration.ofMinutes(1);

  private String base() {
    return "http://127.0.0.1:" + site.getPort();
  }

  private CrawlConfig config(String... seeds) {
    return CrawlConfig.builder(List.of(seeds), data).concurrency(8).perHost(4).delay(Duration.ZERO)
        .timeout(AnsweredFetches.TIMEOUT).maxBodyBytes(1 << 20).userAgent("sitepulse-test").build();
  }

  /** --fresh, the seed alone. */
  private CrawlConfig freshSeedOnly(String seed) {
    return config(seed).toBuilder().maxDepth(0).start(CrawlStart.FRESH).build();
  }

  private Path db() {
    return data.resolve("crawl.db");
  }

  private List<String> htmlPages() {
    return CrawlDbRows.column(db(), "SELECT url FROM urls WHERE status=200 AND content_type LIKE 'text/html%' ORDER BY url");
  }

  @Test
  void aLinkCheckCrawlKeepsLineNumbersAndBuildsNoIndex() throws Exception {
    CrawlStats stats = Crawler.run(config(base() + "/site/index.html").withPurpose(CrawlPurpose.LINK_CHECK),
        CrawlListener.NONE);

    assertThat(CrawlDbRows.column(db(), "SELECT line FROM page_links WHERE from_url LIKE '%/site/guide/install.html' AND to_url LIKE '%/site/missing.html'"))
        .containsExactly("28");
    assertThat(stats.indexed()).isZero();
    assertThat(CrawlDbRows.column(db(), "SELECT COUNT(*) FROM urls WHERE indexed=1")).containsExactly("0");
    assertThat(data.resolve("index")).doesNotExist();
  }

  @Test
  void aLinkCheckCrawlKeepsWhatPagesEmbedApartFromTheirLinksAndFetchesTheSitesOwnEvenAtMaxDepth() throws Exception {
    site.stubFor(get("/embeds/page.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body>\n<img src=\"photo.png\" alt=\"A photo\">\n<a href=\"next.html\">next</a>\n"
            + "<img src=\"data:image/gif;base64,R0lGOD\"> <a href=\"mailto:x@example.com\">mail</a>\n</body></html>")));
    site.stubFor(get("/embeds/photo.png").willReturn(aResponse().withHeader("Content-Type", "image/png")
        .withBody(new byte[] {(byte) 0x89, 'P', 'N', 'G'})));

    CrawlConfig seedOnly = config(base() + "/embeds/page.html").toBuilder().maxDepth(0).build(); // no sitemap
    Crawler.run(seedOnly.withPurpose(CrawlPurpose.LINK_CHECK), CrawlListener.NONE);

    assertThat(CrawlDbRows.column(db(), "SELECT to_url || ' ' || element || ' ' || alt || ' ' || line FROM page_embeds"))
        .containsExactly(base() + "/embeds/photo.png img A photo 2");
    // No edge of the link graph, which analyze ranks pages by; fetched once, though the seed's
    // links are not followed at --max-depth 0, as the image is part of the seed's page.
    assertThat(CrawlDbRows.column(db(), "SELECT to_url FROM page_links")).containsExactly(base() + "/embeds/next.html");
    assertThat(CrawlDbRows.column(db(), "SELECT state || ' ' || status || ' ' || depth FROM urls WHERE url LIKE '%photo.png'"))
        .containsExactly("done 200 1");
    site.verify(1, getRequestedFor(urlPathEqualTo("/embeds/photo.png")));
    site.verify(0, getRequestedFor(urlPathEqualTo("/embeds/next.html")));
    assertThat(CrawlDbRows.column(db(), "SELECT non_http_links FROM urls WHERE url LIKE '%/embeds/page.html'"))
        .as("the mailto: link and the data: image").containsExactly("2");
  }

  @Test
  void aCrawlForSearchKeepsNothingOfWhatPagesEmbed() throws Exception {
    Crawler.run(config(base() + "/site/index.html"), CrawlListener.NONE);

    assertThat(CrawlDbRows.column(db(), "SELECT count(*) FROM embeds")).containsExactly("0");
    assertThat(CrawlDbRows.column(db(), "SELECT count(*) FROM links")).isNotEqualTo(List.of("0"));
  }

  @Test
  void scopeKeepsTheCrawlOnItsSeedsHostAndIncludeExcludeNarrowIt() throws Exception {
    CrawlConfig c = config(base() + "/site/index.html");
    CrawlConfig narrowed = c.toBuilder().scope(Scope.PREFIX).exclude(Pattern.compile("/guide/")).build();
    Crawler.run(narrowed, CrawlListener.NONE);
    List<String> urls = CrawlDbRows.column(db(), "SELECT url FROM urls WHERE state != 'queued'");
    assertThat(urls).allMatch(u -> u.startsWith(base() + "/site/")).noneMatch(u -> u.contains("/guide/"));
    assertThat(urls).noneMatch(u -> u.contains(":9/") || u.contains(":1/"));
  }

  @Test
  void aSiteOnAnIpv6AddressIsCrawledAndItsLinksFollowed() throws Exception {
    String origin = "http://[::1]:" + site.getPort();

    CrawlStats stats = Crawler.run(config(origin + "/site/index.html"), CrawlListener.NONE);

    assertThat(stats.indexed()).isGreaterThan(10);
    assertThat(CrawlDbRows.column(db(), "SELECT url FROM urls WHERE state = 'done'"))
        .contains(origin + "/site/index.html", origin + "/site/faq.html")
        .allMatch(u -> u.startsWith(origin + "/"));
  }

  @Test
  void aPageServedWithoutAContentTypeThatStartsAsHtmlIsParsedAndItsLinksFollowed() throws Exception {
    site.stubFor(get("/untyped/index").willReturn(aResponse().withStatus(200)
        .withBody("\n  <!doctype html><title>Untyped start</title><a href=\"/untyped/next\">next</a>"
            + " <a href=\"/untyped/data\">data</a>")));
    site.stubFor(get("/untyped/next").willReturn(aResponse().withStatus(200)
        .withBody("<HTML><body>The quokka page</body></HTML>")));
    site.stubFor(get("/untyped/data").willReturn(aResponse().withStatus(200).withBody("%PDF-1.4 <html>")));

    CrawlConfig c = config(base() + "/untyped/index"); // the include keeps the stub site's sitemap out
    CrawlStats stats = Crawler.run(c.toBuilder().include(Pattern.compile("/untyped/")).build(), CrawlListener.NONE);

    assertThat(stats.indexed()).isEqualTo(2);
    assertThat(CrawlDbRows.column(db(), "SELECT url || ' ' || indexed || ' ' || coalesce(content_type, '-')"
        + " FROM urls ORDER BY url")).containsExactly(
            base() + "/untyped/data 0 -", base() + "/untyped/index 1 -", base() + "/untyped/next 1 -");
  }

  @Test
  void aRedirectToAMalformedUrlIsRecordedAndTheCrawlStillEnds() {
    site.stubFor(get("/redirect/malformed").willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://exa mple.com/%zz {x}")));
    assertTimeoutPreemptively(ENDS, () -> Crawler.run(config(base() + "/redirect/malformed"), CrawlListener.NONE));

    assertThat(CrawlDbRows.column(db(), "SELECT state || ' ' || status || ' ' || message FROM urls"
        + " WHERE url LIKE '%/redirect/malformed'"))
        .containsExactly("done 302 redirect to an unusable URL: http://exa mple.com/%zz {x}");
    assertThat(CrawlDbRows.column(db(), "SELECT COUNT(*) FROM urls WHERE state IN ('queued', 'fetching')"))
        .containsExactly("0");
  }

  @Test
  void sitemapIndexesThatPointAtEachOtherAreEachReadOnce() {
    String index = "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + "<sitemap><loc>%s/sitemap.xml</loc></sitemap><sitemap><loc>%s/sitemap-2.xml</loc></sitemap>"
        + "</sitemapindex>";
    for (String path : List.of("/sitemap.xml", "/sitemap-2.xml")) {
      site.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "application/xml")
          .withBody(index.formatted(base(), base()))));
    }
    assertTimeoutPreemptively(ENDS, () -> Crawler.run(config(base() + "/status/200"), CrawlListener.NONE));

    site.verify(1, getRequestedFor(urlPathEqualTo("/sitemap.xml")));
    site.verify(1, getRequestedFor(urlPathEqualTo("/sitemap-2.xml")));
  }

  @Test
  void aFailureOnTheCrawlLoopEndsTheCrawlWithTheErrorInsteadOfHanging() {
    // The server holds the page until the first progress call, 1 s in, whose failure comes first:
    // the loop takes the answer after it.
    try (HeldResponses.Held page = held.hold("/status/200")) {
      CrawlListener broken = new CrawlListener() {
        @Override
        public void progress(CrawlStats stats) {
          page.close();
          throw new IllegalStateException("listener bug");
        }
      };
      assertTimeoutPreemptively(ENDS, () ->
          assertThatThrownBy(() -> Crawler.run(freshSeedOnly(base() + "/status/200"), broken))
              .isInstanceOf(CrawlException.class)
              .hasMessageContaining("listener bug"));
    }
  }

  @Test
  void aCrawlDbThatCannotBeWrittenEndsTheCrawlWithThatErrorInsteadOfHanging() throws Exception {
    java.nio.file.Files.createDirectories(data);
    dev.sitepulse.crawler.store.CrawlDb.open(db()).close();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db());
        java.sql.Statement s = c.createStatement()) { // as a full disk fails the first page's links
      s.execute("CREATE TRIGGER full BEFORE INSERT ON links BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    }
    CrawlConfig c = config(base() + "/site/index.html");
    // A commit after every page: the first one meets the failure, and the crawl stops on it.
    CrawlConfig commitEachPage = c.toBuilder().commitEvery(1, Duration.ofSeconds(5)).build();

    assertTimeoutPreemptively(ENDS, () ->
        assertThatThrownBy(() -> Crawler.run(commitEachPage, CrawlListener.NONE))
            .isInstanceOf(CrawlException.class)
            .hasMessageContaining("crawl.db write failed: ")
            .hasMessageContaining("database or disk is full"));
  }

  @Test
  void anIndexThatRefusesAPageEndsTheCrawlAndAResumeFetchesThePagesItDidNotTake() throws Exception {
    CrawlConfig c = config(base() + "/site/index.html");
    org.apache.lucene.index.IndexWriterLimits.maxDocs(5); // as a full disk refuses the sixth page
    try {
      assertThatThrownBy(() -> Crawler.run(c, CrawlListener.NONE))
          .isInstanceOf(CrawlException.class)
          .hasMessageContaining("index write failed: ");
    } finally {
      org.apache.lucene.index.IndexWriterLimits.reset();
    }
    assertThat(CrawlDbRows.column(db(), "SELECT COUNT(*) FROM urls WHERE state = 'failed'")).containsExactly("0");

    Crawler.run(c, CrawlListener.NONE);

    assertThat(CrawlDbRows.column(db(), "SELECT COUNT(*) FROM urls WHERE state IN ('queued', 'fetching', 'failed')"
        + " AND url LIKE '%/site/%'")).containsExactly("0");
  }

  @Test
  void freshDeletesNothingInAFolderThatHoldsAnIndexOrWarcFolderButNoCrawlDb() throws Exception {
    java.nio.file.Path mine = data.resolve("warc/archive-2019.warc.gz");
    java.nio.file.Files.createDirectories(mine.getParent());
    java.nio.file.Files.writeString(mine, "not sitepulse's");
    CrawlConfig fresh = freshSeedOnly(base() + "/site/faq.html");

    assertThatThrownBy(() -> Crawler.run(fresh, CrawlListener.NONE))
        .isInstanceOf(CrawlException.class)
        .hasMessage(data + " holds warc/ but no crawl.db, so it is not a sitepulse data folder and --fresh"
            + " deletes nothing; give another --data");
    assertThat(mine).hasContent("not sitepulse's");
  }

  @Test
  void freshDeletesNoCrawlDbThatIsAnotherProgramsDatabase() throws Exception {
    java.nio.file.Files.createDirectories(data);
    CrawlDbRows.execute(db(), "CREATE TABLE notes(text TEXT)");
    CrawlDbRows.execute(db(), "INSERT INTO notes VALUES ('not sitepulse''s')");
    CrawlConfig fresh = freshSeedOnly(base() + "/site/faq.html");

    assertThatThrownBy(() -> Crawler.run(fresh, CrawlListener.NONE))
        .isInstanceOf(CrawlException.class)
        .hasMessage(db() + ": not a sitepulse crawl.db: it holds another program's tables, and nothing in it"
            + " is changed; give another --data");
    assertThat(CrawlDbRows.column(db(), "SELECT text FROM notes")).containsExactly("not sitepulse's");
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(data)) {
      assertThat(files.map(f -> f.getFileName().toString())).as("no lock file either").containsExactly("crawl.db");
    }
  }

  @Test
  void aResumeRefusesACrawlDbWithAStateItDoesNotKnowAndChangesNothingInIt() throws Exception {
    Crawler.run(config(base() + "/site/faq.html").toBuilder().maxDepth(0).build(), CrawlListener.NONE);
    CrawlDbRows.execute(db(), "UPDATE urls SET state = 'archived' WHERE url LIKE '%/site/faq.html'");
    CrawlDbRows.execute(db(), "UPDATE urls SET state = 'fetching' WHERE state <> 'archived'");
    // Out of WAL, so that the whole database is in crawl.db's bytes and opening it for a crawl shows
    CrawlDbRows.query(db(), "PRAGMA journal_mode=DELETE");
    List<String> before = CrawlDbRows.column(db(), "SELECT url || ' ' || state FROM urls ORDER BY id");
    byte[] bytes = java.nio.file.Files.readAllBytes(db());

    assertThatThrownBy(() -> Crawler.run(config(base() + "/site/faq.html").toBuilder().warc(true).build(),
            CrawlListener.NONE))
        .isInstanceOf(CrawlException.class)
        .hasMessage(db() + ": url id 1 (" + base() + "/site/faq.html) is in state \"archived\", which this sitepulse"
            + " does not know (a newer one wrote it, or a hand); nothing in it is changed; crawl again with --fresh,"
            + " or give another --data");
    assertThat(CrawlDbRows.column(db(), "SELECT url || ' ' || state FROM urls ORDER BY id")).isEqualTo(before);
    assertThat(java.util.Arrays.equals(java.nio.file.Files.readAllBytes(db()), bytes)).as("crawl.db's bytes unchanged")
        .isTrue();
    assertThat(CrawlDbRows.column(db(), "PRAGMA journal_mode")).containsExactly("delete");
    assertThat(data.resolve("warc")).as("no WARC file begun").doesNotExist();
  }

  @Test
  void aWarcFolderThatIsAFileIsNamedWithWhyTheCrawlCannotWriteThere() throws Exception {
    CrawlConfig faq = config(base() + "/site/faq.html").toBuilder().maxDepth(0).build();
    Crawler.run(faq, CrawlListener.NONE);
    Path warc = java.nio.file.Files.writeString(data.resolve("warc"), "not a folder");

    assertThatThrownBy(() -> Crawler.run(faq.toBuilder().warc(true).build(), CrawlListener.NONE))
        .isInstanceOf(CrawlException.class)
        .hasMessage("cannot use " + data + ": warc: not a folder");
  }

  @Test
  void aCrawlInAFolderThatHoldsAnotherToolsIndexButNoCrawlDbLeavesThatIndexAsItWas() throws Exception {
    Path theirs = data.resolve("index");
    try (IndexWriter w = new IndexWriter(FSDirectory.open(theirs), new IndexWriterConfig())) {
      Document doc = new Document();
      doc.add(new TextField("title", "someone else's document", Field.Store.YES));
      w.addDocument(doc);
      w.commit();
    }
    List<String> before = filesIn(theirs);

    assertThatThrownBy(() -> Crawler.run(config(base() + "/site/faq.html"), CrawlListener.NONE))
        .isInstanceOf(CrawlException.class)
        .hasMessage(data + " holds index/ but no crawl.db, so it is not a sitepulse data folder and"
            + " nothing in it is changed; give another --data");
    assertThat(filesIn(theirs)).isEqualTo(before);
    assertThat(db()).doesNotExist();
  }

  @Test
  void aCrawlForSearchDoesNotResumeALinkChecksFolderWhosePagesWouldNeverBeIndexed() throws Exception {
    CrawlConfig linkCheck = config(base() + "/site/index.html").withPurpose(CrawlPurpose.LINK_CHECK);
    Crawler.run(linkCheck, CrawlListener.NONE);
    List<String> rows = CrawlDbRows.column(db(), "SELECT url || ' ' || state FROM urls ORDER BY url");

    assertThatThrownBy(() -> Crawler.run(config(base() + "/site/index.html"), CrawlListener.NONE))
        .isInstanceOf(CrawlException.class)
        .hasMessage(data + " holds a link check's crawl.db (sitepulse links --data) and no index/, so"
            + " there is no crawl for search to resume; start one with --fresh, or give another --data");
    assertThat(data.resolve("index")).doesNotExist();
    assertThat(CrawlDbRows.column(db(), "SELECT url || ' ' || state FROM urls ORDER BY url")).isEqualTo(rows);
    Crawler.run(linkCheck, CrawlListener.NONE); // and it stays a link check's folder
  }

  @Test
  void aLinkCheckDoesNotFetchTheQueueOfACrawlForSearchWhichWouldThenNeverIndexThosePages() throws Exception {
    CrawlConfig search = config(base() + "/site/index.html");
    CrawlConfig firstTwoPages = search.toBuilder().maxPages(2).build();
    Crawler.run(firstTwoPages, CrawlListener.NONE);
    List<String> rows = CrawlDbRows.column(db(), "SELECT url || ' ' || state FROM urls ORDER BY url");
    long queued = rows.stream().filter(r -> r.endsWith(" queued")).count();

    assertThatThrownBy(() -> Crawler.run(search.withPurpose(CrawlPurpose.LINK_CHECK), CrawlListener.NONE))
        .isInstanceOf(CrawlException.class)
        .hasMessage(data + " holds a crawl for search with " + queued + " URLs not fetched yet; a link check"
            + " would fetch them without indexing them, and the crawl would then never index them, so nothing"
            + " is changed: finish it with sitepulse crawl --data " + data + " first, or give another --data");
    assertThat(CrawlDbRows.column(db(), "SELECT url || ' ' || state FROM urls ORDER BY url")).isEqualTo(rows);
    CrawlStats rest = Crawler.run(search, CrawlListener.NONE);
    assertThat(rest.indexed()).isPositive(); // the pages the link check would have taken
    Crawler.run(search.withPurpose(CrawlPurpose.LINK_CHECK), CrawlListener.NONE); // a finished crawl is read
  }

  @Test
  void aLinkCheckDoesNotFetchASeedThatTheCrawlForSearchInItsFolderNeverFetched() throws Exception {
    Crawler.run(freshSeedOnly(base() + "/site/faq.html"), CrawlListener.NONE);

    assertThatThrownBy(() -> Crawler.run(config(base() + "/site/index.html").withPurpose(CrawlPurpose.LINK_CHECK),
        CrawlListener.NONE))
        .isInstanceOf(CrawlException.class)
        .hasMessage(data + " holds a crawl for search that never fetched " + base() + "/site/index.html; a link"
            + " check would fetch it without indexing it, and the crawl would then never index it, so nothing is"
            + " changed: crawl that seed with sitepulse crawl --data " + data + " first, or give another --data");
    assertThat(CrawlDbRows.column(db(), "SELECT url FROM urls")).containsExactly(base() + "/site/faq.html");
  }

  @Test
  void aLinkCheckRefusedACrawlForSearchFromAnEarlierVersionLeavesItsCrawlDbUnchanged() throws Exception {
    Crawler.run(freshSeedOnly(base() + "/site/faq.html"), CrawlListener.NONE);
    // Links keyed by URL, as crawl.db kept them before they referred to pages by id.
    CrawlDbRows.execute(db(), "DROP VIEW page_links");
    CrawlDbRows.execute(db(), "DROP TABLE links");
    CrawlDbRows.execute(db(), "CREATE TABLE links(from_url TEXT NOT NULL, to_url TEXT NOT NULL, fragment TEXT,"
        + " anchor TEXT, line INTEGER, nofollow INTEGER NOT NULL DEFAULT 0)");
    String tables = "SELECT type || ' ' || name FROM sqlite_master ORDER BY name";
    List<String> before = CrawlDbRows.column(db(), tables);

    assertThatThrownBy(() -> Crawler.run(config(base() + "/site/index.html").withPurpose(CrawlPurpose.LINK_CHECK),
        CrawlListener.NONE))
        .isInstanceOf(CrawlException.class)
        .hasMessageContaining("so nothing is changed");
    assertThat(CrawlDbRows.column(db(), tables)).isEqualTo(before);
    assertThat(CrawlDbRows.column(db(), "SELECT name FROM pragma_table_info('links') WHERE name LIKE 'from%'"))
        .containsExactly("from_url");
  }

  private static List<String> filesIn(Path dir) throws java.io.IOException {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aCrawlKilledAfterItMadeCrawlDbButBeforeItsIndexResumes() throws Exception {
    java.nio.file.Files.createDirectories(data);
    dev.sitepulse.crawler.store.CrawlDb.open(db()).close(); // what the killed run left: no index/

    CrawlStats resumed = Crawler.run(config(base() + "/site/faq.html"), CrawlListener.NONE);

    assertThat(resumed.indexed()).isPositive();
  }

  @Test
  void aSecondCrawlOfTheSameDataFolderIsRefusedAndTheFirstKeepsItsFiles() throws Exception {
    String slow = base() + "/status/200";
    CrawlConfig fresh = freshSeedOnly(base() + "/site/faq.html");
    CompletableFuture<CrawlStats> first;
    // While the server holds the first crawl's request, that crawl holds the folder.
    try (HeldResponses.Held request = held.hold("/status/200")) {
      first = inBackground(config(slow), new CrawlStop());
      request.awaitAsked();

      assertThatThrownBy(() -> Crawler.run(fresh, CrawlListener.NONE))
          .isInstanceOf(CrawlException.class)
          .hasMessage(data + " is in use by another crawl; wait for it to end, or give another --data");
    }
    assertThat(first.get(ENDS.toSeconds(), TimeUnit.SECONDS).errors()).isEmpty();
    assertThat(CrawlDbRows.column(db(), "SELECT state FROM urls WHERE url = '" + slow + "'"))
        .containsExactly("done");
    Crawler.run(fresh, CrawlListener.NONE);
    assertThat(CrawlDbRows.column(db(), "SELECT url FROM urls")).as("free again once the first ends")
        .containsExactly(base() + "/site/faq.html");
  }

  @Test
  void aStopCommitsWhatWasFetchedAndTheNextRunFetchesOnlyTheRest() throws Exception {
    CrawlConfig c = config(base() + "/site/index.html");
    CrawlConfig slowly = c.toBuilder().perHost(1).build();
    CrawlStop stop = new CrawlStop();
    CompletableFuture<CrawlStats> first;
    // One page at a time: while the server holds the guide, the rest of the home page's links wait.
    try (HeldResponses.Held guide = held.hold("/site/guide/index.html")) {
      first = inBackground(slowly, stop);
      guide.awaitAsked();
      stop.request();
    }

    CrawlStats stopped = first.get(ENDS.toSeconds(), TimeUnit.SECONDS);
    assertThat(stopped.queued()).isPositive();
    assertThat(CrawlDbRows.column(db(), "SELECT COUNT(*) FROM urls WHERE state = 'queued'"))
        .singleElement().asString().isNotEqualTo("0");

    CrawlStats rest = Crawler.run(slowly, CrawlListener.NONE);
    assertThat(rest.queued()).isZero();
    assertThat(CrawlDbRows.column(db(), "SELECT COUNT(*) FROM urls WHERE state IN ('queued', 'fetching')"))
        .containsExactly("0");
    assertThat(sitePagesFetched()).as("nothing fetched twice").doesNotHaveDuplicates().hasSizeGreaterThan(30);
  }

  /**
   * A read the server holds until the test ends, under a timeout of an hour: were the stop to wait
   * for it, {@code get()} would wait for the JUnit timeout, a safety net, and fail there.
   */
  private static final Duration AN_HOUR = Duration.ofHours(1);

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aStopWhileRobotsTxtIsBeingReadEndsTheCrawlWithoutWaitingForTheRead() throws Exception {
    try (HeldResponses.Held robots = held.hold("/robots.txt")) {
      CrawlStop stop = new CrawlStop();
      CompletableFuture<CrawlStats> crawl =
          inBackground(freshSeedOnly(base() + "/site/faq.html").toBuilder().timeout(AN_HOUR).build(), stop);
      robots.awaitAsked();

      stop.request();

      CrawlStats stopped = crawl.get();
      assertThat(stopped.pages()).isZero();
      assertThat(stopped.queued()).as("the seed, for the next run").isEqualTo(1);
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aStopWhileASitemapIsBeingReadEndsTheCrawlWithoutWaitingForTheRead() throws Exception {
    String seed = base() + "/site/faq.html";
    try (HeldResponses.Held sitemap = held.hold("/sitemap.xml")) {
      CrawlStop stop = new CrawlStop();
      // Depth 1, as --max-depth 0 reads no sitemap; the seed's links left out, to keep to it alone.
      CompletableFuture<CrawlStats> crawl = inBackground(freshSeedOnly(seed).toBuilder().maxDepth(1)
          .include(Pattern.compile("/faq\\.html$")).timeout(AN_HOUR).build(), stop);
      sitemap.awaitAsked(); // robots.txt is read: the seed's fetch started with the sitemap's

      stop.request();

      CrawlStats stopped = crawl.get();
      assertThat(stopped.pages()).as("the seed, which the stop let finish").isEqualTo(1);
    }
    assertThat(CrawlDbRows.column(db(), "SELECT url || ' ' || state FROM urls"))
        .containsExactly(seed + " done");
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aPageHandledAfterAStopStartsNoRobotsTxtReadForTheNewHostItLinksTo() throws Exception {
    String elsewhere = "http://localhost:" + site.getPort() + "/site/faq.html";
    site.stubFor(get("/held/front.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body><a href=\"" + elsewhere + "\">faq</a></body></html>")));
    // The site's sitemap lists pages outside this scope, which a fast answer would have fetched.
    CrawlConfig bothHosts = freshSeedOnly(base() + "/held/front.html").toBuilder().maxDepth(1).timeout(AN_HOUR)
        .scope(Scope.REGEX, Pattern.compile("^http://(127\\.0\\.0\\.1:[0-9]+/held/|localhost:)")).build();
    CrawlStop stop = new CrawlStop();
    CompletableFuture<CrawlStats> crawl;
    try (HeldResponses.Held robots = held.hold("localhost", "/robots.txt")) {
      try (HeldResponses.Held front = held.hold("/held/front.html")) {
        crawl = inBackground(bothHosts, stop);
        front.awaitAsked();
        stop.request(); // handled on the loop before the page, which comes once released
      }

      CrawlStats stopped = crawl.get();
      assertThat(stopped.pages()).isEqualTo(1);
      assertThat(stopped.queued()).as("localhost's page, for the next run").isEqualTo(1);
    }
    assertThat(CrawlDbRows.column(db(), "SELECT state FROM urls WHERE url = '" + elsewhere + "'"))
        .containsExactly("queued");
  }

  @Test
  void aStopAskedBeforeTheCrawlStartsSendsNoRobotsTxtRequestOnlyToCancelIt() throws Exception {
    CrawlStop stop = new CrawlStop();
    stop.request();

    CrawlStats stopped = Crawler.run(config(base() + "/site/faq.html"), CrawlListener.NONE, stop);

    assertThat(stopped.pages()).isZero();
    assertThat(site.findAll(getRequestedFor(urlPathEqualTo("/robots.txt")))).isEmpty();
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aRetryAfterDateCenturiesAheadGivesUpOnTheHostInsteadOfEndingTheCrawlInError() throws Exception {
    site.stubFor(get("/busy/until-9999").willReturn(aResponse().withStatus(503)
        .withHeader("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT")));

    // Past any --max-backoff: recorded with its 503 at once, as a wait that long is not waited.
    CrawlStats stats = Crawler.run(config(base() + "/busy/until-9999"), CrawlListener.NONE);

    assertThat(stats.hostsBackedOffTooLong()).isEqualTo(1);
    assertThat(site.findAll(getRequestedFor(urlPathEqualTo("/busy/until-9999")))).hasSize(1);
    assertThat(CrawlDbRows.column(db(), "SELECT state || ' ' || status FROM urls WHERE url LIKE '%/busy/until-9999'"))
        .containsExactly("done 503");
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aRetryAfterLongerThanMaxBackoffIsNotAskedAgainAMinuteLater() throws Exception {
    // Retry-After: 3600 was cut to a minute: the crawl asked again every minute for five minutes.
    site.stubFor(get("/busy/for-an-hour").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600")));

    CrawlStats stats = Crawler.run(config(base() + "/busy/for-an-hour"), CrawlListener.NONE);

    assertThat(stats.hostsBackedOffTooLong()).isEqualTo(1);
    assertThat(site.findAll(getRequestedFor(urlPathEqualTo("/busy/for-an-hour")))).hasSize(1);
  }

  private static CompletableFuture<CrawlStats> inBackground(CrawlConfig config, CrawlStop stop) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return Crawler.run(config, CrawlListener.NONE, stop);
      } catch (CrawlException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private List<String> sitePagesFetched() {
    return site.findAll(getRequestedFor(urlPathMatching("/site/.*"))).stream()
        .map(LoggedRequest::getUrl).toList();
  }

  @Test
  void aRedirectLoopStaysBoundedAndEachUrlIsFetchedOnce() throws Exception {
    Crawler.run(config(base() + "/redirect/loop-a"), CrawlListener.NONE);
    site.verify(1, getRequestedFor(urlPathEqualTo("/redirect/loop-a")));
    site.verify(1, getRequestedFor(urlPathEqualTo("/redirect/loop-b")));
    assertThat(CrawlDbRows.column(db(), "SELECT redirect_to FROM urls WHERE url LIKE '%/loop-a'"))
        .containsExactly(base() + "/redirect/loop-b");
  }

  @Test
  void aRedirectLoopIsRecordedAsTooManyRedirectsOnTheUrlThatClosesItAndCountedAsAnError() throws Exception {
    site.stubFor(get("/self-loop").willReturn(aResponse().withStatus(301).withHeader("Location", "/self-loop")));
    CrawlConfig seedsOnly = config(base() + "/redirect/loop-a", base() + "/self-loop").toBuilder().maxDepth(0).build();

    CrawlStats fresh = Crawler.run(seedsOnly, CrawlListener.NONE);

    assertThat(fresh.errors()).containsExactly(Map.entry("TOO_MANY_REDIRECTS", 2L));
    assertThat(CrawlDbRows.column(db(), "SELECT url || ' ' || state || ' ' || status || ' '"
        + " || coalesce(error_kind, '-') || ' ' || coalesce(message, '-') FROM urls ORDER BY url")).containsExactly(
            base() + "/redirect/loop-a done 302 - 302 Found",
            base() + "/redirect/loop-b done 302 TOO_MANY_REDIRECTS redirect loop starting at " + base() + "/redirect/loop-a",
            base() + "/self-loop done 301 TOO_MANY_REDIRECTS redirect loop starting at " + base() + "/self-loop");

    // Again with both URLs of the loop queued from the start, neither queued by the other's redirect;
    // either may answer first, and the other's redirect then closes the loop.
    CrawlStats refreshed = Crawler.run(seedsOnly.toBuilder().start(CrawlStart.REFRESH).build(), CrawlListener.NONE);

    assertThat(refreshed.errors()).containsExactly(Map.entry("TOO_MANY_REDIRECTS", 2L));
    assertThat(CrawlDbRows.column(db(), "SELECT count(*) FROM urls WHERE url LIKE '%/loop-_'"
        + " AND error_kind = 'TOO_MANY_REDIRECTS' AND message LIKE 'redirect loop starting at %/loop-_'")).containsExactly("1");
  }

  @Test
  void a429BacksTheHostOffForItsRetryAfter() throws Exception {
    site.resetScenarios();
    Crawler.run(config(base() + "/flaky-429"), CrawlListener.NONE);
    List<LoggedRequest> hits = site.findAll(getRequestedFor(urlPathEqualTo("/flaky-429")));
    assertThat(hits).hasSize(2);
    long gap = hits.get(1).getLoggedDate().getTime() - hits.get(0).getLoggedDate().getTime();
    assertThat(gap).isGreaterThanOrEqualTo(1000);
    assertThat(CrawlDbRows.column(db(), "SELECT status FROM urls WHERE url LIKE '%/flaky-429'")).containsExactly("200");
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aHostBackedOffForAMinuteDoesNotHoldUpAnotherHostsPages() throws Exception {
    site.stubFor(get("/busy").withHost(equalTo("localhost"))
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));
    CrawlConfig c = config("http://localhost:" + site.getPort() + "/busy", base() + "/site/index.html");
    CrawlConfig spaced = c.toBuilder().maxDepth(1).perHost(2).delay(Duration.ofMillis(100)).build();
    CrawlStop stop = new CrawlStop();

    CompletableFuture<CrawlStats> crawl = inBackground(spaced, stop);
    // The other host's pages within --max-depth all settled (fetched, or skipped for robots.txt),
    // while the busy one waits out its minute: then stopped.
    CrawlDbRows.awaitRow(db(), "the other host's pages all settled", "SELECT 1 FROM (SELECT count(*) AS n,"
        + " sum(state NOT IN ('queued', 'fetching')) AS settled FROM urls WHERE url LIKE '" + base() + "/site/%'"
        + " AND depth <= 1) WHERE n > 5 AND n = settled");
    stop.request();
    crawl.get();

    assertThat(site.findAll(getRequestedFor(urlPathEqualTo("/busy")))).as("not asked again yet").hasSize(1);
    assertThat(site.findAll(getRequestedFor(urlPathMatching("/site/.*"))
        .withHeader("Host", equalTo("127.0.0.1:" + site.getPort())))).hasSizeGreaterThan(5);
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aHostThatKeepsAskingToWaitPastMaxBackoffIsGivenUpOnAndTheCrawlEnds() throws Exception {
    String seed = pagesThatAskToWaitAMinute("/kept-busy/");
    // A minute's wait is more than the 30 s allowed: the first 429 ends the host's crawl, not six minutes of them.
    CrawlConfig c = config(seed).toBuilder().perHost(1).maxBackoff(Duration.ofSeconds(30)).build();

    CrawlStats stats = Crawler.run(c, CrawlListener.NONE);

    assertThat(site.findAll(getRequestedFor(urlPathMatching("/kept-busy/[abc].html")))).hasSize(1);
    assertThat(stats.hostsBackedOffTooLong()).isEqualTo(1);
    assertThat(stats.leftOnUnreachableHosts()).as("b.html, c.html and the stub site's sitemap pages")
        .isGreaterThanOrEqualTo(2).isEqualTo(stats.queued());
    assertThat(CrawlDbRows.column(db(), "SELECT state || ' ' || COALESCE(status, '') FROM urls"
        + " WHERE url LIKE '%/kept-busy/_.html' ORDER BY state")).containsExactly("done 429", "queued ", "queued ");
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFetchUnderWayAsItsHostIsGivenUpOnThatGetsA429TooIsLeftQueuedWithTheHostsOtherUrls() throws Exception {
    String seed = pagesThatAskToWaitAMinute("/all-busy/");
    // Two at once, and no sitemap page of the stub site between them: a.html and b.html are under
    // way together, and the first 429 gives up on the host as the second is still coming.
    CrawlConfig c = config(seed).toBuilder().perHost(2).ignoreRobots(true).include(Pattern.compile("/all-busy/"))
        .maxBackoff(Duration.ofSeconds(30)).build();

    CrawlStats stats = Crawler.run(c, CrawlListener.NONE);

    assertThat(site.findAll(getRequestedFor(urlPathMatching("/all-busy/[abc].html")))).hasSize(2);
    assertThat(CrawlDbRows.column(db(), "SELECT state || ' ' || COALESCE(status, '') FROM urls"
        + " WHERE url LIKE '%/all-busy/_.html' ORDER BY state")).containsExactly("done 429", "queued ", "queued ");
    assertThat(stats.leftOnUnreachableHosts()).as("b.html, under way, and c.html").isEqualTo(2).isEqualTo(stats.queued());
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aSitemapOfAHostGivenUpOnIsLeftUnreadInsteadOfWaitingOutItsBackOff() throws Exception {
    String seed = pagesThatAskToWaitAMinute("/busy-with-sitemap/");
    site.stubFor(get("/robots.txt").withHost(equalTo("localhost")).willReturn(aResponse()
        .withBody("Sitemap: http://localhost:" + site.getPort() + "/busy-with-sitemap/sitemap.xml\n")));
    CrawlConfig c = config(seed).toBuilder().perHost(2).ignoreRobots(true)
        .include(Pattern.compile("/busy-with-sitemap/")).maxBackoff(Duration.ofSeconds(30)).build();
    CompletableFuture<CrawlStats> crawl;
    // robots.txt comes late: the server holds it until the first 429 has given up on the host,
    // whose turn is a minute out.
    try (LoggedLines loop = LoggedLines.of("dev.sitepulse.crawler.internal.CrawlLoop");
        HeldResponses.Held robots = held.hold("localhost", "/robots.txt")) {
      crawl = inBackground(c, new CrawlStop());
      robots.awaitAsked();
      loop.awaitWarning("more than --max-backoff");
    }
    crawl.get();

    assertThat(site.findAll(getRequestedFor(urlPathMatching("/busy-with-sitemap/sitemap.xml")))).isEmpty();
  }

  /**
   * On the host localhost, {@code folder}index.html linking to a.html, b.html and c.html, which
   * answer 429 with Retry-After: 60. Returns the index's URL.
   */
  private String pagesThatAskToWaitAMinute(String folder) {
    site.stubFor(get(folder + "index.html").withHost(equalTo("localhost")).willReturn(aResponse()
        .withHeader("Content-Type", "text/html").withBody("<a href=a.html>a</a> <a href=b.html>b</a> <a href=c.html>c</a>")));
    site.stubFor(get(urlPathMatching(folder + "[abc].html")).withHost(equalTo("localhost"))
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));
    return "http://localhost:" + site.getPort() + folder + "index.html";
  }

  @Test
  void aLinkToAHostNameJavaCannotReadIsSkippedInsteadOfEndingTheCrawl() throws Exception {
    site.stubFor(get("/underscore.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<title>x</title><a href='http://dev_box.example.com/page'>a</a> <a href='/site/faq.html'>faq</a>")));
    CrawlConfig c = config(base() + "/underscore.html");
    CrawlConfig anyHttp =
        c.toBuilder().maxDepth(1).scope(Scope.REGEX, Pattern.compile("^http://")).ignoreRobots(true).build();

    Crawler.run(anyHttp, CrawlListener.NONE);

    assertThat(htmlPages()).contains(base() + "/underscore.html", base() + "/site/faq.html");
  }

  @Test
  void aPageDeclaringAnImmenseLanguageAndTitleIsIndexedNotLeftInFlight() throws Exception {
    String huge = "w".repeat(40_000);
    site.stubFor(get("/immense.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html lang='" + huge + "'><title>" + huge + " immense</title><p>immensity</p></html>")));

    CrawlStats stats = Crawler.run(config(base() + "/immense.html"), CrawlListener.NONE);

    assertThat(stats.errors()).doesNotContainKey("PARSE");
    assertThat(CrawlDbRows.column(db(), "SELECT state || ' ' || indexed FROM urls WHERE url LIKE '%/immense.html'"))
        .containsExactly("done 1");
  }

  @Test
  void aHugePageIsCutOffByMaxBodyWithoutStallingTheCrawl() throws Exception {
    CrawlConfig c = config(base() + "/big", base() + "/site/faq.html");
    CrawlConfig cut = c.toBuilder().maxDepth(0).maxBodyBytes(64 * 1024).build();
    CrawlStats stats = Crawler.run(cut, CrawlListener.NONE);
    assertThat(CrawlDbRows.column(db(), "SELECT bytes FROM urls WHERE url LIKE '%/big'")).containsExactly("65536");
    assertThat(htmlPages()).containsExactly(base() + "/site/faq.html");
    assertThat(stats.errors()).isEmpty();
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aPageThatDoesNotAnswerInTimeFailsAsATimeoutAndTheCrawlEnds() throws Exception {
    // The server holds the page until the test ends, however fast the machine; the seed alone and
    // robots.txt ignored, so that its fetch is the only one the short timeout bounds. A crawl that
    // waited for the page would never end: the JUnit timeout is a safety net, not a speed goal.
    try (HeldResponses.Held slow = held.hold("/site/slow.html")) {
      CrawlConfig tight = freshSeedOnly(base() + "/site/slow.html").toBuilder().ignoreRobots(true)
          .timeout(Duration.ofMillis(500)).build();

      CrawlStats stats = Crawler.run(tight, CrawlListener.NONE);

      assertThat(CrawlDbRows.column(db(), "SELECT state || ' ' || error_kind FROM urls WHERE url LIKE '%/slow.html'"))
          .containsExactly("failed TIMEOUT");
      assertThat(stats.errors()).containsExactly(Map.entry("TIMEOUT", 1L));
    }
  }

  @Test
  void crawlDelayFromRobotsTxtSpacesTheRequestsToAHost() throws Exception {
    WireMockExtension polite = site; // same server, a host-specific robots.txt through another name
    site.stubFor(get("/robots.txt").withHost(com.github.tomakehurst.wiremock.client.WireMock.equalTo("localhost"))
        .atPriority(1).willReturn(aResponse().withBody("User-agent: *\nCrawl-delay: 1\n")));
    String local = "http://localhost:" + polite.getPort();
    CrawlConfig c = config(local + "/site/index.html");
    CrawlConfig few = c.toBuilder().maxPages(4).build();
    Crawler.run(few, CrawlListener.NONE);
    List<Long> times = site.findAll(getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/site/.*"))
            .withHeader("Host", com.github.tomakehurst.wiremock.client.WireMock.containing("localhost")))
        .stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
    assertThat(times).hasSize(4);
    assertThat(gaps(times)).allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(950));
  }

  @Test
  void anHourLongCrawlDelayIsCappedNotTakenForDisallowingTheHost() throws Exception {
    site.stubFor(get("/robots.txt").withHost(equalTo("localhost")).atPriority(1)
        .willReturn(aResponse().withBody("User-agent: *\nCrawl-delay: 3600\n")));
    CrawlConfig c = config("http://localhost:" + site.getPort() + "/site/faq.html");
    CrawlConfig seedOnly = c.toBuilder().maxDepth(0).build();

    CrawlStats stats = Crawler.run(seedOnly, CrawlListener.NONE);

    assertThat(stats.robotsBlocked()).isZero();
    site.verify(getRequestedFor(urlPathEqualTo("/site/faq.html")));
  }

  @Test
  void theSitemapsOfAnIndexAreReadOneAtATimeAndTheHostsCrawlDelayApart() throws Exception {
    sitemapIndexOnLocalhost(3);
    String local = "http://localhost:" + site.getPort();

    Crawler.run(config(local + "/status/200"), CrawlListener.NONE);

    List<Long> times = site.findAll(getRequestedFor(urlPathMatching("/sm-.*"))).stream()
        .map(r -> r.getLoggedDate().getTime()).sorted().toList();
    assertThat(times).hasSize(3);
    assertThat(gaps(times)).allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(950));
  }

  @Test
  void sitemapsStillWaitingAreDroppedWhenTheCrawlReachesItsPageLimit() throws Exception {
    sitemapIndexOnLocalhost(50);
    CrawlConfig c = config("http://localhost:" + site.getPort() + "/status/200");
    CrawlConfig onePage = c.toBuilder().maxPages(1).build();

    assertTimeoutPreemptively(ENDS, () -> Crawler.run(onePage, CrawlListener.NONE));

    assertThat(site.findAll(getRequestedFor(urlPathMatching("/sm-.*")))).hasSizeLessThan(10);
  }

  /** The time between each request and the one before, in milliseconds. */
  private static List<Long> gaps(List<Long> times) {
    return java.util.stream.IntStream.range(1, times.size()).mapToObj(i -> times.get(i) - times.get(i - 1)).toList();
  }

  /** localhost's robots.txt asks for a Crawl-delay of 1 s; its sitemap.xml is an index of empty sitemaps. */
  private void sitemapIndexOnLocalhost(int sitemaps) {
    String local = "http://localhost:" + site.getPort();
    site.stubFor(get("/robots.txt").withHost(equalTo("localhost")).atPriority(1)
        .willReturn(aResponse().withBody("User-agent: *\nCrawl-delay: 1\n")));
    StringBuilder index = new StringBuilder("<?xml version=\"1.0\"?>"
        + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    for (int i = 0; i < sitemaps; i++) {
      index.append("<sitemap><loc>").append(local).append("/sm-").append(i).append(".xml</loc></sitemap>");
    }
    site.stubFor(get("/sitemap.xml").withHost(equalTo("localhost")).atPriority(1)
        .willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(index + "</sitemapindex>")));
    site.stubFor(get(urlPathMatching("/sm-.*")).willReturn(aResponse().withHeader("Content-Type", "application/xml")
        .withBody("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"></urlset>")));
  }

  @Test
  void warcWritesEveryResponseAsAWarcResponseRecord() throws Exception {
    CrawlConfig c = config(base() + "/site/faq.html");
    CrawlConfig withWarc = c.toBuilder().maxDepth(0).warc(true).build();
    Crawler.run(withWarc, CrawlListener.NONE);
    List<java.nio.file.Path> files;
    try (var list = java.nio.file.Files.list(data.resolve("warc"))) {
      files = list.toList();
    }
    assertThat(files).singleElement().asString().endsWith(".warc.gz");
    List<String> uris = new java.util.ArrayList<>();
    List<org.netpreserve.jwarc.WarcRecord> records = new java.util.ArrayList<>();
    try (org.netpreserve.jwarc.WarcReader reader = new org.netpreserve.jwarc.WarcReader(files.get(0))) {
      for (org.netpreserve.jwarc.WarcRecord record : reader) {
        records.add(record);
        if (record instanceof org.netpreserve.jwarc.WarcResponse response) {
          uris.add(response.target());
          assertThat(response.http().status()).isEqualTo(200);
          assertThat(response.warcinfoID()).contains(records.get(0).id());
        }
      }
    }
    assertThat(uris).containsExactly(base() + "/site/faq.html");
    assertThat(records.get(0)).isInstanceOfSatisfying(org.netpreserve.jwarc.Warcinfo.class,
        info -> assertThat(info.filename()).contains(files.get(0).getFileName().toString()));
  }

  @Test
  void aWarcRecordOfABodyCutAtMaxBodySaysItIsTruncatedByLength() throws Exception {
    site.stubFor(get("/long.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body>" + "word ".repeat(2000) + "</body></html>")));
    CrawlConfig c = config(base() + "/long.html").toBuilder().maxDepth(0).warc(true).maxBodyBytes(1000).build();
    Crawler.run(c, CrawlListener.NONE);
    List<String> responses = new java.util.ArrayList<>();
    try (var list = java.nio.file.Files.list(data.resolve("warc"));
        var reader = new org.netpreserve.jwarc.WarcReader(list.findFirst().orElseThrow())) {
      for (org.netpreserve.jwarc.WarcRecord record : reader) {
        if (record instanceof org.netpreserve.jwarc.WarcResponse response) {
          responses.add(response.truncated() + " " + response.http().body().stream().readAllBytes().length);
        }
      }
    }
    // A replay or an archive must not take the first 1000 bytes for the whole page (WARC 1.1, WARC-Truncated).
    assertThat(responses).containsExactly("LENGTH 1000");
  }

  @Test
  void aWarcRecordOfAWholeBodyIsNotMarkedTruncated() throws Exception {
    Crawler.run(config(base() + "/site/faq.html").toBuilder().maxDepth(0).warc(true).build(), CrawlListener.NONE);
    try (var list = java.nio.file.Files.list(data.resolve("warc"));
        var reader = new org.netpreserve.jwarc.WarcReader(list.findFirst().orElseThrow())) {
      for (org.netpreserve.jwarc.WarcRecord record : reader) {
        assertThat(record.truncated()).isEqualTo(org.netpreserve.jwarc.WarcTruncationReason.NOT_TRUNCATED);
      }
    }
  }

  @Test
  void aRedirectedRobotsTxtIsFollowedAndObeyed() throws Exception {
    var localhost = com.github.tomakehurst.wiremock.client.WireMock.equalTo("localhost");
    site.stubFor(get("/robots.txt").withHost(localhost).atPriority(1)
        .willReturn(aResponse().withStatus(301).withHeader("Location", "/moved/robots.txt")));
    site.stubFor(get("/moved/robots.txt").atPriority(1)
        .willReturn(aResponse().withBody("User-agent: *\nDisallow: /site/faq.html\n")));
    CrawlConfig c = config("http://localhost:" + site.getPort() + "/site/faq.html");
    CrawlStats stats = Crawler.run(c.toBuilder().maxDepth(0).build(), CrawlListener.NONE);
    assertThat(stats.robotsBlocked()).isEqualTo(1);
  }

  @Test
  void aRobotsTxtThatRedirectsInCirclesIsUnavailableAndAllowsEverything() throws Exception {
    site.stubFor(get(urlPathEqualTo("/robots.txt")).withHost(equalTo("localhost")).atPriority(1)
        .willReturn(aResponse().withStatus(302).withHeader("Location", "/robots.txt?again")));

    CrawlStats stats = Crawler.run(config("http://localhost:" + site.getPort() + "/site/faq.html"), CrawlListener.NONE);

    assertThat(stats.robotsBlocked()).isZero();
    site.verify(getRequestedFor(urlPathEqualTo("/site/faq.html")));
  }

  @Test
  void theSitemapOfAHostWhoseRobotsTxtAnswers503IsNotRead() throws Exception {
    site.stubFor(get("/robots.txt").withHost(equalTo("localhost")).atPriority(1)
        .willReturn(aResponse().withStatus(503)));

    Crawler.run(config("http://localhost:" + site.getPort() + "/site/faq.html"), CrawlListener.NONE);

    site.verify(0, getRequestedFor(urlPathEqualTo("/sitemap.xml")));
    site.verify(0, getRequestedFor(urlPathEqualTo("/site/faq.html")));
  }

  @Test
  void aRobotsTxtWithNoContentAllowsEverythingAndTheCrawlEnds() throws Exception {
    site.stubFor(get("/robots.txt").withHost(com.github.tomakehurst.wiremock.client.WireMock.equalTo("localhost"))
        .atPriority(1).willReturn(aResponse().withStatus(204)));
    CrawlConfig c = config("http://localhost:" + site.getPort() + "/site/faq.html");
    CrawlStats stats = Crawler.run(c.toBuilder().maxDepth(0).build(), CrawlListener.NONE);
    assertThat(stats.pages()).isEqualTo(1);
  }
}
