package dev.sitepulse.crawler.links;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlException;
import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.CrawlSpec;
import dev.sitepulse.crawler.CrawlStart;
import dev.sitepulse.crawler.CrawlStop;
import dev.sitepulse.crawler.HeldResponses;
import dev.sitepulse.crawler.Scope;
import dev.sitepulse.crawler.StubSiteServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link check stopped (Ctrl-C) during its crawl or its checks online reports what it judged by
 * then, and names every target it left unjudged; nothing is asked after the stop. The server holds
 * a request while the test stops the check; every request has an hour to answer, so a check that
 * waited for a held one would meet the test's timeout instead. What the check left under way ends
 * once the test lets the held request go, on the check's threads, which a test waits for before it
 * looks at what was asked.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StoppedLinkCheckTest {

  private static final Duration AN_HOUR = Duration.ofHours(1);

  private static final HeldResponses held = new HeldResponses();

  @RegisterExtension
  static WireMockExtension site = StubSiteServer.builder(held).build();

  @TempDir Path data;

  private final LinkPages pages = new LinkPages(site);
  private final String base = pages.base();
  private final String external = pages.external();

  private void answers(String path, int status) {
    site.stubFor(any(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/html")
        .withBody("<html><body><p id=part>x</p></body></html>")));
  }

  /** One request to a host at a time, so that those behind a held one wait. */
  private CrawlConfig crawl(int maxDepth, Pattern include, String seed) {
    return crawl(maxDepth, null, null, include, seed);
  }

  /** Within --scope regex {@code scope}, at --max-depth 0. */
  private CrawlConfig crawlWithin(Pattern scope, String seed) {
    return crawl(0, Scope.REGEX, scope, null, seed);
  }

  private CrawlConfig crawl(int maxDepth, Scope scope, Pattern scopeRegex, Pattern include, String seed) {
    return new CrawlSpec(List.of(seed), data.toString(), null, maxDepth, scope, scopeRegex, include, null, 4, 1,
        Duration.ZERO, AN_HOUR, null, "sitepulse-test/1.0", null, null)
        .toConfig(CrawlStart.RESUME).withPurpose(CrawlPurpose.LINK_CHECK);
  }

  private static CompletableFuture<LinkReport> inBackground(CrawlConfig crawl, boolean checkAnchors, CrawlStop stop,
      LinkCheckListener listener) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return LinkChecker.crawlAndCheck(crawl, true, checkAnchors, null, stop, listener);
      } catch (CrawlException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void aStopDuringTheCrawlReportsWhatItsPagesShowAndNamesWhatItLeftUnjudgedAskingNothingOnline() throws Exception {
    pages.page("/stopped/start.html", base + "/stopped/gone.html", base + "/stopped/held.html",
        base + "/stopped/after.html", external + "/stopped/elsewhere");
    answers("/stopped/gone.html", 404);
    pages.page("/stopped/held.html");
    CrawlStop stop = new CrawlStop();
    CompletableFuture<LinkReport> check;
    // The links go one at a time, in order: while the server holds the second, the third waits.
    try (HeldResponses.Held page = held.hold("/stopped/held.html")) {
      check = inBackground(crawl(1, Pattern.compile("/stopped/"), base + "/stopped/start.html"), false, stop,
          LinkCheckListener.NONE);
      page.awaitAsked();
      stop.request();
    }

    LinkReport report = check.get(); // the page held at the stop is let finish, and judged

    assertThat(report.stopped()).isTrue();
    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(base + "/stopped/gone.html");
    assertThat(report.notCheckedAtStop()).as("left queued, and the other site's, not asked after the stop")
        .containsExactly(base + "/stopped/after.html", external + "/stopped/elsewhere");
    assertThat(report).extracting(LinkReport::targets, LinkReport::skipped, LinkReport::working, LinkReport::checkedOnline)
        .containsExactly(5L, 0L, 2L, 0L);
    site.verify(0, anyRequestedFor(urlPathEqualTo("/stopped/after.html")));
    site.verify(0, anyRequestedFor(urlPathEqualTo("/stopped/elsewhere")));
  }

  @Test
  void aStopBeforeTheCrawlFetchedAnythingNamesTheSeedAsNotCheckedAndAsksNothing() throws Exception {
    pages.page("/stopped/first.html", base + "/status/404");
    CrawlStop stop = new CrawlStop();
    stop.request(); // as a Ctrl-C during start-up would

    LinkReport report = LinkChecker.crawlAndCheck(crawl(0, null, base + "/stopped/first.html"), true, false,
        null, stop, LinkCheckListener.NONE);

    assertThat(report.stopped()).isTrue();
    assertThat(report.notCheckedAtStop()).containsExactly(base + "/stopped/first.html");
    assertThat(report.broken()).isEmpty();
    assertThat(report.working()).isZero();
    site.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aStopDuringTheChecksOnlineReportsThoseThatEndedAndStartsNoOther() throws Exception {
    // Beyond --max-depth 0 on the crawl's own host, one at a time; and another site's 404.
    pages.page("/online/start.html", base + "/online/held", base + "/online/behind", external + "/status/404");
    answers("/online/held", 200);
    answers("/online/behind", 200);
    CountDownLatch oneEnded = new CountDownLatch(1);
    LinkCheckListener listener = new LinkCheckListener() {
      @Override
      public void checkedOnline(int done, int total) {
        oneEnded.countDown();
      }
    };
    CrawlStop stop = new CrawlStop();
    CheckThreads threads = new CheckThreads();
    try (HeldResponses.Held target = held.hold("/online/held")) {
      CompletableFuture<LinkReport> check = inBackground(crawl(0, null, base + "/online/start.html"), false,
          stop, listener);
      target.awaitAsked();
      oneEnded.await(); // the other site's: /online/behind waits for /online/held, which cannot end
      stop.request();

      LinkReport report = check.get();

      assertThat(report.stopped()).isTrue();
      assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(external + "/status/404");
      assertThat(report.checkedOnline()).isEqualTo(1);
      assertThat(report.notCheckedAtStop()).as("under way, and waiting its turn")
          .containsExactly(base + "/online/behind", base + "/online/held");
      assertThat(report.working()).as("the seed").isEqualTo(1);
    }
    // Once the held one ends, its host's next turn comes: after the stop, it asks nothing.
    threads.awaitEnded();
    site.verify(0, anyRequestedFor(urlPathEqualTo("/online/behind")));
  }

  @Test
  void aStopThatComesOnceEveryTargetIsJudgedLeavesTheReportComplete() throws Exception {
    pages.page("/late/start.html", external + "/status/404", external + "/late/fine");
    answers("/late/fine", 200);
    CrawlStop stop = new CrawlStop();
    // Asked as the last check online ends: before the report is made, with nothing left to judge.
    LinkCheckListener stopAtTheLast = new LinkCheckListener() {
      @Override
      public void checkedOnline(int done, int total) {
        if (done == total) {
          stop.request();
        }
      }
    };

    LinkReport report = LinkChecker.crawlAndCheck(crawl(0, null, base + "/late/start.html"), true, false, null,
        stop, stopAtTheLast);

    assertThat(stop.isRequested()).isTrue();
    assertThat(report.stopped()).as("nothing was cut short").isFalse();
    assertThat(report.notCheckedAtStop()).isEmpty();
    assertThat(report.broken()).extracting(BrokenLink::url).containsExactly(external + "/status/404");
    assertThat(report.working()).as("the seed and /late/fine").isEqualTo(2);
  }

  @Test
  void aStopWhileAWorkingPageIsReadForItsIdsLeavesItsAnchorNotCheckedRatherThanMissing() throws Exception {
    pages.page("/ids/start.html", external + "/ids/page.html#part");
    answers("/ids/page.html", 200);
    CrawlStop stop = new CrawlStop();
    // The check's HEAD is answered; the GET that reads the page for its ids is held.
    try (HeldResponses.Held read = held.holdGets("/ids/page.html")) {
      CompletableFuture<LinkReport> check = inBackground(crawl(0, null, base + "/ids/start.html"), true,
          stop, LinkCheckListener.NONE);
      read.awaitAsked();
      stop.request();

      LinkReport report = check.get();

      assertThat(report.stopped()).isTrue();
      assertThat(report.broken()).isEmpty();
      assertThat(report.notCheckedAtStop()).as("checked, and working").isEmpty();
      assertThat(report.anchorsNotChecked()).containsExactly(
          new UncheckedAnchor(external + "/ids/page.html#part", UncheckedAnchor.Why.CHECK_STOPPED));
    }
  }

  @Test
  void aStopWhileRobotsTxtIsReadForTheChecksOnlineEndsThemWithoutWaitingForIt() throws Exception {
    // localhost is in the scope, but beyond --max-depth 0: its robots.txt is read before it is asked.
    pages.page("/robots-read/start.html", external + "/robots-read/page.html");
    answers("/robots-read/page.html", 200);
    CrawlStop stop = new CrawlStop();
    CheckThreads threads = new CheckThreads();
    try (HeldResponses.Held robots = held.hold("localhost", "/robots.txt")) {
      CompletableFuture<LinkReport> check = inBackground(crawlWithin(
          Pattern.compile("^http://(127\\.0\\.0\\.1:[0-9]+/robots-read/|localhost:)"), base + "/robots-read/start.html"),
          false, stop, LinkCheckListener.NONE);
      robots.awaitAsked();
      stop.request();

      LinkReport report = check.get();

      assertThat(report.stopped()).isTrue();
      assertThat(report.notCheckedAtStop()).containsExactly(external + "/robots-read/page.html");
    }
    threads.awaitEnded(); // the read of robots.txt, and whatever came of it
    site.verify(0, anyRequestedFor(urlPathEqualTo("/robots-read/page.html")));
  }

  @Test
  void aRobotsTxtReadForARedirectsNewHostThatTheStopCutShortIsNotTriedAgain() throws Exception {
    // Beyond --max-depth 0 on the crawl's host, a redirect to localhost, a host none of the
    // targets was on: its robots.txt is read before the redirect is followed, and answers 503.
    pages.page("/new-host/start.html", base + "/new-host/moved");
    site.stubFor(any(urlPathEqualTo("/new-host/moved"))
        .willReturn(aResponse().withStatus(301).withHeader("Location", external + "/new-host/there")));
    site.stubFor(any(urlPathEqualTo("/robots.txt")).withHost(equalTo("localhost"))
        .willReturn(aResponse().withStatus(503)));
    CrawlStop stop = new CrawlStop();
    CheckThreads threads = new CheckThreads();
    try (HeldResponses.Held robots = held.hold("localhost", "/robots.txt")) {
      CompletableFuture<LinkReport> check = inBackground(crawl(0, null, base + "/new-host/start.html"), false,
          stop, LinkCheckListener.NONE);
      robots.awaitAsked();
      stop.request();

      LinkReport report = check.get();

      assertThat(report.notCheckedAtStop()).containsExactly(base + "/new-host/moved");
    }
    threads.awaitEnded(); // the 503 let go: one that came before the stop would be tried again 1 s later
    site.verify(1, anyRequestedFor(urlPathEqualTo("/robots.txt")).withHeader("Host", matching("localhost(:.*)?")));
    site.verify(0, anyRequestedFor(urlPathEqualTo("/new-host/there")));
  }
}
