package dev.sitepulse.crawler.politeness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.CrawlPurpose;
import dev.sitepulse.crawler.frontier.Frontier;
import dev.sitepulse.crawler.politeness.FetchRetries.BackOff;
import dev.sitepulse.crawler.politeness.FetchRetries.GiveUp;
import dev.sitepulse.crawler.politeness.FetchRetries.Page;
import dev.sitepulse.crawler.politeness.FetchRetries.Retry;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.Phases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FetchRetriesTest {

  private static final String HOST = "http://docs.example";
  private static final long NOW = 1_000_000_000_000L; // System.nanoTime() is any long; the policy only adds to it
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final FetchRetries search = new FetchRetries(CrawlPurpose.SEARCH, FIVE_MINUTES);

  @Test
  void anAnswerThatIsNeither429Nor503IsHandledAsThePage() {
    for (int status : new int[] {200, 301, 304, 404, 500, 502}) {
      assertThat(search.decide(page("/a"), answer(status, null), NOW)).as("status %d", status)
          .isInstanceOf(Page.class);
    }
  }

  @Test
  void aTransientNetworkFailureIsRetriedAfterOneSecondThenTwoThenRecorded() {
    assertThat(search.decide(page("/a"), failure(ErrorKind.RESET), NOW)).isEqualTo(new Retry(Duration.ofSeconds(1)));
    assertThat(search.decide(page("/a"), failure(ErrorKind.RESET), NOW)).isEqualTo(new Retry(Duration.ofSeconds(2)));
    assertThat(search.decide(page("/a"), failure(ErrorKind.RESET), NOW)).isEqualTo(new GiveUp(false));
    assertThat(search.decide(page("/a"), failure(ErrorKind.RESET), NOW)).isEqualTo(new GiveUp(false));
  }

  @Test
  void aUrlAnsweredAfterItsRetriesLeavesNoCountBehind() {
    search.decide(page("/a"), failure(ErrorKind.RESET), NOW);
    search.decide(page("/a"), answer(503, null), NOW);
    search.decide(page("/a"), answer(200, null), NOW);

    assertThat(search.urlsWithTriesCounted()).isZero();
  }

  @Test
  void aTimeoutWithoutAnErrorKindIsRetriedLikeATransientFailure() {
    FetchResult timeout = new FetchResult(HOST + "/a", 0, null, null, new byte[0], false, null, null,
        Phases.NONE, null, true, "timed out");

    assertThat(search.decide(page("/a"), timeout, NOW)).isEqualTo(new Retry(Duration.ofSeconds(1)));
  }

  @Test
  void aFailureThatRetryingCannotChangeIsRecordedAtOnce() {
    assertThat(search.decide(page("/a"), failure(ErrorKind.INVALID_URL), NOW)).isEqualTo(new GiveUp(false));
    assertThat(search.decide(page("/b"), failure(ErrorKind.TOO_MANY_REDIRECTS), NOW)).isEqualTo(new GiveUp(false));
  }

  @Test
  void eachUrlHasItsOwnRetries() {
    search.decide(page("/a"), failure(ErrorKind.RESET), NOW);
    search.decide(page("/a"), failure(ErrorKind.RESET), NOW);

    assertThat(search.decide(page("/b"), failure(ErrorKind.RESET), NOW)).isEqualTo(new Retry(Duration.ofSeconds(1)));
  }

  @Test
  void a429WithoutRetryAfterHoldsTheHostTwoFourEightSecondsAndRequeuesTheUrlFiveTimes() {
    for (int tries = 1; tries <= FetchRetries.MAX_BACKOFF_RETRIES; tries++) {
      assertThat(search.decide(page("/a"), answer(429, null), NOW)).as("try %d", tries)
          .isEqualTo(new BackOff(NOW + Duration.ofSeconds(1L << tries).toNanos(), true));
    }
    // The sixth wait would be 64 s: capped at a minute, and the 429 is recorded instead of requeued.
    assertThat(search.decide(page("/a"), answer(429, null), NOW))
        .isEqualTo(new BackOff(NOW + FetchRetries.MAX_BACKOFF.toNanos(), false));
  }

  @Test
  void a503IsBackedOffLikeA429() {
    assertThat(search.decide(page("/a"), answer(503, null), NOW))
        .isEqualTo(new BackOff(NOW + Duration.ofSeconds(2).toNanos(), true));
  }

  @Test
  void theHostWaitsAsLongAsRetryAfterAsksWithinMaxBackoff() {
    assertThat(search.decide(page("/a"), answer(429, Duration.ofSeconds(3)), NOW))
        .isEqualTo(new BackOff(NOW + Duration.ofSeconds(3).toNanos(), true));
    assertThat(search.decide(page("/b"), answer(503, Duration.ofMinutes(4)), NOW + nanos(3)))
        .isEqualTo(new BackOff(NOW + nanos(3) + Duration.ofMinutes(4).toNanos(), true));
  }

  @Test
  void aRetryAfterLongerThanMaxBackoffGivesUpOnTheHostAtOnceInsteadOfAskingAgainEveryMinute() {
    // Retry-After: 3600 was cut to a minute: the crawl asked again five times, a minute apart,
    // and ended after --max-backoff's five minutes.
    assertThat(search.decide(page("/a"), answer(503, Duration.ofHours(1)), NOW))
        .isEqualTo(new BackOff(NOW + Duration.ofHours(1).toNanos(), false, true));
  }

  @Test
  void aRetryAfterInTheYear9999IsCappedBeforeItOverflowsNanoseconds() {
    Duration farAway = Duration.between(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"));

    assertThat(search.decide(page("/a"), answer(429, farAway), NOW))
        .isEqualTo(new BackOff(NOW + FetchRetries.LONGEST_WAIT.toNanos(), false, true));
  }

  @Test
  void aUrlThatWasBackedOffStillGetsBothNetworkRetriesAndItsBackOffsCountOnApart() {
    search.decide(page("/a"), answer(503, null), NOW);

    assertThat(search.decide(page("/a"), failure(ErrorKind.RESET), NOW)).isEqualTo(new Retry(Duration.ofSeconds(1)));
    assertThat(search.decide(page("/a"), failure(ErrorKind.RESET), NOW)).isEqualTo(new Retry(Duration.ofSeconds(2)));
    assertThat(search.decide(page("/a"), answer(429, null), NOW))
        .as("the second back-off of /a").isEqualTo(new BackOff(NOW + Duration.ofSeconds(4).toNanos(), true));
    assertThat(search.decide(page("/a"), failure(ErrorKind.RESET), NOW)).isEqualTo(new GiveUp(false));
  }

  @Test
  void aHostIsGivenUpOnOnceItsBackOffsWouldHoldItPastMaxBackoffInAll() {
    FetchRetries capped = new FetchRetries(CrawlPurpose.SEARCH, Duration.ofMinutes(2));

    // Retry-After: 60 on every page of the host: two minutes of waiting fit, a third does not.
    assertThat(capped.decide(page("/a"), answer(429, MINUTE), NOW)).isEqualTo(new BackOff(NOW + nanos(60), true));
    assertThat(capped.decide(page("/b"), answer(429, MINUTE), NOW + nanos(60)))
        .isEqualTo(new BackOff(NOW + nanos(120), true));
    assertThat(capped.decide(page("/c"), answer(503, MINUTE), NOW + nanos(121)))
        .as("recorded with its status, and the host's other URLs left for a later run")
        .isEqualTo(new BackOff(NOW + nanos(181), false, true));
  }

  @Test
  void aFetchUnderWayAsItsHostIsGivenUpOnIsLeftForLaterWhenItGetsA429Too() {
    FetchRetries impatient = new FetchRetries(CrawlPurpose.SEARCH, Duration.ZERO);
    impatient.decide(page("/a"), answer(429, MINUTE), NOW);

    assertThat(impatient.decide(page("/b"), answer(429, MINUTE), NOW + nanos(1)))
        .as("left queued with the host's other URLs, the host not given up on a second time")
        .isEqualTo(new FetchRetries.LeftForLater());
  }

  @Test
  void backOffsThatOverlapHoldTheHostOnceNotTwice() {
    FetchRetries capped = new FetchRetries(CrawlPurpose.SEARCH, Duration.ofMinutes(2));

    // Two fetches under way at once both get a 429: the host waits one minute, not two.
    capped.decide(page("/a"), answer(429, MINUTE), NOW);
    capped.decide(page("/b"), answer(429, MINUTE), NOW + nanos(1));

    assertThat(capped.decide(page("/c"), answer(429, Duration.ofSeconds(50)), NOW + nanos(61)))
        .isEqualTo(new BackOff(NOW + nanos(111), true));
  }

  @Test
  void eachHostHasItsOwnBackOffAllowanceAndALinkCheckToo() {
    FetchRetries capped = new FetchRetries(CrawlPurpose.LINK_CHECK, MINUTE);
    capped.decide(page("/a"), answer(429, MINUTE), NOW);

    assertThat(capped.decide(new Frontier.Next("http://other.example/a", "http://other.example", 1),
        answer(429, MINUTE), NOW)).isEqualTo(new BackOff(NOW + nanos(60), true));
    assertThat(capped.decide(page("/b"), answer(429, null), NOW + nanos(60)))
        .as("a link check must end too").isEqualTo(new BackOff(NOW + nanos(62), false, true));
  }

  @Test
  void aMaxBackoffOfZeroGivesUpOnAHostAtItsFirst429() {
    FetchRetries impatient = new FetchRetries(CrawlPurpose.SEARCH, Duration.ZERO);

    assertThat(impatient.decide(page("/a"), answer(429, null), NOW)).isEqualTo(new BackOff(NOW + nanos(2), false, true));
  }

  private static long nanos(long seconds) {
    return Duration.ofSeconds(seconds).toNanos();
  }

  @Test
  void aSearchGivesUpOnAHostWhenFivePagesInARowCouldNotReachIt() {
    for (int p = 1; p < FetchRetries.UNREACHABLE_PAGES_IN_A_ROW; p++) {
      assertThat(unreachablePage(search, "/p" + p)).as("page %d", p).isEqualTo(new GiveUp(false));
    }

    assertThat(unreachablePage(search, "/p5")).isEqualTo(new GiveUp(true));
    assertThat(unreachablePage(search, "/p6")).as("once is enough").isEqualTo(new GiveUp(false));
  }

  @Test
  void aSearchGivesUpOnAHostThatTakesConnectionsButAnswersNothing() {
    // A hung server: each page would otherwise cost three timeouts, a whole site hours.
    FetchResult unanswered = timeout(0);
    for (int p = 1; p <= FetchRetries.UNREACHABLE_PAGES_IN_A_ROW; p++) {
      FetchRetries.Decision decision;
      do {
        decision = search.decide(page("/p" + p), unanswered, NOW);
      } while (decision instanceof Retry);
      assertThat(decision).as("page %d", p).isEqualTo(new GiveUp(p == FetchRetries.UNREACHABLE_PAGES_IN_A_ROW));
    }
  }

  @Test
  void aBodyThatStalledIsAnAnswerAndStartsTheCountAgain() {
    for (int p = 1; p < FetchRetries.UNREACHABLE_PAGES_IN_A_ROW; p++) {
      unreachablePage(search, "/p" + p);
    }

    search.decide(page("/slow"), timeout(5_000_000), NOW);

    assertThat(unreachablePage(search, "/p5")).isEqualTo(new GiveUp(false));
  }

  @Test
  void aPageCountsAsUnreachableOnlyOnceItsRetriesAreSpent() {
    for (int p = 1; p < FetchRetries.UNREACHABLE_PAGES_IN_A_ROW; p++) {
      unreachablePage(search, "/p" + p);
    }

    assertThat(search.decide(page("/p5"), failure(ErrorKind.CONNECT_REFUSED), NOW)).isInstanceOf(Retry.class);
    assertThat(search.decide(page("/p5"), failure(ErrorKind.DNS), NOW)).isInstanceOf(Retry.class);
    assertThat(search.decide(page("/p5"), failure(ErrorKind.CONNECT_TIMEOUT), NOW)).isEqualTo(new GiveUp(true));
  }

  @Test
  void anyAnswerFromTheHostStartsTheCountAgain() {
    for (FetchResult answer : new FetchResult[] {answer(500, null), answer(429, null), failure(ErrorKind.RESET)}) {
      FetchRetries retries = new FetchRetries(CrawlPurpose.SEARCH, FIVE_MINUTES);
      for (int p = 1; p < FetchRetries.UNREACHABLE_PAGES_IN_A_ROW; p++) {
        unreachablePage(retries, "/p" + p);
      }

      retries.decide(page("/answered"), answer, NOW);

      assertThat(unreachablePage(retries, "/p5")).as("after %s", answer.message()).isEqualTo(new GiveUp(false));
    }
  }

  @Test
  void eachHostCountsItsOwnUnreachablePages() {
    for (int p = 1; p < FetchRetries.UNREACHABLE_PAGES_IN_A_ROW; p++) {
      unreachablePage(search, "/p" + p);
    }

    assertThat(unreachablePage(search, new Frontier.Next("http://other.example/p5", "http://other.example", 1)))
        .isEqualTo(new GiveUp(false));
  }

  @Test
  void aLinkCheckNeverGivesUpOnAHostSinceEachLinkToItIsBroken() {
    FetchRetries linkCheck = new FetchRetries(CrawlPurpose.LINK_CHECK, FIVE_MINUTES);

    for (int p = 1; p <= 2 * FetchRetries.UNREACHABLE_PAGES_IN_A_ROW; p++) {
      assertThat(unreachablePage(linkCheck, "/p" + p)).as("page %d", p).isEqualTo(new GiveUp(false));
    }
  }

  /** A page of HOST whose fetch and both retries found nothing listening. */
  private static FetchRetries.Decision unreachablePage(FetchRetries retries, String path) {
    return unreachablePage(retries, page(path));
  }

  private static FetchRetries.Decision unreachablePage(FetchRetries retries, Frontier.Next next) {
    FetchRetries.Decision decision;
    do {
      decision = retries.decide(next, failure(ErrorKind.CONNECT_REFUSED), NOW);
    } while (decision instanceof Retry);
    return decision;
  }

  private static Frontier.Next page(String path) {
    return new Frontier.Next(HOST + path, HOST, 1);
  }

  private static FetchResult answer(int status, Duration retryAfter) {
    return new FetchResult(HOST + "/a", status, "text/html", null, new byte[0], false, retryAfter, null,
        Phases.NONE, null, false, "HTTP " + status);
  }

  /** A timeout after {@code transferNanos} of the response had come: 0 for none at all. */
  private static FetchResult timeout(long transferNanos) {
    return new FetchResult(HOST + "/a", 0, null, null, new byte[0], false, null, null,
        new Phases(0, 1_000_000, 0, 0, transferNanos, 30_000_000_000L), null, true, "no response after 30s");
  }

  private static FetchResult failure(ErrorKind kind) {
    return new FetchResult(HOST + "/a", 0, null, null, new byte[0], false, null, null, Phases.NONE, kind,
        false, kind.name());
  }
}
