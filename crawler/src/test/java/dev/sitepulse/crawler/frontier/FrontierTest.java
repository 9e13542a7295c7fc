package dev.sitepulse.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Politeness and order, with the clock passed in: 1 unit of time is 1 ns. */
class FrontierTest {

  private static final long DELAY = 1_000;
  private static final String HOST = "http://a.example";

  @Test
  void aHostWaitsItsDelayFromTheStartOfOneFetchToTheNext() {
    Frontier f = queued(8, DELAY, "/1", "/2");

    assertThat(f.poll(0).url()).isEqualTo("http://a.example/1");
    assertThat(f.poll(DELAY - 1)).isNull();
    assertThat(f.nextWake(DELAY - 1)).hasValue(DELAY);
    assertThat(f.poll(DELAY).url()).isEqualTo("http://a.example/2");
  }

  @Test
  void aHostNeverFetchedMayGoAtOnceWhateverTheClocksOrigin() {
    Frontier f = queued(8, DELAY, "/1");

    assertThat(f.poll(-5_000_000_000L)).as("System.nanoTime() may be negative").isNotNull();
  }

  @Test
  void aHostWaitsItsDelayWhenTheClockPassesLongMaxValueMeanwhile() {
    long now = Long.MAX_VALUE - DELAY / 2;
    Frontier f = queued(8, DELAY, "/1", "/2", "/3");

    f.poll(now);

    assertThat(f.poll(now + DELAY - 1)).as("its time wrapped past Long.MAX_VALUE").isNull();
    assertThat(f.nextWake(now)).hasValue(now + DELAY);
    assertThat(f.poll(now + DELAY)).isNotNull();
  }

  @Test
  void aFetchEndingOrABackoffPastLongMaxValueStillHoldsTheHostBack() {
    long now = Long.MAX_VALUE - DELAY / 2;
    Frontier f = queued(8, DELAY, "/1", "/2", "/3");
    f.poll(now - DELAY);

    f.done(HOST, now);
    assertThat(f.poll(now + DELAY - 1)).as("a delay past the fetch's end").isNull();
    f.backoff(HOST, now + 10 * DELAY, 503, false);
    assertThat(f.poll(now + 10 * DELAY - 1)).as("a back-off past the fetch's end").isNull();
    assertThat(f.book(HOST, now)).as("a sitemap waits too").isEqualTo(now + 10 * DELAY);
  }

  @Test
  void aUrlQueuedAgainGoesBeforeTheHostsNewOnesSoAPageFinishesItsTriesFirst() {
    Frontier f = queued(8, 0, "/1", "/2", "/3");
    Frontier.Next first = f.poll(0);
    f.done(HOST, 0);

    f.requeue(first.url(), first.depth()); // its retry

    assertThat(f.poll(0).url()).isEqualTo("http://a.example/1");
    assertThat(f.poll(0).url()).isEqualTo("http://a.example/2");
    assertThat(f.queued()).isEqualTo(1);
  }

  @Test
  void aHostGivenUpOnDropsItsRetriesWithItsNewUrls() {
    Frontier f = queued(8, 0, "/1", "/2", "/3");
    Frontier.Next first = f.poll(0);
    f.done(HOST, 0);
    f.requeue(first.url(), first.depth());

    assertThat(f.abandon(HOST)).isEqualTo(3);
    assertThat(f.poll(0)).isNull();
    assertThat(f.queued()).isZero();
  }

  @Test
  void aFetchThatOutlastsTheDelayPushesTheNextOneADelayPastItsEnd() {
    Frontier f = queued(8, DELAY, "/1", "/2");
    f.poll(0);

    f.done(HOST, 5 * DELAY);

    assertThat(f.poll(6 * DELAY - 1)).isNull();
    assertThat(f.nextWake(5 * DELAY)).hasValue(6 * DELAY);
    assertThat(f.poll(6 * DELAY)).isNotNull();
  }

