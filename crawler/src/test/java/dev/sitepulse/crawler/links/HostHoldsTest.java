package dev.sitepulse.crawler.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.FetchResult;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The ids phase's holds, on a clock the test moves: counted as the crawl counts them. */
class HostHoldsTest {

  private static final String ORIGIN = "http://busy.test";

  private final AtomicLong now = new AtomicLong(1_000);
  private final HostHolds holds = new HostHolds(Duration.ofSeconds(90), now::get);

  private static FetchResult tooManyRequests(long retryAfterSeconds) {
    return new FetchResult(ORIGIN + "/page.html", 429, null, null, new byte[0], false,
        Duration.ofSeconds(retryAfterSeconds), null, null, null, false, "429 Too Many Requests");
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
}
