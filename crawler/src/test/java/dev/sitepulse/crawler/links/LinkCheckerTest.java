package dev.sitepulse.crawler.links;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.sitepulse.crawler.AnsweredFetches;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlDbRows;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.CrawlSpec;
import dev.sitepulse.crawler.CrawlStats;
import dev.sitepulse.crawler.CrawlStart;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.Crawler;
import dev.sitepulse.crawler.LoggedLines;
import dev.sitepulse.crawler.Scope;
import dev.sitepulse.crawler.StubSiteServer;
import dev.sitepulse.pinger.config.DataSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link-check crawl of WireMock pages, then the check: what is broken, with which problem, and
 * what is counted. Links to {@code localhost} are external, since the crawl's host is 127.0.0.1.
 */
class LinkCheckerTest {

  private static final String AGENT = "sitepulse-test/1.0";

  @RegisterExtension
  static WireMockExtension site = StubSiteServer.builder().build();

  @TempDir Path data;

  private final LinkPages pages = new LinkPages(site);

  private String base() {
    return pages.base();
  }

  private String external() {
    return pages.external();
  }

  /** A page at {@code path} whose body is these links, one a line. */
  private void page(String path, String... hrefs) {
    pages.page(path, hrefs);
  }

  /** A page at {@code path} with an element of each of these ids. */
  private void pageWithIds(String path, String... ids) {
    html(path, Stream.of(ids).map(id -> "<p id=\"" + id + "\">x</p>"));
  }

  private void html(String path, Stream<String> lines) {
    pages.html(path, lines);
  }