  @Test
  void aBackoffOrderedDuringAFetchOutlastsTheFetchsEnd() {
    Frontier f = queued(8, DELAY, "/1", "/2");
    f.poll(0);

    f.backoff(HOST, 10 * DELAY, 429, true); // the answer was a 429
    f.done(HOST, 0);

    assertThat(f.poll(10 * DELAY - 1)).isNull();
    assertThat(f.poll(10 * DELAY)).isNotNull();
  }

  @Test
  void aSkippedUrlGivesBackItsTurnSoTheHostsNextUrlNeedNotWait() {
    Frontier f = queued(1, DELAY, "/disallowed", "/allowed");
    assertThat(f.poll(0).url()).isEqualTo("http://a.example/disallowed");

    f.skip(HOST);

    assertThat(f.inFlight()).isZero();
    assertThat(f.poll(0).url()).isEqualTo("http://a.example/allowed");
  }

  @Test
  void aHostTakesNoMoreThanItsShareOfParallelFetches() {
    Frontier f = queued(2, 0, "/0", "/1", "/2");

    assertThat(f.poll(0)).isNotNull();
    assertThat(f.poll(0)).isNotNull();
    assertThat(f.poll(0)).as("a third at once").isNull();
    assertThat(f.nextWake(0)).as("it waits on a fetch, not on time").isEmpty();
    f.done(HOST, 0);
    assertThat(f.poll(0)).isNotNull();
  }

  @Test
  void aHostAtItsShareWaitsOnAFetchNotOnItsDelay() {
    Frontier f = queued(1, DELAY, "/1", "/2");
    f.poll(0);

    assertThat(f.nextWake(DELAY / 2)).isEmpty();
    assertThat(f.poll(2 * DELAY)).as("still fetching the first").isNull();
    f.done(HOST, 2 * DELAY);
    assertThat(f.nextWake(2 * DELAY)).hasValue(3 * DELAY);
  }

  @Test
  void theCrawlTakesNoMoreThanItsParallelFetchesOverAllHosts() {
    Frontier f = new Frontier(2, 8, 0);
    f.offer("http://a.example/", 0);
    f.offer("http://b.example/", 0);
    f.offer("http://c.example/", 0);

    assertThat(f.poll(0)).isNotNull();
    assertThat(f.poll(0)).isNotNull();
    assertThat(f.poll(0)).isNull();
    assertThat(f.inFlight()).isEqualTo(2);
    f.done(HOST, 0);
    assertThat(f.poll(0).url()).isEqualTo("http://c.example/");
  }

  @Test
  void hostsTakeTurnsSoOneBigSiteDoesNotStarveTheOthers() {
    Frontier f = new Frontier(100, 100, 0);
    for (int i = 0; i < 3; i++) {
      f.offer("http://big.example/" + i, 0);
    }
    f.offer("http://small.example/", 0);

    List<String> order = new ArrayList<>();
    for (Frontier.Next next = f.poll(0); next != null; next = f.poll(0)) {
      order.add(next.url());
    }

    assertThat(order).containsExactly(
        "http://big.example/0", "http://small.example/", "http://big.example/1", "http://big.example/2");
    assertThat(f.queued()).isZero();
  }

  @Test
  void aBackoffHoldsTheHostUntilThenAndNeverShortensAWait() {
    Frontier f = queued(8, DELAY, "/1", "/2", "/3");
    f.poll(0);
    f.done(HOST, 0);

    f.backoff(HOST, 10 * DELAY, 429, true);
    f.backoff(HOST, 2 * DELAY, 503, true); // an earlier 503 answered late

    assertThat(f.poll(10 * DELAY - 1)).isNull();
    assertThat(f.nextWake(0)).hasValue(10 * DELAY);
    assertThat(f.poll(10 * DELAY)).isNotNull();
    f.backoff("http://unknown.example", 20 * DELAY, 503, false); // no such host: nothing to hold
    f.offer("http://unknown.example/", 0);
    assertThat(f.poll(10 * DELAY).url()).isEqualTo("http://unknown.example/");
  }

