package dev.sitepulse.crawler.politeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostHoldTest {

  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  @Test
  void waitsThatOverlapCountOnceAndTheOneThatWouldPassTheAllowanceGivesTheHostUp() {
    HostHold hold = new HostHold(10 * SECOND);
    long now = 1_000 * SECOND;

    assertThat(hold.holdUntil(now, now + 6 * SECOND)).isTrue();
    assertThat(hold.holdUntil(now + SECOND, now + 8 * SECOND)).as("2 s past the first: 8 s in all").isTrue();
    assertThat(hold.holdUntil(now + 8 * SECOND, now + 11 * SECOND)).as("3 s more would be 11").isFalse();
    assertThat(hold.givenUp()).isTrue();
  }

  @Test
  void waitsAcrossTheClocksWrapCountAsLongAsTheyAre() {
    // System.nanoTime() may be any long, and a wait begun just below Long.MAX_VALUE ends past it:
    // compared by Math.max, the second wait counted as nothing, or as the whole range.
    HostHold hold = new HostHold(10 * SECOND);
    long now = Long.MAX_VALUE - SECOND;

    assertThat(hold.holdUntil(now, now + 4 * SECOND)).isTrue();
    // Half a second on, the clock has not wrapped yet, but the first wait's end has.
    assertThat(hold.holdUntil(now + SECOND / 2, now + 7 * SECOND)).as("3 s past the first: 7 s in all").isTrue();
    assertThat(hold.holdUntil(now + 7 * SECOND, now + 10 * SECOND)).as("3 s more: 10 s, all allowed").isTrue();
    assertThat(hold.givenUp()).isFalse();
  }
}