  /**
   * When the requests whose path and query match {@code regex} arrived, in ms, earliest first.
   * A gap between two is a sound lower bound on pacing: a request to a host waits the delay after
   * the one before it ended, which was after the server logged it, so only the millisecond
   * truncation and a wall clock set back in between can make the gap look shorter. Removing the
   * pacing (HostPacing's delay, or only its pause after a request ends) fails these tests.
   */
  private List<Long> timesAsked(String regex) {
    return site.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().matches(regex))
        .map(e -> e.getRequest().getLoggedDate().getTime()).sorted().toList();
  }

  /** Two requests matching {@code regex} came, a Crawl-delay of 1 s apart (50 ms for the clocks). */
  private void assertTwoAskedASecondApart(String regex) {
    List<Long> asked = timesAsked(regex);
    assertThat(asked).hasSize(2);
    assertThat(asked.get(1) - asked.get(0)).isGreaterThanOrEqualTo(950);
  }

  /** Depth 0: the seeds alone, not the stub site that the host's sitemap lists. */
  private CrawlConfig seedsOnly(String... seeds) {
    return crawl(null, 0, null, seeds);
  }

  private CrawlConfig crawl(Integer maxPages, Integer maxDepth, Pattern include, String... seeds) {
    return new CrawlSpec(List.of(seeds), data.toString(), maxPages, maxDepth, null, null, include, null,
        null, 4, Duration.ZERO, AnsweredFetches.TIMEOUT, null, AGENT, null, null)
        .toConfig(CrawlStart.RESUME).withPurpose(CrawlPurpose.LINK_CHECK);
  }

  /** With --scope prefix: the seed's folder. */
  private CrawlConfig prefixScoped(String seed, int maxDepth) {
    return new CrawlSpec(List.of(seed), data.toString(), null, maxDepth, Scope.PREFIX, null, null, null, null, 4,
        Duration.ZERO, AnsweredFetches.TIMEOUT, null, AGENT, null, null)
        .toConfig(CrawlStart.RESUME).withPurpose(CrawlPurpose.LINK_CHECK);
  }

  private LinkReport check(CrawlConfig crawl, boolean checkExternal) throws Exception {
    return check(crawl, checkExternal, false);
  }

  private LinkReport check(CrawlConfig crawl, boolean checkExternal, boolean checkAnchors)
      throws Exception {
    Crawler.run(crawl, CrawlListener.NONE);
    return LinkChecker.check(crawl, checkExternal, checkAnchors);
  }

  /** A page with a broken image and stylesheet, a working script, and a broken image elsewhere. */
  private String pageWithResources() {
    site.stubFor(any(urlPathEqualTo("/assets/app.js")).willReturn(aResponse().withStatus(200)));
    html("/gallery.html", Stream.of(
        "<link rel=stylesheet href=/assets/missing.css>",
        "<script src=/assets/app.js></script>",
        "<img src=/assets/gone.png alt=\"Team photo\">",
        "<img srcset=\"/assets/gone.png 2x\">",
        "<img src=" + external() + "/assets/elsewhere.png>",
        "<img src=\"data:image/gif;base64,R0lGOD\">"));
    return base() + "/gallery.html";
  }

  @Test
  void aBrokenImageOrStylesheetIsBrokenAndEachReferrerSaysHowItIsEmbedded() throws Exception {
    LinkReport report = check(seedsOnly(pageWithResources()), false);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::problem, BrokenLink::external).containsExactly(
        tuple(base() + "/assets/gone.png", "404 Not Found", false),
        tuple(base() + "/assets/missing.css", "404 Not Found", false));
    assertThat(report.broken().get(0).referrers()).extracting(Referrer::where, Referrer::anchorText, Referrer::embeddedAs)
        .containsExactly(tuple(base() + "/gallery.html:4", "<img> Team photo", "<img>"),
            tuple(base() + "/gallery.html:5", "<img srcset>", "<img srcset>"));
    assertThat(report.broken().get(1).referrers()).extracting(Referrer::anchorText)
        .containsExactly("<link rel=stylesheet>");
  }

  @Test
  void aBrokenLinkWrittenWithSessionIdsIsOneTargetWithoutThemAndEachLinkKeepsItsLine() throws Exception {
    html("/session.html", Stream.of(
        "<a href=\"/nowhere/gone.html;jsessionid=0A1B2C3D\">first</a>",
        "<a href=\"/nowhere/gone.html?PHPSESSID=9f8e7d&amp;utm_source=mail\">second</a>"));

    Pattern thesePages = Pattern.compile("/session\\.html|/nowhere/");
    LinkReport report = check(crawl(null, 1, thesePages, base() + "/session.html"), false);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::problem)
        .containsExactly(tuple(base() + "/nowhere/gone.html", "404 Not Found"));
    assertThat(report.broken().get(0).referrers()).extracting(Referrer::where, Referrer::anchorText)
        .containsExactly(tuple(base() + "/session.html:2", "first"), tuple(base() + "/session.html:3", "second"));
    site.verify(1, getRequestedFor(urlPathEqualTo("/nowhere/gone.html")));
  }

  @Test
  void withExternalSkipTheSitesOwnResourcesAreFetchedByTheCrawlOnceEachAndOthersAreSkipped() throws Exception {
    LinkReport report = check(seedsOnly(pageWithResources()), false);

    assertThat(report.broken()).extracting(BrokenLink::url).doesNotContain(external() + "/assets/elsewhere.png");
    // 5 http resources; targets: the seed, gone.png, missing.css, app.js and elsewhere.png; one page
    assertThat(report).extracting(LinkReport::pages, LinkReport::links, LinkReport::resources, LinkReport::targets,
        LinkReport::checkedOnline, LinkReport::skipped, LinkReport::nonHttp).containsExactly(1L, 0L, 5L, 5L, 0L, 1L, 1L);
    assertThat(report.working()).as("the seed and app.js").isEqualTo(2);
    site.verify(1, getRequestedFor(urlPathEqualTo("/assets/gone.png")));
    site.verify(0, headRequestedFor(urlPathEqualTo("/assets/gone.png")));
    site.verify(0, anyRequestedFor(urlPathEqualTo("/assets/elsewhere.png")));
  }

  @Test
  void withExternalChecksAnExternalBrokenResourceIsReportedAsExternal() throws Exception {
    LinkReport report = check(seedsOnly(pageWithResources()), true);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::external).containsExactly(
        tuple(base() + "/assets/gone.png", false), tuple(base() + "/assets/missing.css", false),
        tuple(external() + "/assets/elsewhere.png", true));
    assertThat(report.checkedOnline()).as("the other site's image; the crawl fetched the rest").isEqualTo(1);
    assertThat(report.skipped()).isZero();
  }

  /**
   * How long an image's body takes to come, dribbled: ten times the crawl's timeout, so that a check
   * that read it would time out however fast the machine, while one that does not ends at once.
   */
  private static final int BODY_OUTLASTING_THE_TIMEOUT_MS = (int) AnsweredFetches.TIMEOUT.multipliedBy(10).toMillis();

  @Test
  void anImageIsCheckedByItsStatusWithoutWaitingForItsBody() throws Exception {
    // A body that takes ten times the crawl's timeout to come: reading it would fail the image.
    site.stubFor(get("/assets/huge.png").willReturn(aResponse().withHeader("Content-Type", "image/png")
        .withBody(new byte[1 << 20]).withChunkedDribbleDelay(100, BODY_OUTLASTING_THE_TIMEOUT_MS)));
    html("/photos.html", Stream.of("<img src=/assets/huge.png alt=\"Summit\">"));

    LinkReport report = check(seedsOnly(base() + "/photos.html"), false);

    assertThat(report.broken()).isEmpty();
    assertThat(report.resources()).isEqualTo(1);
    site.verify(1, getRequestedFor(urlPathEqualTo("/assets/huge.png")));
  }

  @Test
  void anImageOnAnotherSiteIsJudgedByItsStatusWithoutWaitingForItsBodyAsTheSitesOwnIs() throws Exception {
    // HEAD refused, so a GET, whose body read (ten times the timeout) was a TIMEOUT.
    site.stubFor(head(urlPathEqualTo("/assets/huge.png")).willReturn(aResponse().withStatus(405)));
    site.stubFor(get("/assets/huge.png").willReturn(aResponse().withHeader("Content-Type", "image/png")
        .withBody(new byte[1 << 20]).withChunkedDribbleDelay(100, BODY_OUTLASTING_THE_TIMEOUT_MS)));
    html("/photos.html", Stream.of("<img src=" + external() + "/assets/huge.png alt=\"Summit\">"));

    LinkReport report = check(seedsOnly(base() + "/photos.html"), true);

    assertThat(report.broken()).isEmpty();
    assertThat(report.checkedOnline()).isEqualTo(1);
    site.verify(1, getRequestedFor(urlPathEqualTo("/assets/huge.png")));
  }

  @Test
  void withWarcAnImagesBodyIsFetchedWholeForTheArchive() throws Exception {
    byte[] png = new byte[200_000]; // past what a link check reads of a body it does not keep
    site.stubFor(get("/assets/banner.png").willReturn(aResponse().withHeader("Content-Type", "image/png")
        .withBody(png)));
    html("/banner.html", Stream.of("<img src=/assets/banner.png alt=\"Banner\">"));
    CrawlConfig crawl = seedsOnly(base() + "/banner.html").toBuilder().warc(true).build()
        .withPurpose(CrawlPurpose.LINK_CHECK);

    LinkReport report = check(crawl, false);

    assertThat(report.broken()).isEmpty();
    Map<String, Long> bodies = new HashMap<>();
    try (var files = Files.list(data.resolve("warc"))) {
      for (Path file : files.toList()) {
        try (WarcReader reader = new WarcReader(file)) {
          for (WarcRecord record : reader) {
            if (record instanceof WarcResponse response) {
              bodies.put(response.target(), (long) response.http().body().stream().readAllBytes().length);
            }
          }
        }
      }
    }
    assertThat(bodies).containsEntry(base() + "/assets/banner.png", 200_000L);
  }

  @Test
  void aResourceTheCrawlFetchedBecauseALinkLeadsThereIsJudgedByThatFetchAndNotAskedAgain() throws Exception {
    html("/linked-image.html", Stream.of("<a href=/status/404>the picture</a>", "<img src=/status/404 alt=picture>"));
    Pattern thesePages = Pattern.compile("/linked-image\\.html|/status/");

    LinkReport report = check(crawl(null, 1, thesePages, base() + "/linked-image.html"), false);

    assertThat(report.broken()).singleElement().extracting(BrokenLink::url).isEqualTo(base() + "/status/404");
    assertThat(report.broken().get(0).referrers()).extracting(Referrer::anchorText, Referrer::embeds)
        .containsExactly(tuple("the picture", false), tuple("<img> picture", true));
    assertThat(report.checkedOnline()).isZero();
    site.verify(0, headRequestedFor(urlPathEqualTo("/status/404")));
  }

  @Test
  void aResourcesFragmentIsNeverCheckedAsAnAnchor() throws Exception {
    pageWithIds("/framed.html", "here");
    html("/framing.html", Stream.of("<a href=/framed.html#here>framed</a>", "<iframe src=/framed.html#nowhere></iframe>",
        "<img src=\"/framed.html#xywh=0,0,10,10\">"));
    Pattern thesePages = Pattern.compile("/fram(ed|ing)\\.html");

    LinkReport report = check(crawl(null, 1, thesePages, base() + "/framing.html"), false, true);

    assertThat(report.broken()).isEmpty();
    assertThat(report.resources()).isEqualTo(2);
  }

  @Test
  void theOfflineCheckOfTheLinksLeavesResourcesOutAndAsksNothingOnline() throws Exception {
    CrawlConfig crawl = seedsOnly(pageWithResources());
    Crawler.run(crawl, CrawlListener.NONE);
    site.resetRequests(); // the crawl fetched the site's own resources

    LinkReport report = LinkChecker.checkLinksOffline(crawl);

    assertThat(report.broken()).isEmpty();
    assertThat(report).extracting(LinkReport::resources, LinkReport::targets).containsExactly(0L, 1L);
    site.verify(0, anyRequestedFor(urlPathEqualTo("/assets/gone.png")));
    site.verify(0, anyRequestedFor(urlPathEqualTo("/assets/elsewhere.png")));
  }

  @Test
  void theListenerHearsOfTheCrawlThenOfEachTargetCheckedOnlineOnce() throws Exception {
    page("/outbound.html", external() + "/status/200", external() + "/status/404", base() + "/status/204");
    List<String> heard = Collections.synchronizedList(new ArrayList<>());
    LinkCheckListener listener = new LinkCheckListener() {
      @Override
      public void finished(CrawlStats stats) {
        heard.add("crawled " + stats.pages());
      }

      @Override
      public void checkedOnline(int done, int total) {
        heard.add(done + "/" + total);
      }
    };

    LinkReport report = LinkChecker.crawlAndCheck(seedsOnly(base() + "/outbound.html"), true, false, null,
        new CrawlStop(), listener);

    assertThat(report.checkedOnline()).isEqualTo(3);
    // The 404 is asked again with GET, and counted when that ends; the order is the checks'.
    assertThat(heard).hasSize(4).startsWith("crawled 1").containsSubsequence("crawled 1", "3/3")
        .contains("1/3", "2/3");
  }

  @Test
  void targetsTheIgnorePatternFindsInAreNeitherAskedForNorReportedButCountedAsSkipped() throws Exception {
    page("/social.html", external() + "/status/404?share=1", external() + "/status/500", base() + "/status/404");

    LinkReport report = LinkChecker.crawlAndCheck(seedsOnly(base() + "/social.html"), true, false,
        Pattern.compile("share=|/status/500$"), new CrawlStop(), LinkCheckListener.NONE);

    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(base() + "/status/404");
    assertThat(report.skipped()).isEqualTo(2);
    site.verify(0, anyRequestedFor(urlPathEqualTo("/status/500")));
  }

  @Test
  void theGetFallbackOfAnExternalCheckSendsTheConfiguredUserAgent() throws Exception {
    site.stubFor(head(urlPathEqualTo("/head-refused")).willReturn(aResponse().withStatus(405)));
    site.stubFor(get(urlPathEqualTo("/head-refused")).willReturn(aResponse().withStatus(200)));
    page("/ua.html", external() + "/head-refused");

    LinkReport report = check(seedsOnly(base() + "/ua.html"), true);

    assertThat(report.broken()).isEmpty();
    assertThat(report.checkedOnline()).isEqualTo(1);
    site.verify(1, getRequestedFor(urlPathEqualTo("/head-refused")).withHeader("User-Agent", equalTo(AGENT)));
  }

  @Test
  void anExternalTargetThatAsksToComeBackLaterIsAskedAgainOnlyAfterItsRetryAfter() throws Exception {
    site.stubFor(head(urlPathEqualTo("/busy"))
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
    site.stubFor(get(urlPathEqualTo("/busy")).willReturn(aResponse().withStatus(200)));
    page("/rate-limited.html", external() + "/busy");

    LinkReport report = check(seedsOnly(base() + "/rate-limited.html"), true);

    assertThat(report.broken()).isEmpty();
    // A 429 says when to come back, not that the link is gone; a GET at once would get another.
    Date asked = site.findAll(headRequestedFor(urlPathEqualTo("/busy"))).get(0).getLoggedDate();
    Date askedAgain = site.findAll(getRequestedFor(urlPathEqualTo("/busy"))).get(0).getLoggedDate();
    assertThat(askedAgain.getTime() - asked.getTime()).isGreaterThanOrEqualTo(900);
  }

  @Test
  void aBrokenStatusReadsTheSameWhetherItWasCrawledOrCheckedOnline() throws Exception {
    // A 304 to a request without validators gives no page, crawled or checked.
    site.stubFor(get("/unasked-304").willReturn(aResponse().withStatus(304)));
    page("/statuses.html", base() + "/status/404", external() + "/status/404", base() + "/unasked-304",
        external() + "/unasked-304");
    // The page and what it links on this host, not the stub site of the host's sitemap.
    Pattern thesePages = Pattern.compile("/statuses\\.html|/status/|/unasked-304");

    LinkReport report = check(crawl(null, 1, thesePages, base() + "/statuses.html"), true);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::problem).containsExactly(
        tuple(base() + "/status/404", "404 Not Found"), tuple(base() + "/unasked-304", "304 Not Modified"),
        tuple(external() + "/status/404", "404 Not Found"), tuple(external() + "/unasked-304", "304 Not Modified"));
    assertThat(report.checkedOnline()).isEqualTo(2);
  }

  @Test
  void theLinksOfAPageWhoseRobotsSayNofollowAreStillCheckedThoughAnalyzeGivesThemNoVote() throws Exception {
    html("/unendorsed.html", Stream.of("<meta name=robots content=nofollow>",
        "<a href=/status/404>gone</a>", "<a href=" + external() + "/status/404>gone elsewhere</a>"));

    LinkReport report = check(seedsOnly(base() + "/unendorsed.html"), true);

    assertThat(report.broken()).extracting(BrokenLink::url)
        .containsExactly(base() + "/status/404", external() + "/status/404");
    assertThat(CrawlDbRows.column(data.resolve("crawl.db"), "SELECT COUNT(*) || ' ' || SUM(nofollow) FROM links"))
        .as("every link recorded as nofollow").containsExactly("2 2");
  }

  @Test
  void aRedirectThatLeadsNowhereIsBrokenAndSaysWhy() throws Exception {
    site.stubFor(get("/moved/malformed").willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://exa mple.com/")));
    site.stubFor(get("/moved/nowhere").willReturn(aResponse().withStatus(301)));
    // A 304 to a request without validators; a 3xx HTTP does not define, which reads as a 300.
    site.stubFor(get("/moved/unmodified").willReturn(aResponse().withStatus(304)));
    site.stubFor(get("/moved/odd").willReturn(aResponse().withStatus(399).withHeader("Location", "/status/404")));
    site.stubFor(get("/status/404").willReturn(aResponse().withStatus(404)));
    page("/dead-ends.html", base() + "/moved/malformed", base() + "/moved/nowhere", base() + "/moved/unmodified",
        base() + "/moved/odd");
    Pattern thesePages = Pattern.compile("/dead-ends\\.html|/moved/|/status/");

    LinkReport report = check(crawl(null, 1, thesePages, base() + "/dead-ends.html"), false);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::problem).containsExactly(
        tuple(base() + "/moved/malformed", "302 Found: redirect to an unusable URL: http://exa mple.com/"),
        tuple(base() + "/moved/nowhere", "301 Moved Permanently: redirect without a Location"),
        tuple(base() + "/moved/odd", "404 Not Found"),
        tuple(base() + "/moved/unmodified", "304 Not Modified"));
  }

  @Test
  void aRedirectLoopOrAChainOfMoreThan20RedirectsInsideTheCrawlIsBrokenWordedAsForAnExternalOne()
      throws Exception {
    site.stubFor(get("/loop/a").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop/b")));
    site.stubFor(get("/loop/b").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop/a")));
    for (int i = 0; i < 25; i++) {
      site.stubFor(get("/hop/" + i).willReturn(aResponse().withStatus(301)
          .withHeader("Location", "/hop/" + (i + 1))));
    }
    site.stubFor(get("/hop/25").willReturn(aResponse().withStatus(200)));
    page("/redirects.html", base() + "/loop/a", base() + "/hop/0", external() + "/loop/a");
    Pattern thesePages = Pattern.compile("/redirects\\.html|/loop/|/hop/");

    LinkReport report = check(crawl(null, 1, thesePages, base() + "/redirects.html"), true);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::errorKind, BrokenLink::problem)
        .containsExactly(
            tuple(base() + "/hop/0", "TOO_MANY_REDIRECTS",
                "TOO_MANY_REDIRECTS: more than 20 redirects starting at " + base() + "/hop/0"),
            tuple(base() + "/loop/a", "TOO_MANY_REDIRECTS",
                "TOO_MANY_REDIRECTS: redirect loop starting at " + base() + "/loop/a"),
            tuple(external() + "/loop/a", "TOO_MANY_REDIRECTS",
                "TOO_MANY_REDIRECTS: redirect loop starting at " + external() + "/loop/a"));
    assertThat(report.broken().get(1).chain())
        .containsExactly(base() + "/loop/a", base() + "/loop/b", base() + "/loop/a");
    assertThat(report.broken().get(0).chain()).hasSize(21);
    // The crawl stops where the check does: a server that redirects each URL to a new one
    // must not keep it going for ever.
    site.verify(1, getRequestedFor(urlPathEqualTo("/hop/20")));
    site.verify(0, getRequestedFor(urlPathEqualTo("/hop/21")));
  }

  @Test
  void anImageThatRedirectsOnAndOnIsBrokenAndTheCrawlStopsAfter20RedirectsEvenAtMaxDepth0()
      throws Exception {
    for (int i = 0; i < 40; i++) {
      site.stubFor(get("/endless/" + i + ".png").willReturn(aResponse().withStatus(301)
          .withHeader("Location", "/endless/" + (i + 1) + ".png")));
    }
    html("/endless.html", Stream.of("<img src=/endless/0.png alt=Logo>"));

    LinkReport report = check(seedsOnly(base() + "/endless.html"), false);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::errorKind)
        .containsExactly(tuple(base() + "/endless/0.png", "TOO_MANY_REDIRECTS"));
    assertThat(report.pages()).as("the redirects of an image are no pages").isEqualTo(1);
    site.verify(1, getRequestedFor(urlPathEqualTo("/endless/20.png")));
    site.verify(0, getRequestedFor(urlPathEqualTo("/endless/21.png")));
  }

  @Test
  void anImageThatRedirectsToAnotherImageOrToA404CountsNoPage() throws Exception {
    site.stubFor(get("/img/old.png").willReturn(aResponse().withStatus(301).withHeader("Location", "/img/new.png")));
    site.stubFor(get("/img/new.png").willReturn(aResponse().withHeader("Content-Type", "image/png").withBody("png")));
    site.stubFor(get("/img/moved.png").willReturn(aResponse().withStatus(302).withHeader("Location", "/img/gone.png")));
    html("/photos.html", Stream.of("<img src=/img/old.png>", "<img src=/img/moved.png>",
        "<a href=/img/linked.png>a link, so a page</a>"));
    site.stubFor(get("/img/linked.png").willReturn(aResponse().withStatus(301).withHeader("Location", "/img/new.png")));

    LinkReport report = check(crawl(null, 1, Pattern.compile("/photos\\.html|/img/"), base() + "/photos.html"), false);

    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(base() + "/img/moved.png");
    // photos.html: linked.png is a link's target, but no HTML, so none of its links were read
    assertThat(report.pages()).isEqualTo(1);
  }

  @Test
  void aSeedRobotsTxtDisallowsOrWhoseRedirectLeadsWhereItDoesIsSkippedAndNamedAsSuch() throws Exception {
    robotsTxt("127.0.0.1", "User-agent: *\nDisallow: /private/\n");
    page("/hub.html", base() + "/private/linked.html");
    site.stubFor(get("/moved.html").willReturn(aResponse().withStatus(301).withHeader("Location", "/private/moved.html")));

    LinkReport report = check(seedsOnly(base() + "/hub.html", base() + "/private/secret.html",
        base() + "/moved.html"), false);

    assertThat(report.seedsDisallowed()).containsExactly(base() + "/moved.html", base() + "/private/secret.html");
    assertThat(report.skipped()).as("both seeds, and the link no seed is").isEqualTo(3);
    assertThat(report.broken()).isEmpty();
  }

  @Test
  void theSitemapsOfAHostWhoseRobotsTxtDisallowsEverySeedOnItAreNotReadSoNothingUnaskedIsChecked()
      throws Exception {
    // The stub host's robots.txt disallows /site/private/, and its /sitemap.xml lists the stub site.
    String secret = base() + "/site/private/secret.html";

    LinkReport report = check(crawl(null, 10, null, secret), false);

    assertThat(report.seedsDisallowed()).containsExactly(secret);
    assertThat(report.pages()).as("no page of the host's sitemap").isZero();
    site.verify(0, getRequestedFor(urlEqualTo("/sitemap.xml")));
  }

  @Test
  void theSitemapsOfAHostWithOneSeedRobotsTxtAllowsAreReadThoughAnotherSeedThereIsDisallowed() throws Exception {
    page("/hub.html", base() + "/hub.html");

    LinkReport report = check(crawl(null, 1, null, base() + "/site/private/secret.html", base() + "/hub.html"), false);

    assertThat(report.seedsDisallowed()).containsExactly(base() + "/site/private/secret.html");
    site.verify(getRequestedFor(urlEqualTo("/sitemap.xml")));
    site.verify(getRequestedFor(urlEqualTo("/site/index.html")));
  }

  @Test
  void onlyPagesWhoseLinksWereReadArePagesNotASeedThatFailedOrThatRobotsTxtDisallows() throws Exception {
    robotsTxt("127.0.0.1", "User-agent: *\nDisallow: /private/\n");
    page("/hub.html", base() + "/elsewhere.html");

    LinkReport report = check(seedsOnly(base() + "/hub.html", base() + "/private/secret.html",
        base() + "/gone.html"), false);

    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(base() + "/gone.html");
    assertThat(report.pages()).as("hub.html alone: the 404 and the disallowed seed were not read").isEqualTo(1);
    assertThat(report.links()).isEqualTo(1);
  }

  /** A page whose image and script come back as HTML pages with links, and a frame that links on. */
  private String pageWhoseResourcesAreHtml() {
    for (String fake : List.of("/fake/logo.png", "/fake/app.js")) {
      html(fake, Stream.of("<a href=/fake/hidden.html>a link no browser follows</a>",
          "<img src=/fake/deeper.png>"));
    }
    html("/fake/frame.html", Stream.of("<a href=/fake/from-frame.html>in the frame</a>"));
    html("/fake/from-frame.html", Stream.of("<p>a page</p>"));
    html("/fake/page.html", Stream.of("<img src=/fake/logo.png>", "<script src=/fake/app.js></script>",
        "<iframe src=/fake/frame.html></iframe>"));
    return base() + "/fake/page.html";
  }

  @Test
  void anImageOrAScriptServedAsHtmlIsFetchedButNeverParsedWhereAFrameIs() throws Exception {
    LinkReport report = check(crawl(null, 3, Pattern.compile("/fake/"), pageWhoseResourcesAreHtml()), false);

    assertThat(report.broken()).isEmpty();
    site.verify(1, getRequestedFor(urlPathEqualTo("/fake/logo.png")));
    site.verify(1, getRequestedFor(urlPathEqualTo("/fake/app.js")));
    site.verify(0, getRequestedFor(urlPathEqualTo("/fake/hidden.html")));
    site.verify(0, getRequestedFor(urlPathEqualTo("/fake/deeper.png")));
    site.verify(1, getRequestedFor(urlPathEqualTo("/fake/from-frame.html")));
    // No edge of the link graph from an image, which analyze would rank as a page.
    assertThat(CrawlDbRows.column(data.resolve("crawl.db"), "SELECT DISTINCT from_url FROM page_links"))
        .containsExactly(base() + "/fake/frame.html");
  }

  @Test
  void aResumedLinkCheckStillLeavesTheResourcesAnEarlierRunQueuedUnparsed() throws Exception {
    String seed = pageWhoseResourcesAreHtml();
    Crawler.run(crawl(1, 3, Pattern.compile("/fake/"), seed), CrawlListener.NONE); // the seed alone
    site.verify(0, getRequestedFor(urlPathEqualTo("/fake/logo.png")));

    LinkReport report = check(crawl(null, 3, Pattern.compile("/fake/"), seed), false);

    assertThat(report.broken()).isEmpty();
    site.verify(1, getRequestedFor(urlPathEqualTo("/fake/logo.png")));
    site.verify(0, getRequestedFor(urlPathEqualTo("/fake/hidden.html")));
    site.verify(1, getRequestedFor(urlPathEqualTo("/fake/from-frame.html")));
  }

  @Test
  void framesInFramesStopOneFrameBeyondMaxDepthAndTheLastFramesImagesAreStillFetched() throws Exception {
    for (int i = 1; i <= 10; i++) {
      html("/frame/" + i + ".html", Stream.of("<iframe src=/frame/" + (i + 1) + ".html></iframe>",
          "<img src=/frame/" + i + ".png>", "<a href=/frame/link" + i + ".html>x</a>"));
    }
    html("/framed.html", Stream.of("<iframe src=/frame/1.html></iframe>"));

    LinkReport report = check(seedsOnly(base() + "/framed.html"), false);

    site.verify(1, getRequestedFor(urlPathEqualTo("/frame/1.html")));
    site.verify(1, getRequestedFor(urlPathEqualTo("/frame/1.png")));
    site.verify(0, getRequestedFor(urlPathEqualTo("/frame/2.html")));
    site.verify(0, getRequestedFor(urlPathEqualTo("/frame/link1.html")));
    assertThat(report.skipped()).as("the frame in the frame, and the frame's link").isEqualTo(2);
  }

  @Test
  void anHttpLinkThatIsNoUrlOrTooLongIsBrokenWithoutAnyRequestAndIsNotCountedAsMailto() throws Exception {
    String tooLong = base() + "/" + "x".repeat(9000); // past the 8 KB servers accept
    page("/odd-hrefs.html", "http://exa mple.com/x", "http://[::1/x", "mailto:team@example.com",
        base() + "/status/200", tooLong);
    Pattern thesePages = Pattern.compile("/odd-hrefs\\.html|/status/");

    LinkReport report = check(crawl(null, 1, thesePages, base() + "/odd-hrefs.html"), false);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::errorKind).containsExactlyInAnyOrder(
        tuple("http://[::1/x", "INVALID_URL"), tuple("http://exa mple.com/x", "INVALID_URL"),
        tuple(tooLong, "INVALID_URL"));
    assertThat(report.broken().get(0).referrers()).hasSize(1);
    assertThat(report.nonHttp()).isEqualTo(1);
  }

  @Test
  void aFragmentWithAStrayPercentIsOneMissingAnchorAndTheRestOfTheCheckGoesOn() throws Exception {
    pageWithIds("/ids.html", "café", "100%", "a+b");
    String ids = base() + "/ids.html";
    page("/fragments.html", ids + "#%", ids + "#%zz", ids + "#caf%C3%A9", ids + "#100%", ids + "#a+b",
        base() + "/status/404");
    Pattern thesePages = Pattern.compile("/fragments\\.html|/ids\\.html|/status/");

    LinkReport report = check(crawl(null, 1, thesePages, base() + "/fragments.html"), false, true);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::problem).containsExactly(
        tuple(ids + "#%", "missing anchor #%"), tuple(ids + "#%zz", "missing anchor #%zz"),
        tuple(base() + "/status/404", "404 Not Found"));
  }

  @Test
  void topInAnyCaseOrPercentEncodedGoesToTheTopOfAPageWithoutSuchAnId() throws Exception {
    // HTML's "scroll to the fragment": a decoded fragment that is an ASCII case-insensitive match
    // for "top" is the top of the document. A link to #Top was reported as a missing anchor.
    pageWithIds("/plain.html", "intro");
    String plain = base() + "/plain.html";
    page("/tops.html", plain + "#top", plain + "#Top", plain + "#TOP", plain + "#%74op", plain + "#topp");
    Pattern thesePages = Pattern.compile("/(plain|tops)\\.html");

    LinkReport report = check(crawl(null, 1, thesePages, base() + "/tops.html"), false, true);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::problem)
        .containsExactly(tuple(plain + "#topp", "missing anchor #topp"));
  }

  @Test
  void aLineRangeLeadsToItsFirstLinesIdAsASourceViewersScriptScrollsThere() throws Exception {
    // rustdoc links each item to its source lines (#400-403), and its source pages give each line
    // an id (<span id="400">) that their script scrolls to and highlights the range from: all 18,128
    // such links of Rust's std docs were missing anchors. GitHub's #L2-L4 is the same with an L.
    pageWithIds("/mod.rs.html", "1", "2", "3", "4", "L2", "intro", "usage");
    String source = base() + "/mod.rs.html";
    page("/item.html", source + "#2-4", source + "#L2-L4", source + "#3", source + "#9-12", source + "#2-",
        source + "#intro-usage");
    Pattern thesePages = Pattern.compile("/(mod\\.rs|item)\\.html");

    LinkReport report = check(crawl(null, 1, thesePages, base() + "/item.html"), false, true);

    assertThat(report.broken()).extracting(BrokenLink::url).containsExactlyInAnyOrder(
        source + "#9-12", source + "#2-", source + "#intro-usage");
  }

  @Test
  void aTextFragmentIsTheBrowsersToFindOnlyTheIdBeforeItIsChecked() throws Exception {
    pageWithIds("/quoted.html", "intro");
    page("/quoting.html", base() + "/quoted.html#:~:text=hello", base() + "/quoted.html#intro:~:text=x",
        base() + "/quoted.html#gone:~:text=x");
    Pattern thesePages = Pattern.compile("/quot(ed|ing)\\.html");

    LinkReport report = check(crawl(null, 1, thesePages, base() + "/quoting.html"), false, true);

    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(base() + "/quoted.html#gone:~:text=x");
  }

  @Test
  void aFragmentOfAPdfOrATextFileIsTheViewersNotAMissingAnchor() throws Exception {
    site.stubFor(get("/doc.pdf").willReturn(aResponse().withHeader("Content-Type", "application/pdf")
        .withBody("%PDF-1.4")));
    site.stubFor(get("/notes.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody("notes")));
    pageWithIds("/has-ids.html", "here");
    page("/to-files.html", base() + "/doc.pdf#page=2", base() + "/notes.txt#x",
        base() + "/has-ids.html#here", base() + "/has-ids.html#gone");
    Pattern thesePages = Pattern.compile("/to-files\\.html|/doc\\.pdf|/notes\\.txt|/has-ids\\.html");

    LinkReport report = check(crawl(null, 1, thesePages, base() + "/to-files.html"), false, true);

    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(base() + "/has-ids.html#gone");
  }

  @Test
  void aPageSentWithoutAContentTypeThatWasParsedAsHtmlHasItsAnchorsChecked() throws Exception {
    site.stubFor(get("/untyped.html").willReturn(aResponse()
        .withBody("<!DOCTYPE html><html><body><p id=\"here\">x</p></body></html>")));
    page("/to-untyped.html", base() + "/untyped.html#here", base() + "/untyped.html#gone");
    Pattern thesePages = Pattern.compile("/to-untyped\\.html|/untyped\\.html");

    LinkReport report = check(crawl(null, 1, thesePages, base() + "/to-untyped.html"), false, true);

    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(base() + "/untyped.html#gone");
  }

  @Test
  void aPageSentWithACharsetInItsContentTypeHasItsAnchorsChecked() throws Exception {
    site.stubFor(get("/utf8.html").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody("<html><body><p id=here>x</p></body></html>")));
    page("/to-utf8.html", base() + "/utf8.html#here", base() + "/utf8.html#gone");
    Pattern thesePages = Pattern.compile("/to-utf8\\.html|/utf8\\.html");

    LinkReport report = check(crawl(null, 1, thesePages, base() + "/to-utf8.html"), false, true);

    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(base() + "/utf8.html#gone");
  }

  @Test
  void anIdWithASpaceIsOneAnchorWhole() throws Exception {
    pageWithIds("/spaced.html", "with space", "a b");
    String ids = base() + "/spaced.html";
    page("/to-spaced.html", ids + "#with%20space", ids + "#with", ids + "#space", ids + "#a+b");
    Pattern thesePages = Pattern.compile("/to-spaced\\.html|/spaced\\.html");

    LinkReport report = check(crawl(null, 1, thesePages, base() + "/to-spaced.html"), false, true);

    // '+' is no space in a fragment: #a+b names an id "a+b", which the page does not have.
    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(
        ids + "#a+b", ids + "#space", ids + "#with");
  }

  @Test
  void aLinkToAPortPast65535IsAnInvalidUrlWithoutAnyRequest() throws Exception {
    page("/ports.html", "http://127.0.0.1:99999/x", "http://127.0.0.1:0/x");

    LinkReport report = check(seedsOnly(base() + "/ports.html"), true);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::problem).containsExactly(
        tuple("http://127.0.0.1:0/x", "INVALID_URL: the URL is on port 0, outside 1 to 65535"),
        tuple("http://127.0.0.1:99999/x", "INVALID_URL: the URL is on port 99999, outside 1 to 65535"));
    assertThat(report.checkedOnline()).isZero();
  }

  @Test
  void aLinkThatIsNoUrlIsReportedWithoutItsUserAndPassword() throws Exception {
    page("/secret.html", "http://ops:s3cret@127.0.0.1:99999/x", "http://ops:p@ss@127.0.0.1:0/y");

    LinkReport report = check(seedsOnly(base() + "/secret.html"), true);

    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(
        "http://127.0.0.1:0/y", "http://127.0.0.1:99999/x");
  }

  /** A page whose image moved to another host (a CDN), where it is missing. */
  private String pageWithAnImageMovedElsewhere() {
    site.stubFor(get("/moved/to-cdn.png").willReturn(aResponse().withStatus(301)
        .withHeader("Location", external() + "/status/404")));
    html("/moved-image.html", Stream.of("<img src=/moved/to-cdn.png alt=logo>"));
    return base() + "/moved-image.html";
  }

  @Test
  void aRedirectOutOfTheCrawlIsFollowedOnlineWithExternalChecks() throws Exception {
    LinkReport checked = check(seedsOnly(pageWithAnImageMovedElsewhere()), true);

    assertThat(checked.broken()).extracting(BrokenLink::url, BrokenLink::problem, BrokenLink::chain).containsExactly(
        tuple(base() + "/moved/to-cdn.png", "404 Not Found", List.of(base() + "/moved/to-cdn.png", external() + "/status/404")));
    assertThat(checked.skipped()).isZero();
  }

  @Test
  void aRedirectOutOfTheCrawlIsSkippedWithExternalSkip() throws Exception {
    LinkReport skipped = check(seedsOnly(pageWithAnImageMovedElsewhere()), false);

    assertThat(skipped.broken()).isEmpty();
    assertThat(skipped.skipped()).isEqualTo(1);
  }

  /** One page crawled, the seed: its two links on this host stay queued, beyond --max-pages. */
  private LinkReport checkOfOnePageWithTwoLinksQueuedAndOneExternal(boolean checkExternal) throws Exception {
    page("/few.html", base() + "/status/404", base() + "/status/200", external() + "/status/204");
    Pattern thesePages = Pattern.compile("/few\\.html|/status/");
    return check(crawl(1, null, thesePages, base() + "/few.html"), checkExternal);
  }

  @Test
  void withExternalSkipTargetsTheCrawlNeverReachedAreSkippedAndNotCheckedOnline() throws Exception {
    LinkReport report = checkOfOnePageWithTwoLinksQueuedAndOneExternal(false);

    assertThat(report.broken()).isEmpty();
    assertThat(report.checkedOnline()).isZero();
    assertThat(report.skipped()).isEqualTo(3);
    site.verify(0, anyRequestedFor(urlPathEqualTo("/status/404")));
  }

  @Test
  void targetsLeftQueuedAtMaxPagesAreSkippedAndNotCheckedOnlineWhileExternalOnesAre() throws Exception {
    LinkReport report = checkOfOnePageWithTwoLinksQueuedAndOneExternal(true);

    assertThat(report.broken()).isEmpty();
    assertThat(report.checkedOnline()).as("the external link alone").isEqualTo(1);
    assertThat(report.skipped()).as("the two left queued").isEqualTo(2);
    site.verify(0, anyRequestedFor(urlPathEqualTo("/status/404")));
    site.verify(0, anyRequestedFor(urlPathEqualTo("/status/200")));
  }

  @Test
  void aSeedLeftQueuedAtMaxPagesIsStillCheckedOnlineSoAStartPageThatIsGoneFails() throws Exception {
    page("/after.html");

    LinkReport report = check(crawl(1, 0, null, base() + "/after.html", base() + "/status/404"), true);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::problem).containsExactly(
        tuple(base() + "/status/404", "404 Not Found"));
    assertThat(report.checkedOnline()).isEqualTo(1);
    assertThat(report.skipped()).isZero();
    site.verify(headRequestedFor(urlPathEqualTo("/status/404")));
  }

  @Test
  void aSeedLeftQueuedAtMaxPagesIsCheckedOnlineWithExternalSkipTooForItIsTheUsersOwnStartPage() throws Exception {
    page("/after.html", external() + "/status/404");

    LinkReport report = check(crawl(1, 0, null, base() + "/after.html", base() + "/status/404"), false);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::problem).containsExactly(
        tuple(base() + "/status/404", "404 Not Found"));
    assertThat(report.checkedOnline()).isEqualTo(1);
    assertThat(report.skipped()).as("the other site's link").isEqualTo(1);
    site.verify(headRequestedFor(urlPathEqualTo("/status/404")).withHeader("Host", matching("127\\.0\\.0\\.1:.*")));
    site.verify(0, anyRequestedFor(urlPathEqualTo("/status/404")).withHeader("Host", matching("localhost:.*")));
  }

  @Test
  void aSeedLeftQueuedIsNotAskedForWhenTheLinksAreCheckedOffline() throws Exception {
    page("/after.html");
    CrawlConfig crawl = crawl(1, 0, null, base() + "/after.html", base() + "/status/404");
    Crawler.run(crawl, CrawlListener.NONE);

    LinkReport report = LinkChecker.checkLinksOffline(crawl);

    assertThat(report.broken()).isEmpty();
    assertThat(report.checkedOnline()).isZero();
    site.verify(0, anyRequestedFor(urlPathEqualTo("/status/404")));
  }

  @Test
  void targetsLeftQueuedOnAHostGivenUpPastMaxBackoffAreStillCheckedOnline() throws Exception {
    site.stubFor(get("/busy/1.html").willReturn(aResponse().withStatus(429)));
    page("/busy.html", base() + "/busy/1.html", base() + "/busy/2.html");
    // One request at a time, no back-off allowed: the first 429 gives the host up, /busy/2.html left queued.
    CrawlConfig crawl = new CrawlSpec(List.of(base() + "/busy.html"), data.toString(), null, 1, null, null,
        Pattern.compile("/busy"), null, null, 1, Duration.ZERO, AnsweredFetches.TIMEOUT, null, AGENT, null, null, Duration.ZERO)
        .toConfig(CrawlStart.RESUME).withPurpose(CrawlPurpose.LINK_CHECK);

    LinkReport report = LinkChecker.crawlAndCheck(crawl, true, false);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::problem).contains(
        tuple(base() + "/busy/2.html", "404 Not Found"));
    assertThat(report.checkedOnline()).isEqualTo(1);
    site.verify(headRequestedFor(urlPathEqualTo("/busy/2.html")));
  }

  /** 2.4 KB of text, then an id and two links: all past a --max-body of 1 KiB. */
  private void longPage(String path) {
    html(path, Stream.of("<p id=early>" + "words ".repeat(400) + "</p>", "<p id=late>the end</p>",
        "<a href=/status/404>gone</a>", "<a href=/long-next.html>next</a>"));
  }

  /** With --max-body 1 KiB and a link depth of 1, on these tests' pages alone (not the sitemap's). */
  private CrawlConfig cutAtOneKiB(String... seeds) {
    Pattern thesePages = Pattern.compile("/(short|long|other)\\.html|/status/");
    return new CrawlSpec(List.of(seeds), data.toString(), null, 1, null, null, thesePages, null, null, 4,
        Duration.ZERO, AnsweredFetches.TIMEOUT, DataSize.parse("1KiB"), AGENT, null, null, null)
        .toConfig(CrawlStart.RESUME).withPurpose(CrawlPurpose.LINK_CHECK);
  }

  @Test
  void aFragmentNotFoundOnAPageCutAtMaxBodyIsNotCheckedRatherThanMissing() throws Exception {
    longPage("/long.html");
    page("/short.html", base() + "/long.html#late", base() + "/long.html#early", base() + "/long.html#nowhere");

    LinkReport report = check(cutAtOneKiB(base() + "/short.html", base() + "/long.html#late"), true, true);

    assertThat(report.broken()).as("the ids after the cut were never seen").isEmpty();
    assertThat(report.cutPages()).containsExactly(base() + "/long.html");
    assertThat(report.anchorsNotChecked()).extracting(UncheckedAnchor::url, UncheckedAnchor::why).containsExactly(
        tuple(base() + "/long.html#late", UncheckedAnchor.Why.CUT_AT_MAX_BODY),
        tuple(base() + "/long.html#nowhere", UncheckedAnchor.Why.CUT_AT_MAX_BODY));
    site.verify(0, anyRequestedFor(urlPathEqualTo("/long-next.html")));
  }

  @Test
  void aFragmentOnAPageReadWholeIsStillMissingWithMaxBody() throws Exception {
    page("/short.html", base() + "/other.html#nowhere");
    page("/other.html");

    LinkReport report = check(cutAtOneKiB(base() + "/short.html"), true, true);

    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(base() + "/other.html#nowhere");
    assertThat(report.cutPages()).isEmpty();
    assertThat(report.anchorsNotChecked()).isEmpty();
  }

  @Test
  void aPageServedAsHtmlWithABinaryBodyIsNamedAsOneWhoseLinksWereNotRead() throws Exception {
    byte[] noise = new byte[2_000];
    new Random(70).nextBytes(noise);
    site.stubFor(get("/noise.html").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(noise)));
    page("/short.html", base() + "/noise.html");

    LinkReport report = check(seedsOnly(base() + "/short.html", base() + "/noise.html"), true);

    assertThat(report.binaryPages()).containsExactly(base() + "/noise.html");
    assertThat(report.pages()).as("the one page whose links were read").isEqualTo(1);
  }

  /** A page that answers HEAD and GET alike, with an element of each of these ids. */
  private void pageForAnyMethod(String path, String... ids) {
    site.stubFor(any(urlPathEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody(Stream.of(ids).map(id -> "<p id=\"" + id + "\">x</p>").collect(Collectors.joining("\n",
            "<html><body>\n", "\n</body></html>")))));
  }

  @Test
  void fragmentsOfPagesCheckedOnlineAreLookedForOnTheirPageReadOnceEach() throws Exception {
    pageForAnyMethod("/elsewhere.html", "there");
    pageForAnyMethod("/deeper.html", "here");
    site.stubFor(any(urlPathEqualTo("/manual.pdf")).willReturn(aResponse().withHeader("Content-Type", "application/pdf")
        .withBody("%PDF-1.4")));
    page("/to-others.html", external() + "/elsewhere.html#there", external() + "/elsewhere.html#gone",
        external() + "/elsewhere.html#top", base() + "/deeper.html#here", base() + "/deeper.html#nowhere",
        external() + "/manual.pdf#page=2");

    // Depth 0: /deeper.html is in scope but beyond --max-depth, so checked online as the others.
    LinkReport report = check(seedsOnly(base() + "/to-others.html"), true, true);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::problem, BrokenLink::external).containsExactly(
        tuple(base() + "/deeper.html#nowhere", "missing anchor #nowhere", false),
        tuple(external() + "/elsewhere.html#gone", "missing anchor #gone", true));
    assertThat(report.anchorsNotChecked()).isEmpty();
    assertThat(report.checkedOnline()).isEqualTo(3);
    site.verify(1, getRequestedFor(urlPathEqualTo("/elsewhere.html")));
    site.verify(1, getRequestedFor(urlPathEqualTo("/deeper.html")));
    // Its HEAD does not say what it is (the pinger keeps no Content-Type): read once, and it is no HTML.
    site.verify(1, getRequestedFor(urlPathEqualTo("/manual.pdf")));
  }

  @Test
  void aPageCheckedOnlineIsNotReadForIdsWhenItsFragmentsNeedNone() throws Exception {
    pageForAnyMethod("/plain.html");
    pageForAnyMethod("/quoted.html");
    page("/to-plain.html", external() + "/plain.html#top", external() + "/plain.html#",
        external() + "/quoted.html#:~:text=hello", base() + "/plain.html#Top");

    LinkReport report = check(seedsOnly(base() + "/to-plain.html"), true, true);

    assertThat(report.broken()).isEmpty();
    assertThat(report.anchorsNotChecked()).isEmpty();
    assertThat(report.checkedOnline()).isEqualTo(3);
    site.verify(0, getRequestedFor(urlPathEqualTo("/plain.html")));
    site.verify(0, getRequestedFor(urlPathEqualTo("/quoted.html")));
  }

  @Test
  void aFragmentOfAPageThatWorksToHeadButCannotBeReadIsNotCheckedRatherThanFine() throws Exception {
    site.stubFor(head(urlPathEqualTo("/head-only.html")).willReturn(aResponse().withStatus(200)));
    site.stubFor(get(urlPathEqualTo("/head-only.html")).willReturn(aResponse().withStatus(500)));
    page("/to-head-only.html", external() + "/head-only.html#intro", external() + "/head-only.html#top");

    LinkReport report = check(seedsOnly(base() + "/to-head-only.html"), true, true);

    assertThat(report.broken()).isEmpty();
    assertThat(report.anchorsNotChecked()).extracting(UncheckedAnchor::url, UncheckedAnchor::why).containsExactly(
        tuple(external() + "/head-only.html#intro", UncheckedAnchor.Why.PAGE_NOT_READ));
  }

  /**
   * How late a busy page's 429 comes: later than other sites' pacing (the pinger's 100 ms), so a
   * test that let a second page of the host start before the 429 was in would fail every time.
   */
  private static final int BUSY_ANSWERS_AFTER_MS = 150;

  /**
   * A page that works to HEAD, and whose GET answers 429 with Retry-After: 1, {@link
   * #BUSY_ANSWERS_AFTER_MS} late, until {@code times} have.
   */
  private void busyToGet(String path, int times, String... ids) {
    site.stubFor(head(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
    for (int i = 0; i < times; i++) {
      site.stubFor(get(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(i == 0 ? Scenario.STARTED : "429 " + i)
          .willSetStateTo("429 " + (i + 1)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
              .withFixedDelay(BUSY_ANSWERS_AFTER_MS)));
    }
    site.stubFor(get(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("429 " + times)
        .willReturn(aResponse().withHeader("Content-Type", "text/html")
            .withBody(Stream.of(ids).map(id -> "<p id=\"" + id + "\">x</p>").collect(Collectors.joining()))));
  }

  /**
   * Depth 0, with this --max-backoff, and one request to a host at a time: the host's next page
   * starts only once the one before has ended and said how long to hold the host back, whenever
   * its answer comes.
   */
  private CrawlConfig seedOnlyWithMaxBackoff(Duration maxBackoff, String seed) {
    return new CrawlSpec(List.of(seed), data.toString(), null, 0, null, null, null, null, null, 1, Duration.ZERO,
        AnsweredFetches.TIMEOUT, null, AGENT, null, null, maxBackoff).toConfig(CrawlStart.RESUME)
        .withPurpose(CrawlPurpose.LINK_CHECK);
  }

  @Test
  void aPageReadForItsIdsThatAnswers429IsReadAgainAfterItsRetryAfterAndItsHostWaitsMeanwhile() throws Exception {
    busyToGet("/ids-busy.html", 1, "there");
    pageForAnyMethod("/ids-calm.html", "here");
    page("/to-busy.html", external() + "/ids-busy.html#there", external() + "/ids-busy.html#gone",
        external() + "/ids-calm.html#here");

    LinkReport report = check(seedOnlyWithMaxBackoff(Duration.ofMinutes(1), base() + "/to-busy.html"), true, true);

    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(external() + "/ids-busy.html#gone");
    assertThat(report.anchorsNotChecked()).isEmpty();
    List<Long> busy = timesAsked("/ids-busy\\.html");
    assertThat(busy).as("one HEAD, a GET answered 429, a GET read").hasSize(3);
    assertThat(busy.get(2) - busy.get(1)).isGreaterThanOrEqualTo(950);
    site.verify(1, getRequestedFor(urlPathEqualTo("/ids-calm.html")));
    long calm = site.findAll(getRequestedFor(urlPathEqualTo("/ids-calm.html"))).get(0).getLoggedDate().getTime();
    assertThat(calm - busy.get(1)).as("the host is held back for the next page too").isGreaterThanOrEqualTo(950);
  }

  @Test
  void aHostWhose429sWouldHoldItPastMaxBackoffIsNotAskedAgainForIdsAndItsFragmentsAreNotChecked() throws Exception {
    busyToGet("/ids-busy.html", 9, "there");
    pageForAnyMethod("/ids-calm.html", "here");
    page("/to-busy.html", external() + "/ids-busy.html#there", external() + "/ids-calm.html#here");

    LinkReport report = check(seedOnlyWithMaxBackoff(Duration.ZERO, base() + "/to-busy.html"), true, true);

    assertThat(report.broken()).isEmpty();
    assertThat(report.anchorsNotChecked()).extracting(UncheckedAnchor::url, UncheckedAnchor::why).containsExactly(
        tuple(external() + "/ids-busy.html#there", UncheckedAnchor.Why.PAGE_NOT_READ),
        tuple(external() + "/ids-calm.html#here", UncheckedAnchor.Why.PAGE_NOT_READ));
    site.verify(1, getRequestedFor(urlPathEqualTo("/ids-busy.html")));
    site.verify(0, getRequestedFor(urlPathEqualTo("/ids-calm.html")));
  }

  @Test
  void anotherSitesPageThatItsRobotsTxtDisallowsIsNotReadForItsIdsAndItsFragmentsAreNotChecked() throws Exception {
    robotsTxt("localhost", "User-agent: *\nDisallow: /secret.html\n");

    checkLinksToSecretAndOpenPagesOfLocalhost();

    site.verify(1, getRequestedFor(urlPathEqualTo("/robots.txt")).withHeader("Host", matching("localhost:.*")));
  }

  /**
   * Checks a page linking to localhost's /secret.html#there, which its robots.txt disallows, and
   * /open.html#gone: only the open page is read for its ids.
   */
  private void checkLinksToSecretAndOpenPagesOfLocalhost() throws Exception {
    pageForAnyMethod("/secret.html", "there");
    pageForAnyMethod("/open.html", "here");
    page("/to-secret.html", external() + "/secret.html#there", external() + "/open.html#gone");

    LinkReport report = check(seedsOnly(base() + "/to-secret.html"), true, true);

    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(external() + "/open.html#gone");
    assertThat(report.anchorsNotChecked()).extracting(UncheckedAnchor::url, UncheckedAnchor::why).containsExactly(
        tuple(external() + "/secret.html#there", UncheckedAnchor.Why.ROBOTS_DISALLOWED));
    site.verify(0, getRequestedFor(urlPathEqualTo("/secret.html")));
  }

  /**
   * The robots.txt of localhost answers 503, Retry-After: 1, {@code times} times, then {@code body}.
   * Not 0, which OkHttp itself retries at once.
   */
  private void robotsTxtBusyFirst(int times, String body) {
    for (int i = 0; i < times; i++) {
      site.stubFor(get("/robots.txt").withHost(equalTo("localhost")).inScenario("robots")
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "503 " + i).willSetStateTo("503 " + (i + 1))
          .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
    }
    site.stubFor(get("/robots.txt").withHost(equalTo("localhost")).inScenario("robots")
        .whenScenarioStateIs("503 " + times).willReturn(aResponse().withHeader("Content-Type", "text/plain")
            .withBody(body)));
  }

  @Test
  void anotherSitesPagesReadForTheirIdsAreAskedItsCrawlDelayApart() throws Exception {
    site.stubFor(get("/robots.txt").withHost(equalTo("localhost")).willReturn(aResponse()
        .withHeader("Content-Type", "text/plain").withBody("User-agent: *\nCrawl-delay: 1\n")));
    pageForAnyMethod("/ids/a", "x");
    pageForAnyMethod("/ids/b", "x");
    page("/front.html", external() + "/ids/a#x", external() + "/ids/b#x");

    check(seedsOnly(base() + "/front.html"), true, true);

    List<Long> reads = site.getAllServeEvents().stream().map(e -> e.getRequest())
        .filter(r -> r.getMethod().getName().equals("GET") && r.getUrl().startsWith("/ids/"))
        .map(r -> r.getLoggedDate().getTime()).sorted().toList();
    assertThat(reads).hasSize(2);
    assertThat(reads.get(1) - reads.get(0)).as("ms between the two reads").isGreaterThanOrEqualTo(950);
  }

  @Test
  void otherSitesRobotsTxtAreReadNoMoreAtOnceThanConcurrencyAllows() throws Exception {
    List<WireMockServer> others = new ArrayList<>();
    try {
      List<String> links = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        WireMockServer other = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        other.start();
        others.add(other);
        other.stubFor(get("/robots.txt").willReturn(aResponse().withFixedDelay(300).withBody("User-agent: *\n")));
        other.stubFor(any(urlPathEqualTo("/p.html")).willReturn(aResponse()
            .withHeader("Content-Type", "text/html").withBody("<p id=\"x\">x</p>")));
        links.add("http://localhost:" + other.port() + "/p.html#x");
      }
      page("/front.html", links.toArray(String[]::new));
      CrawlConfig oneAtATime = new CrawlSpec(List.of(base() + "/front.html"), data.toString(), null, 0, null, null,
          null, null, 1, 4, Duration.ZERO, AnsweredFetches.TIMEOUT, null, AGENT, null, null)
          .toConfig(CrawlStart.RESUME).withPurpose(CrawlPurpose.LINK_CHECK);

      check(oneAtATime, true, true);

      List<Long> arrivals = others.stream().flatMap(o -> o.getAllServeEvents().stream())
          .filter(e -> e.getRequest().getUrl().equals("/robots.txt"))
          .map(e -> e.getRequest().getLoggedDate().getTime()).sorted().toList();
      assertThat(arrivals).hasSize(3);
      for (int i = 1; i < arrivals.size(); i++) {
        // Each read takes 300 ms: with --concurrency 1 the next cannot have started before it ended.
        assertThat(arrivals.get(i) - arrivals.get(i - 1)).as("ms between robots.txt reads").isGreaterThanOrEqualTo(250);
      }
    } finally {
      others.forEach(WireMockServer::stop);
    }
  }

  @Test
  void anotherSitesRobotsTxtThatAnswers503IsReadAgainAsTheCrawlWouldBeforeItsPagesAreReadForIds() throws Exception {
    robotsTxtBusyFirst(2, "User-agent: *\nDisallow: /secret.html\n");

    checkLinksToSecretAndOpenPagesOfLocalhost();

    site.verify(3, getRequestedFor(urlPathEqualTo("/robots.txt")).withHeader("Host", matching("localhost:.*")));
  }

  @Test
  void pagesOfAnotherSiteWhoseRobotsTxtCannotBeReadAreNotReadForIdsAndItIsSaidOnceNotThatItDisallowsThem()
      throws Exception {
    robotsTxtBusyFirst(9, "User-agent: *\n");
    pageForAnyMethod("/secret.html", "there");
    pageForAnyMethod("/open.html", "here");
    page("/to-secret.html", external() + "/secret.html#there", external() + "/open.html#here");

    List<LinkReport> report = new ArrayList<>();
    List<String> warnings = warningsDuring(() -> report.add(check(seedsOnly(base() + "/to-secret.html"), true, true)));

    assertThat(report.get(0).broken()).isEmpty();
    assertThat(report.get(0).anchorsNotChecked()).extracting(UncheckedAnchor::url, UncheckedAnchor::why)
        .containsExactly(tuple(external() + "/open.html#here", UncheckedAnchor.Why.PAGE_NOT_READ),
            tuple(external() + "/secret.html#there", UncheckedAnchor.Why.PAGE_NOT_READ));
    assertThat(warnings).filteredOn(w -> w.contains("robots.txt")).containsExactly("robots.txt of " + external()
        + " could not be read (it answered 503 Service Unavailable); its 2 pages are not read for their ids");
    site.verify(3, getRequestedFor(urlPathEqualTo("/robots.txt")).withHeader("Host", matching("localhost:.*")));
    site.verify(0, getRequestedFor(urlPathEqualTo("/secret.html")));
    site.verify(0, getRequestedFor(urlPathEqualTo("/open.html")));
  }

  @Test
  void aPageOfTheCrawlsOwnHostReadForItsIdsObeysTheRobotsTxtTheCrawlReadWithoutReadingItAgain() throws Exception {
    robotsTxt("127.0.0.1", "User-agent: *\nDisallow: /private/\n");
    site.stubFor(any(urlPathEqualTo("/moved.html")).willReturn(aResponse().withStatus(301)
        .withHeader("Location", base() + "/landing.html")));
    pageForAnyMethod("/landing.html", "there");
    page("/front.html", external() + "/moved.html#there", external() + "/moved.html#gone");

    LinkReport report = LinkChecker.crawlAndCheck(seedsOnly(base() + "/front.html"), true, true);

    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(external() + "/moved.html#gone");
    site.verify(1, getRequestedFor(urlPathEqualTo("/robots.txt")).withHeader("Host", matching("127\\.0\\.0\\.1:.*")));
    site.verify(1, getRequestedFor(urlPathEqualTo("/landing.html")));
  }

  @Test
  void aFragmentOfAPageCheckedOnlineAndCutAtMaxBodyIsNotChecked() throws Exception {
    site.stubFor(any(urlPathEqualTo("/long-elsewhere.html")).willReturn(aResponse()
        .withHeader("Content-Type", "text/html").withBody("<p>" + "words ".repeat(400) + "</p><p id=late>x</p>")));
    page("/short.html", external() + "/long-elsewhere.html#late");

    LinkReport report = check(cutAtOneKiB(base() + "/short.html"), true, true);

    assertThat(report.broken()).isEmpty();
    assertThat(report.anchorsNotChecked()).extracting(UncheckedAnchor::url, UncheckedAnchor::why).containsExactly(
        tuple(external() + "/long-elsewhere.html#late", UncheckedAnchor.Why.CUT_AT_MAX_BODY));
  }

  @Test
  void aTargetBeyondMaxDepthThatRobotsTxtDisallowsIsSkippedAndNeverAskedFor() throws Exception {
    site.stubFor(get("/robots.txt").withHost(equalTo("127.0.0.1")).willReturn(aResponse()
        .withHeader("Content-Type", "text/plain").withBody("User-agent: *\nDisallow: /private/\n")));
    page("/front.html", base() + "/private/drafts.html", base() + "/status/404");

    LinkReport report = check(seedsOnly(base() + "/front.html"), true);

    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(base() + "/status/404");
    assertThat(report.checkedOnline()).isEqualTo(1);
    assertThat(report.skipped()).isEqualTo(1);
    site.verify(0, anyRequestedFor(urlPathEqualTo("/private/drafts.html")));
  }

  @Test
  void aLinkCheckAsksTheHostsItsCrawlReadAsThatReadSaysWithoutReadingRobotsTxtAgain() throws Exception {
    site.stubFor(get("/robots.txt").withHost(equalTo("127.0.0.1")).willReturn(aResponse()
        .withHeader("Content-Type", "text/plain").withBody("User-agent: *\nDisallow: /private/\n")));
    page("/front.html", base() + "/private/drafts.html", base() + "/status/404");

    LinkReport report = LinkChecker.crawlAndCheck(seedsOnly(base() + "/front.html"), true, false);

    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(base() + "/status/404");
    assertThat(report.skipped()).as("the drafts, disallowed").isEqualTo(1);
    site.verify(1, getRequestedFor(urlPathEqualTo("/robots.txt")));
    site.verify(0, anyRequestedFor(urlPathEqualTo("/private/drafts.html")));
  }

  @Test
  void aTargetOnTheCrawledHostButOutsideThePrefixScopeStillObeysItsRobotsTxt() throws Exception {
    site.stubFor(get("/robots.txt").withHost(equalTo("127.0.0.1")).willReturn(aResponse()
        .withHeader("Content-Type", "text/plain").withBody("User-agent: *\nDisallow: /blog/\n")));
    page("/docs/start.html", base() + "/blog/draft.html", base() + "/status/404");
    CrawlConfig crawl = prefixScoped(base() + "/docs/start.html", 1);

    LinkReport report = check(crawl, true);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::external)
        .containsExactly(tuple(base() + "/status/404", true));
    assertThat(report.skipped()).isEqualTo(1);
    site.verify(0, anyRequestedFor(urlPathEqualTo("/blog/draft.html")));
  }

  @Test
  void aRedirectsNewHostWhoseRobotsTxtAnswers503IsReadAgainAsTheCrawlWouldBeforeTheRedirectIsFollowed()
      throws Exception {
    robotsTxtBusyFirst(2, "User-agent: *\nDisallow: /private/\n");
    site.stubFor(any(urlPathEqualTo("/moved.html")).willReturn(aResponse().withStatus(301)
        .withHeader("Location", external() + "/open.html")));
    pageForAnyMethod("/open.html");
    page("/front.html", base() + "/moved.html");

    LinkReport report = check(seedsOnly(base() + "/front.html"), true);

    assertThat(report.broken()).isEmpty();
    assertThat(report.skipped()).as("a robots.txt that came back on its third read allows it").isZero();
    site.verify(3, getRequestedFor(urlPathEqualTo("/robots.txt")).withHeader("Host", matching("localhost:.*")));
    site.verify(anyRequestedFor(urlPathEqualTo("/open.html")));
  }

  @Test
  void aRedirectToAHostThatDoesNotAnswerIsBrokenWithWhatItsRobotsTxtReadGotNotSkipped() throws Exception {
    // The most common link rot: an old address that redirects to a dead one. It read as skipped,
    // 0 broken, exit 0, because nothing said whether robots.txt would allow asking there.
    site.stubFor(any(urlPathEqualTo("/go.html")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://127.0.0.1:1/x.html")));
    page("/front.html", base() + "/go.html");

    LinkReport report = check(seedsOnly(base() + "/front.html"), true);

    assertThat(report.skipped()).isZero();
    assertThat(report.broken()).singleElement().satisfies(b -> {
      assertThat(b.url()).isEqualTo(base() + "/go.html");
      assertThat(b.errorKind()).isEqualTo("CONNECT_REFUSED");
      assertThat(b.chain()).containsExactly(base() + "/go.html", "http://127.0.0.1:1/x.html");
    });
  }

  @Test
  void aRedirectToAHostWhoseRobotsTxtAnswersBrokenHttpIsNotTakenForADeadHost() throws Exception {
    // The host answered: its robots.txt is unread, the redirect unfollowed, the target skipped.
    site.stubFor(get("/robots.txt").withHost(equalTo("localhost"))
        .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    site.stubFor(any(urlPathEqualTo("/moved.html")).willReturn(aResponse().withStatus(301)
        .withHeader("Location", external() + "/open.html")));
    page("/front.html", base() + "/moved.html");

    LinkReport report = check(seedsOnly(base() + "/front.html"), true);

    assertThat(report.broken()).isEmpty();
    assertThat(report.skipped()).isEqualTo(1);
  }

  @Test
  void aRedirectToAHostNoTargetWasOnObeysThatHostsRobotsTxtToo() throws Exception {
    site.stubFor(get("/robots.txt").withHost(equalTo("localhost")).willReturn(aResponse()
        .withHeader("Content-Type", "text/plain").withBody("User-agent: *\nDisallow: /private/\n")));
    site.stubFor(any(urlPathEqualTo("/moved.html")).willReturn(aResponse().withStatus(301)
        .withHeader("Location", external() + "/private/moved.html")));
    page("/front.html", base() + "/moved.html");

    LinkReport report = check(seedsOnly(base() + "/front.html"), true);

    assertThat(report.broken()).isEmpty();
    assertThat(report.skipped()).isEqualTo(1);
    site.verify(0, anyRequestedFor(urlPathEqualTo("/private/moved.html")));
  }

  @Test
  void redirectsToAHostNoTargetWasOnAreFollowedThereNoSoonerThanThatHostsCrawlDelayApart() throws Exception {
    // The site's own delay is 0: localhost's Crawl-delay, read when the first redirect led there,
    // must space the two hops to it.
    site.stubFor(get("/robots.txt").withHost(equalTo("localhost")).willReturn(aResponse()
        .withHeader("Content-Type", "text/plain").withBody("User-agent: *\nCrawl-delay: 1\n")));
    for (String name : List.of("a", "b")) {
      site.stubFor(any(urlPathEqualTo("/moved/" + name)).willReturn(aResponse().withStatus(301)
          .withHeader("Location", external() + "/landing/" + name)));
      site.stubFor(any(urlPathEqualTo("/landing/" + name)).willReturn(aResponse().withStatus(200)));
    }
    page("/front.html", base() + "/moved/a", base() + "/moved/b");

    LinkReport report = check(seedsOnly(base() + "/front.html"), true);

    assertThat(report.broken()).isEmpty();
    assertThat(report.checkedOnline()).isEqualTo(2);
    assertTwoAskedASecondApart("/landing/.*");
  }

  @Test
  void aCrawlDelayPast30sOnARedirectsHostReadLateIsCappedWithTheCrawlsWarningOnceForThatHost()
      throws Exception {
    // localhost is read only when the first redirect leads there; the second redirect asks its
    // rules again. Each leads to one request at most there, so the 30 s are never waited.
    robotsTxt("localhost", "User-agent: *\nCrawl-delay: 90\nDisallow: /private/\n");
    site.stubFor(any(urlPathEqualTo("/moved/a")).willReturn(aResponse().withStatus(301)
        .withHeader("Location", external() + "/landing/a")));
    site.stubFor(any(urlPathEqualTo("/moved/b")).willReturn(aResponse().withStatus(301)
        .withHeader("Location", external() + "/private/b")));
    site.stubFor(any(urlPathEqualTo("/landing/a")).willReturn(aResponse().withStatus(200)));
    page("/front.html", base() + "/moved/a", base() + "/moved/b");

    List<String> warnings = warningsDuring(() -> {
      LinkReport report = check(seedsOnly(base() + "/front.html"), true);
      assertThat(report.checkedOnline()).isEqualTo(1);
    });

    assertThat(warnings).filteredOn(w -> w.contains("Crawl-delay"))
        .containsExactly(external() + " asks for a Crawl-delay of 90 s; capped at 30 s");
  }

  @Test
  void aCrawlDelayPast30sOfAHostInScopeTheCrawlNeverReachedIsCappedWithTheCrawlsWarning() throws Exception {
    robotsTxt("localhost", "User-agent: *\nCrawl-delay: 45\n");
    page("/front.html", external() + "/status/200");
    CrawlConfig crawl = seedsOnly(base() + "/front.html").toBuilder()
        .scope(Scope.REGEX, Pattern.compile("^http://(127\\.0\\.0\\.1|localhost):")).build();

    List<String> warnings = warningsDuring(() -> check(crawl, true));

    assertThat(warnings).filteredOn(w -> w.contains("Crawl-delay"))
        .containsExactly(external() + " asks for a Crawl-delay of 45 s; capped at 30 s");
  }

  @Test
  void theCrawlWarnsOfACrawlDelayPast30sInTheWordsTheLinkCheckUses() throws Exception {
    robotsTxt("127.0.0.1", "User-agent: *\nCrawl-delay: 90\n");
    page("/front.html");

    List<String> warnings = warningsDuring(() -> check(seedsOnly(base() + "/front.html"), true));

    assertThat(warnings).filteredOn(w -> w.contains("Crawl-delay"))
        .containsExactly(base() + " asks for a Crawl-delay of 90 s; capped at 30 s");
  }

  /** The robots.txt of {@code host} (the site's port), plain text. */
  private static void robotsTxt(String host, String body) {
    site.stubFor(get("/robots.txt").withHost(equalTo(host)).willReturn(aResponse()
        .withHeader("Content-Type", "text/plain").withBody(body)));
  }

  /** The WARN lines any logger wrote while {@code run} ran, as formatted. */
  private static List<String> warningsDuring(LoggedLines.During run) throws Exception {
    return LoggedLines.warnedDuring(org.slf4j.Logger.ROOT_LOGGER_NAME, run);
  }

  @Test
  void targetsBeyondMaxDepthAreAskedForNoSoonerThanTheSitesCrawlDelayApart() throws Exception {
    site.stubFor(get("/robots.txt").withHost(equalTo("127.0.0.1")).willReturn(aResponse()
        .withHeader("Content-Type", "text/plain").withBody("User-agent: *\nCrawl-delay: 1\n")));
    page("/front.html", base() + "/status/200", base() + "/status/204");

    LinkReport report = check(seedsOnly(base() + "/front.html"), true);

    assertThat(report.broken()).isEmpty();
    assertThat(report.checkedOnline()).isEqualTo(2);
    assertTwoAskedASecondApart("/status/.*");
  }

  @Test
  void aTargetBeyondMaxDepthWaitsTheDelayAfterTheSlowRequestBeforeItAsTheCrawlWould() throws Exception {
    // One a period, as a rate limiter lets them go, the fast target after a slow one went out the
    // moment the slow one ended, and the next a few ms later, as the following period began.
    site.stubFor(any(urlPathEqualTo("/paced/slow")).willReturn(aResponse().withFixedDelay(500)));
    site.stubFor(any(urlPathEqualTo("/paced/fast")).willReturn(aResponse().withStatus(200)));
    site.stubFor(any(urlPathEqualTo("/paced/next")).willReturn(aResponse().withStatus(200)));
    page("/front.html", base() + "/paced/slow", base() + "/paced/fast", base() + "/paced/next");
    CrawlConfig crawl = seedsOnly(base() + "/front.html").toBuilder()
        .perHost(1).delay(Duration.ofMillis(300)).build();

    LinkReport report = check(crawl, true);

    assertThat(report.checkedOnline()).isEqualTo(3);
    List<Long> asked = timesAsked("/paced/.*");
    assertThat(asked).hasSize(3);
    assertThat(asked.get(1) - asked.get(0)).as("the slow one's 500 ms, then the delay")
        .isGreaterThanOrEqualTo(780);
    assertThat(asked.get(2) - asked.get(1)).as("the delay").isGreaterThanOrEqualTo(290);
  }

  @Test
  void aTargetInScopeOnAHostTheCrawlNeverReachedObeysThatHostsRobotsTxt() throws Exception {
    // localhost is in this scope, but at depth 0 the crawl fetched nothing from it: its targets
    // went at 10 per second with no look at its robots.txt, which the crawl would have read.
    site.stubFor(get("/robots.txt").withHost(equalTo("localhost")).willReturn(aResponse()
        .withHeader("Content-Type", "text/plain").withBody("User-agent: *\nDisallow: /private/\n")));
    page("/front.html", external() + "/private/drafts.html", external() + "/status/404");
    CrawlConfig crawl = seedsOnly(base() + "/front.html").toBuilder()
        .scope(Scope.REGEX, Pattern.compile("^http://(127\\.0\\.0\\.1|localhost):")).build();

    LinkReport report = check(crawl, true);

    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(external() + "/status/404");
    assertThat(report.skipped()).isEqualTo(1);
    site.verify(0, anyRequestedFor(urlPathEqualTo("/private/drafts.html")));
  }

  @Test
  void aHostInScopeTheCrawlNeverReachedWhoseRobotsTxtAnswers503OnceIsReadAgainAndItsDisallowObeyed()
      throws Exception {
    // It was read once: the 503 left both targets skipped, the working one unchecked, where every
    // other robots.txt a link check reads is tried again as the crawl tries its own.
    robotsTxtBusyFirst(1, "User-agent: *\nDisallow: /private/\n");
    page("/front.html", external() + "/private/drafts.html", external() + "/status/404");
    CrawlConfig crawl = seedsOnly(base() + "/front.html").toBuilder()
        .scope(Scope.REGEX, Pattern.compile("^http://(127\\.0\\.0\\.1|localhost):")).build();

    LinkReport report = check(crawl, true);

    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(external() + "/status/404");
    assertThat(report.skipped()).as("the drafts, disallowed").isEqualTo(1);
    site.verify(2, getRequestedFor(urlPathEqualTo("/robots.txt")).withHeader("Host", matching("localhost:.*")));
    site.verify(0, anyRequestedFor(urlPathEqualTo("/private/drafts.html")));
  }

  @Test
  void targetsSkippedBecauseRobotsTxtCouldNotBeReadAgainAreNamedInAWarning() throws Exception {
    // The check then passed with "2 skipped" and not a word of why.
    site.stubFor(get("/robots.txt").withHost(equalTo("127.0.0.1")).inScenario("robots")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("read once")
        .willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("User-agent: *\n")));
    site.stubFor(get("/robots.txt").withHost(equalTo("127.0.0.1")).inScenario("robots")
        .whenScenarioStateIs("read once").willReturn(aResponse().withStatus(500)));
    page("/front.html", base() + "/status/200", base() + "/status/404");
    List<String> warnings = warningsDuring(() -> {
      LinkReport report = check(seedsOnly(base() + "/front.html"), true);
      assertThat(report.skipped()).isEqualTo(2);
    });

    assertThat(warnings).containsExactly("robots.txt of " + base()
        + " could not be read again (it answered 500 Server Error);"
        + " its 2 targets the crawl did not fetch are skipped");
    site.verify(1 + 3, getRequestedFor(urlPathEqualTo("/robots.txt"))); // the crawl's read, then three
    site.verify(0, anyRequestedFor(urlPathEqualTo("/status/404")));
  }

  @Test
  void aTargetBeyondMaxDepthThatRedirectsWhereRobotsTxtDisallowsIsSkippedAndTheRedirectNotFollowed()
      throws Exception {
    site.stubFor(get("/robots.txt").withHost(equalTo("127.0.0.1")).willReturn(aResponse()
        .withHeader("Content-Type", "text/plain").withBody("User-agent: *\nDisallow: /private/\n")));
    site.stubFor(any(urlPathEqualTo("/moved/drafts")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "/private/drafts.html")));
    site.stubFor(any(urlPathEqualTo("/moved/news")).willReturn(aResponse().withStatus(301)
        .withHeader("Location", "/status/404")));
    page("/front.html", base() + "/moved/drafts", base() + "/moved/news");
    CrawlConfig crawl = seedsOnly(base() + "/front.html").toBuilder().delay(Duration.ofMillis(300)).build();

    LinkReport report = check(crawl, true);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::chain).containsExactly(
        tuple(base() + "/moved/news", List.of(base() + "/moved/news", base() + "/status/404")));
    assertThat(report.skipped()).isEqualTo(1);
    assertThat(report.checkedOnline()).isEqualTo(1);
    site.verify(0, anyRequestedFor(urlPathEqualTo("/private/drafts.html")));
    List<Long> asked = timesAsked("/(moved|status)/.*");
    // At least the two targets and the hop news redirects to, or the loop below checks nothing.
    assertThat(asked).hasSizeGreaterThanOrEqualTo(3);
    for (int i = 1; i < asked.size(); i++) {
      assertThat(asked.get(i) - asked.get(i - 1)).as("a redirect's next hop waits the delay too")
          .isGreaterThanOrEqualTo(290);
    }
  }

  @Test
  void aSeedsFragmentIsCheckedAgainstItsPageWithCheckAnchors() throws Exception {
    pageWithIds("/manual.html", "install");

    page("/contents.html", base() + "/manual.html#upgrade");

    LinkReport report = check(seedsOnly(base() + "/manual.html#install", base() + "/manual.html#upgrade",
        base() + "/manual.html#legacy", base() + "/contents.html"), false, true);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::problem).containsExactly(
        tuple(base() + "/manual.html#legacy", "missing anchor #legacy"),
        tuple(base() + "/manual.html#upgrade", "missing anchor #upgrade"));
    assertThat(report.broken().get(0).referrers()).as("typed, not linked").isEmpty();
    assertThat(report.broken().get(1).referrers()).as("the page that links there, once")
        .extracting(Referrer::page).containsExactly(base() + "/contents.html");
  }

  @Test
  void aSeedsFragmentIsCheckedOnThePageItRedirectsToOnAnotherSite() throws Exception {
    pageForAnyMethod("/moved-here.html", "there");
    site.stubFor(any(urlPathEqualTo("/xredir")).willReturn(aResponse().withStatus(301)
        .withHeader("Location", external() + "/moved-here.html")));
    site.stubFor(any(urlPathEqualTo("/xredir-unread")).willReturn(aResponse().withStatus(301)
        .withHeader("Location", external() + "/head-only.html")));
    site.stubFor(head(urlPathEqualTo("/head-only.html")).willReturn(aResponse().withStatus(200)));
    site.stubFor(get(urlPathEqualTo("/head-only.html")).willReturn(aResponse().withStatus(500)));

    LinkReport report = check(seedsOnly(base() + "/xredir#nope", base() + "/xredir#there",
        base() + "/xredir-unread#intro"), true, true);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::problem).containsExactly(
        tuple(base() + "/xredir#nope", "missing anchor #nope"));
    assertThat(report.broken().get(0).referrers()).as("typed, not linked").isEmpty();
    assertThat(report.anchorsNotChecked()).extracting(UncheckedAnchor::url, UncheckedAnchor::why).containsExactly(
        tuple(base() + "/xredir-unread#intro", UncheckedAnchor.Why.PAGE_NOT_READ));
    site.verify(1, getRequestedFor(urlPathEqualTo("/moved-here.html")));
  }

  @Test
  void aSeedWrittenUnnormalizedStillDrawsThePrefixScopeTheCrawlKeptTo() throws Exception {
    page("/docs/start.html", base() + "/docs/gone.html");
    // Depth 0: gone.html is checked online, as the site's own (robots.txt, --delay) or another's.
    CrawlConfig crawl = prefixScoped(base() + "/docs/./start.html", 0);

    LinkReport report = check(crawl, true);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::external)
        .containsExactly(tuple(base() + "/docs/gone.html", false));
  }

  @Test
  void aTargetLeftFetchingWhenTheCrawlEndedIsSkippedNotCountedAsFine() throws Exception {
    page("/waiting.html", base() + "/status/404");
    CrawlConfig crawl = crawl(null, 1, Pattern.compile("/waiting\\.html|/status/"), base() + "/waiting.html");
    Crawler.run(crawl, CrawlListener.NONE);
    // What a crawl.db written before the crawl left such URLs queued at its end holds, where its page
    // limit came while /status/404 waited out a 429.
    CrawlDbRows.execute(crawl.crawlDb(), "UPDATE urls SET state='fetching', status=NULL WHERE url LIKE '%/status/404'");

    LinkReport report = LinkChecker.check(crawl, false, false);

    assertThat(report.broken()).isEmpty();
    assertThat(report.skipped()).isEqualTo(1);
  }

  @Test
  void theCountOfNonHttpLinksCoversTheWholeCrawlAfterAResume() throws Exception {
    page("/contact.html", "mailto:team@example.com", "javascript:void(0)", base() + "/status/200");
    CrawlConfig crawl = seedsOnly(base() + "/contact.html");
    Crawler.run(crawl.withPurpose(CrawlPurpose.SEARCH), CrawlListener.NONE); // sitepulse crawl

    LinkReport report = check(crawl, false); // resumes: nothing is left to fetch

    assertThat(report.nonHttp()).isEqualTo(2);
  }

  @Test
  void aResourceThatRobotsTxtDisallowsIsSkippedAndNeverFetched() throws Exception {
    site.stubFor(get("/robots.txt").withHost(equalTo("127.0.0.1")).willReturn(aResponse()
        .withHeader("Content-Type", "text/plain").withBody("User-agent: *\nDisallow: /assets/\n")));

    LinkReport report = check(seedsOnly(pageWithResources()), false);

    assertThat(report.broken()).isEmpty();
    assertThat(report.skipped()).as("gone.png, missing.css, app.js and the other site's image").isEqualTo(4);
    site.verify(0, anyRequestedFor(urlPathEqualTo("/assets/gone.png")));
    site.verify(0, anyRequestedFor(urlPathEqualTo("/assets/app.js")));
  }

  @Test
  void aSeedWhoseRobotsTxtAnswersAServerErrorIsBrokenNotSkipped() throws Exception {
    site.stubFor(get("/robots.txt").withHost(equalTo("localhost"))
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));

    LinkReport report = check(seedsOnly(external() + "/site/index.html"), true);

    site.verify(moreThanOrExactly(3), getRequestedFor(urlPathEqualTo("/robots.txt")).withHeader("Host", matching("localhost.*")));
    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::errorKind, BrokenLink::problem)
        .containsExactly(tuple(external() + "/site/index.html", "ROBOTS_TXT",
            "ROBOTS_TXT: robots.txt answered 503 Service Unavailable, so the host was not crawled"));
    assertThat(report.skipped()).isZero();
  }

  @Test
  void aSeedWhoseHostRefusesConnectionsIsBrokenWithItsErrorKindNotSkipped() throws Exception {
    LinkReport report = check(seedsOnly("http://127.0.0.1:1/"), true);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::errorKind)
        .containsExactly(tuple("http://127.0.0.1:1/", "CONNECT_REFUSED"));
    assertThat(report.broken().get(0).problem()).startsWith("CONNECT_REFUSED: ");
    assertThat(report.skipped()).isZero();
  }

  @Test
  void aSeedThatFailsIsAFailedSeedWhichNoPageLinksTo() throws Exception {
    LinkReport report = check(seedsOnly(base() + "/no/such/seed.html", "http://127.0.0.1:1/"), true);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::start, BrokenLink::problem)
        .containsExactlyInAnyOrder(tuple(base() + "/no/such/seed.html", BrokenLink.Start.SEED, "404 Not Found"),
            tuple("http://127.0.0.1:1/", BrokenLink.Start.SEED, "CONNECT_REFUSED: connection refused by 127.0.0.1:1"));
    assertThat(report.broken()).allSatisfy(b -> assertThat(b.referrers()).isEmpty());
  }

  @Test
  void aSeedThatRedirectsToAnErrorFailsOnceWithItsChainNotAgainAsWhereItLeads() throws Exception {
    site.stubFor(get("/moved-seed").willReturn(aResponse().withStatus(302).withHeader("Location", "/moved/gone")));

    LinkReport report = check(seedsOnly(base() + "/moved-seed"), true);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::start, BrokenLink::chain)
        .containsExactly(tuple(base() + "/moved-seed", BrokenLink.Start.SEED,
            List.of(base() + "/moved-seed", base() + "/moved/gone")));
  }

  @Test
  void aSeedThatRedirectsInALoopIsAFailedSeedWithItsChainThoughEachOfItsUrlsIsARedirectsTarget()
      throws Exception {
    site.stubFor(get("/seed-loop/a").willReturn(aResponse().withStatus(302).withHeader("Location", "/seed-loop/b")));
    site.stubFor(get("/seed-loop/b").willReturn(aResponse().withStatus(302).withHeader("Location", "/seed-loop/a")));
    site.stubFor(get("/seed-loop/self").willReturn(aResponse().withStatus(301).withHeader("Location", "/seed-loop/self")));
    CrawlConfig crawl = seedsOnly(base() + "/seed-loop/a", base() + "/seed-loop/self");

    LinkReport report = check(crawl, true);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::start, BrokenLink::problem, BrokenLink::chain)
        .containsExactly(
            tuple(base() + "/seed-loop/a", BrokenLink.Start.SEED,
                "TOO_MANY_REDIRECTS: redirect loop starting at " + base() + "/seed-loop/a",
                List.of(base() + "/seed-loop/a", base() + "/seed-loop/b", base() + "/seed-loop/a")),
            tuple(base() + "/seed-loop/self", BrokenLink.Start.SEED,
                "TOO_MANY_REDIRECTS: redirect loop starting at " + base() + "/seed-loop/self",
                List.of(base() + "/seed-loop/self", base() + "/seed-loop/self")));
    assertThat(report.targets()).isEqualTo(2);
    assertThat(LinkChecker.checkLinksOffline(crawl).broken()).as("report's check, from crawl.db alone")
        .extracting(BrokenLink::url, BrokenLink::start)
        .containsExactly(tuple(base() + "/seed-loop/a", BrokenLink.Start.SEED),
            tuple(base() + "/seed-loop/self", BrokenLink.Start.SEED));
  }

  @Test
  void aSitemapsPageThatFailsAndThatNoPageLinksToIsAFailedSitemapEntry() throws Exception {
    // The seed's host lists its pages in /sitemap.xml, which the crawl reads.
    site.stubFor(get("/sitemap.xml").withHost(equalTo("localhost")).willReturn(aResponse()
        .withHeader("Content-Type", "application/xml").withBody("""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>%1$s/sm/home.html</loc></url>
              <url><loc>%1$s/sm/gone.html</loc></url>
              <url><loc>%1$s/sm/linked-gone.html</loc></url>
            </urlset>""".formatted(external()))));
    page("/sm/home.html", "linked-gone.html");

    LinkReport report = check(crawl(null, 1, null, external() + "/sm/home.html"), true);

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::start, b -> b.referrers().size())
        .containsExactly(tuple(external() + "/sm/gone.html", BrokenLink.Start.SITEMAP, 0),
            tuple(external() + "/sm/linked-gone.html", null, 1));
  }

  @Test
  void aPageThatNoPageLinksToAnyMoreIsNoFailedSitemapEntryWhenNoSitemapListedIt() throws Exception {
    page("/orph/index.html", "gone.html");
    CrawlConfig config = CrawlConfig.builder(List.of(base() + "/orph/index.html"), data)
        .include(Pattern.compile("/orph/")).delay(Duration.ZERO).timeout(AnsweredFetches.TIMEOUT).userAgent(AGENT).build();
    Crawler.run(config, CrawlListener.NONE);
    assertThat(LinkChecker.checkLinksOffline(config).broken()).extracting(BrokenLink::url, BrokenLink::start)
        .containsExactly(tuple(base() + "/orph/gone.html", null));
    page("/orph/index.html", "other.html"); // the link to gone.html, one away as a sitemap's page would be, is gone
    page("/orph/other.html");

    Crawler.run(config.toBuilder().start(CrawlStart.REFRESH).build(), CrawlListener.NONE);

    assertThat(LinkChecker.checkLinksOffline(config).broken()).extracting(BrokenLink::url, BrokenLink::start)
        .doesNotContain(tuple(base() + "/orph/gone.html", BrokenLink.Start.SITEMAP));
  }
}