  @Test
  void theHostHeldBackTheLongestIsToldWithItsAnswerWhileItHasUrlsWaiting() {
    Frontier f = queued(8, 0, "/1");
    f.offer("http://b.example/1", 0);
    f.offer("http://c.example/1", 0);
    assertThat(f.longestBackoff(0)).as("a delay between fetches is no back-off").isNull();

    f.backoff(HOST, 10 * DELAY, 503, true);
    f.backoff("http://b.example", 30 * DELAY, 429, false);
    f.backoff("http://b.example", 20 * DELAY, 503, true); // an earlier answer, come late

    assertThat(f.longestBackoff(0)).isEqualTo(new Frontier.BackedOff("http://b.example", 30 * DELAY, 429, false, 2));
    assertThat(f.longestBackoff(15 * DELAY)).as("a.example's wait is over")
        .isEqualTo(new Frontier.BackedOff("http://b.example", 30 * DELAY, 429, false, 1));
    f.abandon("http://b.example");
    assertThat(f.longestBackoff(15 * DELAY)).as("a host given up on holds nothing back").isNull();
  }

  @Test
  void aHostHeldBackWithNothingQueuedHoldsNothingBack() {
    Frontier f = queued(8, 0, "/1");
    f.poll(0);
    f.backoff(HOST, 10 * DELAY, 503, true); // its last URL's last try: recorded, not queued again
    f.done(HOST, 0);

    assertThat(f.longestBackoff(0)).isNull();
  }

  @Test
  void aHeldHostGivesNothingAndWakesNobodyUntilReleased() {
    Frontier f = queued(8, DELAY, "/");
    f.hold(HOST, true);

    assertThat(f.poll(0)).isNull();
    assertThat(f.nextWake(0)).isEmpty();

    f.hold(HOST, false);
    assertThat(f.poll(0).url()).isEqualTo("http://a.example/");
  }

  @Test
  void theEarliestWakeIsTheSoonestOfTheWaitingHosts() {
    Frontier f = new Frontier(8, 8, DELAY);
    f.delay("http://slow.example", 5 * DELAY);
    for (String host : List.of("http://slow.example", "http://fast.example")) {
      f.offer(host + "/1", 0);
      f.offer(host + "/2", 0);
    }
    f.poll(0);
    f.poll(0);

    assertThat(f.nextWake(0)).hasValue(DELAY);
    f.poll(DELAY);
    assertThat(f.nextWake(DELAY)).hasValue(5 * DELAY);
    assertThat(f.nextWake(5 * DELAY)).as("ready now, so not waiting on time").isEmpty();
  }

  @Test
  void aCrawlDelayAppliesToItsHostAloneAndOthersKeepTheCrawlsDelay() {
    Frontier f = new Frontier(8, 8, DELAY);
    f.delay("http://a.example", 7 * DELAY);

    assertThat(f.delayNanos("http://a.example")).isEqualTo(7 * DELAY);
    assertThat(f.delayNanos("http://b.example")).isEqualTo(DELAY);
  }

  @Test
  void aUrlIsQueuedOnceEvenIfFoundAgainOrFetchedInAnEarlierRun() {
    Frontier f = new Frontier(8, 8, 0);
    f.markSeen("http://a.example/old");

    assertThat(f.queued()).as("seen is not queued").isZero();
    assertThat(f.offer("http://a.example/old", 1)).isFalse();
    assertThat(f.offer("http://a.example/new", 1)).isTrue();
    assertThat(f.offer("http://a.example/new", 2)).isFalse();
    assertThat(f.known()).isEqualTo(2);
    assertThat(f.queued()).isEqualTo(1);
    Frontier.Next next = f.poll(0);
    assertThat(next).isEqualTo(new Frontier.Next("http://a.example/new", "http://a.example", 1));
  }

