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
          null, 1, null, null, null, null, List.of(), null, null, 0), counters, null, () -> {}, () -> {}),
      counters);

  @Test
  void aServerThatRedirectsEachUrlToANewOneIsFollowedForTwentyRedirectsAndNoMore() {
    for (int hop = 0; hop < Redirects.MAX_REDIRECT_HOPS; hop++) {
      assertThat(redirects.follow(page("/hop/" + hop, 1), SITE + "/hop/" + (hop + 1)))
          .as("redirect %d", hop + 1).containsExactly(new QueuedUrl(SITE + "/hop/" + (hop + 1), 1));
    }

    assertThat(redirects.follow(page("/hop/20", 1), SITE + "/hop/21")).isEmpty();
    assertThat(frontier.queued()).isEqualTo(20);
  }

  @Test
  void aChainStartsAgainFromEachUrlNoRedirectLedTo() {
    for (int hop = 0; hop < Redirects.MAX_REDIRECT_HOPS; hop++) {
      redirects.follow(page("/hop/" + hop, 1), SITE + "/hop/" + (hop + 1));
    }

    assertThat(redirects.follow(page("/other", 1), SITE + "/other/1")).hasSize(1);
  }

  @Test
  void aTargetAlreadySeenIsNotQueuedAgainSoALoopEnds() {
    frontier.offer(SITE + "/a", 0);

    assertThat(redirects.follow(page("/a", 0), SITE + "/b")).hasSize(1);
    assertThat(redirects.follow(page("/b", 0), SITE + "/a")).isEmpty();
  }

  @Test
  void aSeedRedirectedOutOfTheScopeIsKeptForTheSummaryAndNotFollowed() {
    assertThat(redirects.follow(page("/", 0), ELSEWHERE)).isEmpty();
    assertThat(redirects.follow(page("/moved", 1), ELSEWHERE + "moved")).isEmpty();

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
    assertThat(redirects.follow(page("/", 0), null)).isEmpty();
    assertThat(counters.seedsRedirectedAway).isEmpty();
  }

  private static Frontier.Next page(String path, int depth) {
    return new Frontier.Next(SITE + path, SITE, depth);
  }
}
