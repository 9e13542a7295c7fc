package dev.sitepulse.crawler.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.LoggedLines;
import dev.sitepulse.pinger.FetchResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ids phase's holds, on a clock the test moves: counted as the crawl counts them. */
class HostHoldsTest {

  private static final String ORIGIN = "http://busy.test";

  private final AtomicLong now = new AtomicLong(1_000);
  private final HostHolds holds = new HostHolds(Duration.ofSeconds(90), HostHolds.Asking.IDS, now::get);

  private static FetchResult tooManyRequests(long retryAfterSeconds) {
    return new FetchResult(ORIGIN + "/page.html", 429, null, null, new byte[0], false,
        Duration.ofSeconds(retryAfterSeconds), null, null, null, false, "429 Too Many Requests");
  }

  private LoggedLines log;

  @BeforeEach
  void listen() {
    log = LoggedLines.of(HostHolds.class);
  }

  @AfterEach
  void stopListening() {
    log.close();
  }

  private List<String> warnings() {
    return log.all();
  }

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void twoWaitsThatOverlapCountOnceAgainstMaxBackoff() {
    assertThat(holds.hold(ORIGIN, tooManyRequests(60), 1)).isEqualTo(Duration.ofSeconds(60));
    advance(Duration.ofSeconds(1)); // a second page, in flight at once (--per-host 2), answers 429 too

    assertThat(holds.hold(ORIGIN, tooManyRequests(60), 1)).as("61 s held in all, not 120")
        .isEqualTo(Duration.ofSeconds(60));
    assertThat(holds.givenUp(ORIGIN)).isFalse();
  }

  @Test
  void waitsOneAfterTheOtherAddUpAndGiveTheHostUpPastMaxBackoff() {
    holds.hold(ORIGIN, tooManyRequests(60), 1);
    advance(Duration.ofSeconds(61));

    assertThat(holds.hold(ORIGIN, tooManyRequests(60), 2)).isEqualTo(Duration.ZERO);
    assertThat(holds.givenUp(ORIGIN)).isTrue();
    assertThat(holds.givenUp("http://calm.test")).isFalse();
  }

  @Test
  void aHostHeldBackAndThenGivenUpOnIsSaidOnceForEach() {
    holds.hold(ORIGIN, tooManyRequests(30), 1);
    advance(Duration.ofSeconds(31));
    holds.hold(ORIGIN, tooManyRequests(30), 2);
    advance(Duration.ofSeconds(31));
    holds.hold(ORIGIN, tooManyRequests(60), 3);
    holds.hold(ORIGIN, tooManyRequests(60), 1); // a page in flight as it was given up on

    assertThat(warnings()).containsExactly(
        ORIGIN + ": it answered 429 to a page read for its ids; its pages wait 30s and are asked again, within"
            + " --max-backoff 1m30s",
        ORIGIN + ": its 429 answers would hold the link check back more than --max-backoff 1m30s in all; its"
            + " pages are not read for their ids");
  }

  @Test
  void aHostWhoseTargetsAreCheckedOnlineIsSaidInTheChecksWords() {
    HostHolds checks = new HostHolds(Duration.ofSeconds(90), HostHolds.Asking.CHECKS, now::get);
    checks.hold(ORIGIN, 503, Duration.ofSeconds(60), 1);
    advance(Duration.ofSeconds(61));
    checks.hold(ORIGIN, 503, Duration.ofSeconds(60), 2);

    assertThat(warnings()).containsExactly(
        ORIGIN + ": it answered 503 to a target checked online; its targets wait 1m and that one is asked again,"
            + " within --max-backoff 1m30s",
        ORIGIN + ": its 503 answers would hold the link check back more than --max-backoff 1m30s in all; each of"
            + " its targets not checked yet is judged by its first answer");
  }
}
