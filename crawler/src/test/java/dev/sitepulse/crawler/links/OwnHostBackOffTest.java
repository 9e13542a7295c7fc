package dev.sitepulse.crawler.links;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.sitepulse.crawler.AnsweredFetches;
import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlListener;
import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.CrawlSpec;
import dev.sitepulse.crawler.CrawlStart;
import dev.sitepulse.crawler.Crawler;
import dev.sitepulse.crawler.StubSiteServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Targets on the crawl's own host checked online after a 429 or 503: the host is held back as the
 * crawl's frontier holds it, its other targets too, and its waits add up against --max-backoff. One
 * request to the host at a time and no delay, so the host's next request goes as soon as the one
 * before has ended and said how long to hold the host; the targets go in the order the page links
 * them. When WireMock logged a request is a lower bound on when it was sent, so a gap of 950 ms or
 * more between two (a Retry-After of 1 s, less the clocks' millisecond truncation) shows a wait.
 */
class OwnHostBackOffTest {

  @RegisterExtension
  static WireMockExtension site = StubSiteServer.builder().build();

  @TempDir Path data;

  private final LinkPages pages = new LinkPages(site);
  private final String base = pages.base();

  /** HEAD answers 429, Retry-After: 1; GET works. */
  private void busyToHead(String path) {
    site.stubFor(head(urlPathEqualTo(path)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
    site.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
  }

  /** Depth 0 (the seed alone is crawled, its links checked online), --per-host 1, no delay. */
  private CrawlConfig seedOnly(Duration maxBackoff, String seed) {
    return new CrawlSpec(List.of(seed), data.toString(), null, 0, null, null, null, null, null, 1, Duration.ZERO,
        AnsweredFetches.TIMEOUT, null, "sitepulse-test/1.0", null, null, maxBackoff).toConfig(CrawlStart.RESUME)
        .withPurpose(CrawlPurpose.LINK_CHECK);
  }

  private LinkReport check(CrawlConfig crawl) throws Exception {
    Crawler.run(crawl, CrawlListener.NONE);
    return LinkChecker.check(crawl, true, false);
  }

  private static long askedAt(RequestPatternBuilder request) {
    return site.findAll(request).get(0).getLoggedDate().getTime();
  }

  @Test
  void aTargetThatAnswers429HoldsItsHostBackSoItsOtherTargetsWaitToo() throws Exception {
    busyToHead("/own/busy");
    site.stubFor(head(urlPathEqualTo("/own/calm")).willReturn(aResponse().withStatus(200)));
    pages.page("/to-own.html", base + "/own/busy", base + "/own/calm");

    LinkReport report = check(seedOnly(Duration.ofMinutes(1), base + "/to-own.html"));

    assertThat(report.broken()).isEmpty();
    assertThat(report.checkedOnline()).isEqualTo(2);
    long busy = askedAt(headRequestedFor(urlPathEqualTo("/own/busy")));
    assertThat(askedAt(headRequestedFor(urlPathEqualTo("/own/calm"))) - busy)
        .as("the host's next target waits out the 429's Retry-After").isGreaterThanOrEqualTo(950);
    assertThat(askedAt(getRequestedFor(urlPathEqualTo("/own/busy"))) - busy).isGreaterThanOrEqualTo(950);
  }

  @Test
  void waitsOneAfterTheOtherAddUpOverTheHostAndTheOneThatWouldPassMaxBackoffIsTheAnswer() throws Exception {
    busyToHead("/own/busy-1");
    busyToHead("/own/busy-2");
    pages.page("/to-own.html", base + "/own/busy-1", base + "/own/busy-2");

    // Each wait is 1 s, within --max-backoff alone; the second would make 2 s in all.
    LinkReport report = check(seedOnly(Duration.ofMillis(1500), base + "/to-own.html"));

    assertThat(report.broken()).extracting(BrokenLink::url, BrokenLink::problem)
        .containsExactly(tuple(base + "/own/busy-2", "429 Too Many Requests"));
    site.verify(1, getRequestedFor(urlPathEqualTo("/own/busy-1")));
    site.verify(0, getRequestedFor(urlPathEqualTo("/own/busy-2")));
  }
}
