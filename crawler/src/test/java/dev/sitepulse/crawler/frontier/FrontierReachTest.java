package dev.sitepulse.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A run limited to N fetches (--max-pages) holds no more of a host's new URLs than it can still
 * fetch: a link trap's thousands of links per page would fill memory with URLs it never reaches.
 * Those past its reach are still new to the crawl (crawl.db queues them) and counted.
 */
class FrontierReachTest {

  private static final String HOST = "http://a.example";

  @Test
  void aHostHoldsNoMoreNewUrlsThanTheRunCanStillFetch() {
    Frontier f = new Frontier(8, 8, 0);
    f.limitFetches(3);

    for (int i = 0; i < 10; i++) {
      assertThat(f.offer(HOST + "/" + i, 1)).as("new to the crawl, for crawl.db to queue").isTrue();
    }

    assertThat(f.queued()).isEqualTo(3);
    assertThat(f.pastReach()).isEqualTo(7);
    assertThat(f.offer(HOST + "/9", 1)).as("seen").isFalse();
    assertThat(f.pastReach()).isEqualTo(7);
  }

  @Test
  void eachFetchStartedLeavesOneFewerWithinReachAndASkippedOneGivesItsBack() {
    Frontier f = new Frontier(8, 8, 0);
    f.limitFetches(3);
    f.offer(HOST + "/0", 0);
    f.poll(0);
    f.done(HOST, 0);
    f.offer(HOST + "/1", 1);
    f.poll(0);
    f.skip(HOST); // robots.txt disallowed it: no fetch, and two are still to come

    f.offer(HOST + "/2", 1);
    f.offer(HOST + "/3", 1);
    f.offer(HOST + "/4", 1);

    assertThat(f.queued()).isEqualTo(2);
    assertThat(f.pastReach()).isEqualTo(1);
  }

  @Test
  void eachHostHoldsWhatTheRunCanStillFetchAsTurnsMayGoToAnyOfThem() {
    Frontier f = new Frontier(8, 8, 0);
    f.limitFetches(2);

    for (String host : new String[] {HOST, "http://b.example"}) {
      for (int i = 0; i < 3; i++) {
        f.offer(host + "/" + i, 1);
      }
    }

    assertThat(f.queued()).isEqualTo(4);
    assertThat(f.pastReach()).isEqualTo(2);
  }

  @Test
  void aUrlQueuedAgainIsHeldWhateverTheReachAsItGoesFirst() {
    Frontier f = new Frontier(8, 8, 0);
    f.limitFetches(1);
    f.offer(HOST + "/0", 0);
    Frontier.Next next = f.poll(0);
    f.done(HOST, 0);

    f.requeue(next.url(), next.depth());

    assertThat(f.queued()).isEqualTo(1);
    assertThat(f.poll(0).url()).isEqualTo(HOST + "/0");
  }

  @Test
  void withoutALimitEveryNewUrlIsHeld() {
    Frontier f = new Frontier(8, 8, 0);
    f.limitFetches(0);

    for (int i = 0; i < 1000; i++) {
      f.offer(HOST + "/" + i, 1);
    }

    assertThat(f.queued()).isEqualTo(1000);
    assertThat(f.pastReach()).isZero();
  }
}