  @Test
  void thousandsOfUrlsAreEachRememberedAndHandedOutOnceInOrder() {
    Frontier f = new Frontier(1, 1, 0);
    int count = 5_000;
    for (int i = 0; i < count; i++) {
      // Depths past 127 and paths past the first buffer test the packing; é its UTF-8.
      assertThat(f.offer("http://a.example/é/" + "x".repeat(i % 300) + "/" + i, i)).isTrue();
    }
    for (int i = 0; i < count; i++) {
      assertThat(f.offer("http://a.example/é/" + "x".repeat(i % 300) + "/" + i, 0)).isFalse();
    }

    for (int i = 0; i < count; i++) {
      Frontier.Next next = f.poll(0);
      assertThat(next.url()).isEqualTo("http://a.example/é/" + "x".repeat(i % 300) + "/" + i);
      assertThat(next.depth()).isEqualTo(i);
      f.done(next.origin(), 0);
    }
    assertThat(f.poll(0)).isNull();
    assertThat(f.known()).isEqualTo(count);
  }

  @Test
  void aHostsUrlsKeepTheirOrderWhileItIsDrainedAndFilledAtOnce() {
    Frontier f = new Frontier(1, 1, 0);
    List<String> offered = new ArrayList<>();
    List<String> handedOut = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      // A few waiting at a time, as on a crawl in full swing, and now and then a URL far longer
      // than all of them together (tracking parameters).
      String url = "http://a.example/" + "p".repeat(i % 97 == 50 ? 2_000 : i % 50) + i;
      f.offer(url, i);
      offered.add(i + " " + url);
      if (i >= 3) {
        take(f, handedOut);
      }
    }
    while (f.queued() > 0) {
      take(f, handedOut);
    }

    assertThat(handedOut).isEqualTo(offered);
  }

  @Test
  void aUrlLongerThanEverythingQueuedBeforeItIsQueuedWhole() {
    Frontier f = new Frontier(1, 1, 0);
    f.offer("http://a.example/", 0);
    f.offer("http://a.example/a", 1);
    assertThat(f.poll(0).url()).isEqualTo("http://a.example/");
    f.done(HOST, 0);
    String longer = "http://a.example/?utm=" + "x".repeat(400);
    String longest = "http://a.example/?utm=" + "x".repeat(5_000);

    f.offer(longer, 1);
    f.offer(longest, 1);

    List<String> handedOut = new ArrayList<>();
    take(f, handedOut);
    take(f, handedOut);
    take(f, handedOut);
    assertThat(handedOut).containsExactly("1 http://a.example/a", "1 " + longer, "1 " + longest);
  }

  /** A frontier of 8 parallel fetches with these paths of HOST queued. */
  private static Frontier queued(int perHost, long delay, String... paths) {
    Frontier f = new Frontier(8, perHost, delay);
    for (String path : paths) {
      f.offer(HOST + path, 0);
    }
    return f;
  }

  private static void take(Frontier f, List<String> handedOut) {
    Frontier.Next next = f.poll(0);
    handedOut.add(next.depth() + " " + next.url());
    f.done(next.origin(), 0);
  }

  @Test
  void theOriginOfAUrlKeepsOnlyAPortThatIsNotTheSchemesDefault() {
    assertThat(Frontier.originOf("http://a.example/x")).isEqualTo("http://a.example");
    assertThat(Frontier.originOf("https://a.example/x")).isEqualTo("https://a.example");
    assertThat(Frontier.originOf("http://a.example:8080/x")).isEqualTo("http://a.example:8080");
    assertThat(Frontier.originOf("https://a.example:80/x")).isEqualTo("https://a.example:80");
    assertThat(Frontier.originOf("http://a.example:443/x")).isEqualTo("http://a.example:443");
    assertThatThrownBy(() -> Frontier.originOf("http://A.example/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a normalized URL");
  }
}
