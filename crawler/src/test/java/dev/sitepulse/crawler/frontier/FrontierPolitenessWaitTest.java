package dev.sitepulse.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The wait between a host's requests that the progress names, and the slot a sitemap books among
 * its pages, with the clock passed in: 1 unit of time is 1 ns.
 */
class FrontierPolitenessWaitTest {

  private static final long DELAY = 1_000;
  private static final String HOST = "http://a.example";

  @Test
  void aCrawlDelayAsLongAsTheCrawlsDelayIsNamedAsTheCrawlDelayThatHoldsTheHost() {
    Frontier f = queued("/1", "/2");
    f.delay(HOST, DELAY); // robots.txt asks for what --delay says

    f.done(f.poll(0).origin(), 0);

    assertThat(f.politenessWait(1)).isEqualTo(new Frontier.DelayedHost(HOST, DELAY, true));
  }

  @Test
  void aHostWithoutACrawlDelayWaitsForTheCrawlsDelay() {
    Frontier f = queued("/1", "/2");

    f.done(f.poll(0).origin(), 0);

    assertThat(f.politenessWait(1)).isEqualTo(new Frontier.DelayedHost(HOST, DELAY, false));
  }

  @Test
  void aSitemapBookedBetweenTwoPagesIsTheRequestTheCrawlWaitsForNotThePageADelayAfterIt() {
    Frontier f = queued("/1", "/2");
    f.done(f.poll(0).origin(), 0);

    assertThat(f.book(HOST, 1)).isEqualTo(DELAY);

    assertThat(f.politenessWait(1)).as("one delay, to the sitemap's turn")
        .isEqualTo(new Frontier.DelayedHost(HOST, DELAY, false));
    assertThat(f.politenessWait(DELAY)).as("the sitemap is being read: nothing is waited for").isNull();
    assertThat(f.poll(DELAY)).as("the page waits a delay after the sitemap").isNull();
    f.bookedDone(HOST, DELAY + 10);
    assertThat(f.politenessWait(DELAY + 10)).isEqualTo(new Frontier.DelayedHost(HOST, 2 * DELAY + 10, false));
    assertThat(f.poll(2 * DELAY + 10).url()).isEqualTo(HOST + "/2");
  }

  @Test
  void aSitemapBookedButNotFetchedLeavesTheHostsNextPageOneDelayAfterItsLastRequest() {
    Frontier f = queued("/1", "/2");
    f.done(f.poll(0).origin(), 0);
    f.book(HOST, 1);

    f.dropBooking(HOST); // the sitemaps queued all they may by its turn

    assertThat(f.poll(DELAY).url()).isEqualTo(HOST + "/2");
  }

  @Test
  void aPageDoneWhileASitemapIsBookedStillHoldsTheHostADelayAfterIt() {
    Frontier f = queued("/1", "/2", "/3");
    Frontier.Next first = f.poll(0);
    f.book(HOST, 1); // the page is still under way: the sitemap goes a delay after its start

    f.done(first.origin(), 5 * DELAY);
    f.dropBooking(HOST);

    assertThat(f.poll(6 * DELAY - 1)).isNull();
    assertThat(f.poll(6 * DELAY).url()).isEqualTo(HOST + "/2");
  }

  /** A frontier of HOST, whose paths are queued and which waits DELAY between fetches. */
  private static Frontier queued(String... paths) {
    Frontier f = new Frontier(8, 8, DELAY);
    for (String path : paths) {
      f.offer(HOST + path, 0);
    }
    return f;
  }
}
