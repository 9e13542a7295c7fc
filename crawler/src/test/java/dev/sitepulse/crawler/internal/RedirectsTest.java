package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.CrawlConfig;
import dev.sitepulse.crawler.CrawlScope;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.store.PageRecord.QueuedUrl;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedirectsTest {

  private static final String SITE = "http://docs.example";
  private static final String ELSEWHERE = "https://elsewhere.example/";

  // robots.txt ignored: a host met through a redirect is then adopted without a read to start
  private final CrawlConfig config =
      CrawlConfig.builder(List.of(SITE + "/"), Path.of("data")).ignoreRobots(true).build();
  private final CrawlScope scope = new CrawlScope(config, List.of(SITE + "/"));
  private final Frontier frontier = new Frontier(8, 2, 0);
  private final PageWork pages = new PageWork(config, scope, null, null, new CanonicalWaits());
  private final Counters counters = new Counters();
  private final Redirects redirects = new Redirects(scope, frontier, pages,
      new RobotsAndSitemaps(new CrawlSetup(config, null, null, frontier, null, null, null, scope,
          null, 1, null, null, null, null, List.of(), null, null, null, 0), counters, null, null, (o, s) -> {},
          () -> {}, () -> {}),
      counters);

  @Test
  void aServerThatRedirectsEachUrlToANewOneIsFollowedForTwentyRedirectsAndNoMore() {
    for (int hop = 0; hop < Redirects.MAX_REDIRECT_HOPS; hop++) {
      assertThat(redirects.follow(page("/hop/" + hop, 1), SITE + "/hop/" + (hop + 1)))
          .as("redirect %d", hop + 1).isEqualTo(new Redirects.Followed(List.of(new QueuedUrl(SITE + "/hop/" + (hop + 1), 1)), null));
    }

    assertThat(redirects.follow(page("/hop/20", 1), SITE + "/hop/21"))
        .isEqualTo(new Redirects.Followed(List.of(), "more than 20 redirects starting at " + SITE + "/hop/0"));
    assertThat(frontier.queued()).isEqualTo(20);
  }

  @Test
  void aChainStartsAgainFromEachUrlNoRedirectLedTo() {
    for (int hop = 0; hop < Redirects.MAX_REDIRECT_HOPS; hop++) {
      redirects.follow(page("/hop/" + hop, 1), SITE + "/hop/" + (hop + 1));
    }

    assertThat(redirects.follow(page("/other", 1), SITE + "/other/1").queued()).hasSize(1);
  }

  @Test
  void aTargetAlreadySeenIsNotQueuedAgainSoALoopEndsAndTheRedirectThatClosesItSaysSo() {
    frontier.offer(SITE + "/a", 0);

    assertThat(redirects.follow(page("/a", 0), SITE + "/b")).isEqualTo(new Redirects.Followed(List.of(new QueuedUrl(SITE + "/b", 0)), null));
    assertThat(redirects.follow(page("/b", 0), SITE + "/a"))
        .isEqualTo(new Redirects.Followed(List.of(), "redirect loop starting at " + SITE + "/a"));
  }

  @Test
  void aRedirectToAUrlAlreadySeenThatLeadsNoWayBackIsNoLoop() {
    frontier.offer(SITE + "/a", 0);
    frontier.offer(SITE + "/b", 0);
    frontier.offer(SITE + "/c", 0);

    assertThat(redirects.follow(page("/a", 0), SITE + "/c")).isEqualTo(new Redirects.Followed(List.of(), null));
    assertThat(redirects.follow(page("/b", 0), SITE + "/c")).isEqualTo(new Redirects.Followed(List.of(), null));
    assertThat(redirects.follow(page("/c", 0), SITE + "/d").tooMany()).isNull();
    // Both queued from the start, as a refresh queues them: the redirects of this run close the loop.
    assertThat(redirects.follow(page("/c", 0), SITE + "/a").tooMany()).isEqualTo("redirect loop starting at " + SITE + "/a");
  }

  @Test
  void aUrlThatRedirectsToItselfIsALoop() {
    frontier.offer(SITE + "/self", 0);

    assertThat(redirects.follow(page("/self", 0), SITE + "/self").tooMany())
        .isEqualTo("redirect loop starting at " + SITE + "/self");
  }

  @Test
  void aSeedRedirectedOutOfTheScopeIsKeptForTheSummaryAndNotFollowed() {
    assertThat(redirects.follow(page("/", 0), ELSEWHERE)).isEqualTo(new Redirects.Followed(List.of(), null));
    assertThat(redirects.follow(page("/moved", 1), ELSEWHERE + "moved")).isEqualTo(new Redirects.Followed(List.of(), null));

    assertThat(counters.seedsRedirectedAway).containsExactly(Map.entry(SITE + "/", ELSEWHERE));
    assertThat(frontier.queued()).isZero();
  }

  @Test
  void whatALinkChecksImageRedirectsToIsAnImageToo() {
    pages.leaf(SITE + "/logo.png");

    redirects.follow(page("/logo.png", 1), SITE + "/static/logo.png");
    redirects.follow(page("/about", 1), SITE + "/about/");

    assertThat(pages.isLeaf(SITE + "/static/logo.png")).isTrue();
    assertThat(pages.isLeaf(SITE + "/about/")).isFalse();
  }

  @Test
  void anUnusableTargetQueuesNothing() {
    assertThat(redirects.follow(page("/", 0), null)).isEqualTo(new Redirects.Followed(List.of(), null));
    assertThat(counters.seedsRedirectedAway).isEmpty();
  }

  private static Frontier.Next page(String path, int depth) {
    return new Frontier.Next(SITE + path, SITE, depth);
  }
}
