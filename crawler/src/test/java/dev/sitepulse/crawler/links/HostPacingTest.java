package dev.sitepulse.crawler.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The pacing of one host's requests, on a clock and a timer the test moves: nothing waits in real time. */
class HostPacingTest {

  private static final String ORIGIN = "http://example.test";

  private ManualTimer timer = new ManualTimer();
  /** When each request started, by the test's clock. */
  private final List<Duration> starts = new ArrayList<>();

  private HostPacing pacing(Duration delay, int perHost) {
    return new HostPacing(o -> delay, perHost, timer::nanoTime, timer);
  }

  /** A request that notes when it starts and ends with {@code answer}. */
  private Supplier<CompletableFuture<String>> request(CompletableFuture<String> answer) {
    return () -> {
      starts.add(timer.elapsed());
      return answer;
    };
  }

  @Test
  void requestsNoLongerWantedEndAtOnceWithoutTakingTurnsOrStarting() {
    AtomicBoolean givenUp = new AtomicBoolean();
    AtomicInteger started = new AtomicInteger();
    CompletableFuture<String> first = new CompletableFuture<>();
    try (HostPacing pacing = pacing(Duration.ofHours(1), 1)) {
      CompletableFuture<String> asked = pacing.submit(ORIGIN, () -> first, s -> Duration.ZERO, givenUp::get, "not asked");
      CompletableFuture<String> second = pacing.submit(ORIGIN, () -> {
        started.incrementAndGet();
        return CompletableFuture.completedFuture("asked");
      }, s -> Duration.ZERO, givenUp::get, "not asked");
      CompletableFuture<String> third = pacing.submit(ORIGIN, () -> {
        started.incrementAndGet();
        return CompletableFuture.completedFuture("asked");
      }, s -> Duration.ZERO, givenUp::get, "not asked");

      givenUp.set(true);
      first.complete("429");

      assertThat(asked).isCompletedWithValue("429");
      assertThat(second).as("not an hour later").isCompletedWithValue("not asked");
      assertThat(third).isCompletedWithValue("not asked");
      assertThat(started).hasValue(0);
    }
  }

  @Test
  void theNextRequestToAHostStartsOneDelayAfterTheOneBeforeItEnded() {
    CompletableFuture<String> first = new CompletableFuture<>();
    try (HostPacing pacing = pacing(Duration.ofSeconds(10), 1)) {
      pacing.submit(ORIGIN, request(first));
      CompletableFuture<String> second = pacing.submit(ORIGIN, request(CompletableFuture.completedFuture("200")));
      timer.advance(Duration.ofSeconds(3));
      first.complete("200");

      timer.advance(Duration.ofMinutes(1));

      assertThat(second).isCompletedWithValue("200");
      assertThat(starts).containsExactly(Duration.ZERO, Duration.ofSeconds(13));
    }
  }

  @Test
  void withRoomForTwoInFlightTheSecondRequestStillStartsOneDelayAfterTheFirstStarted() {
    try (HostPacing pacing = pacing(Duration.ofSeconds(10), 2)) {
      pacing.submit(ORIGIN, request(new CompletableFuture<>()));
      pacing.submit(ORIGIN, request(new CompletableFuture<>()));

      timer.advance(Duration.ofMinutes(1));

      assertThat(starts).containsExactly(Duration.ZERO, Duration.ofSeconds(10));
    }
  }

  @Test
  void aRetryAfterLongerThanTheDelayHoldsTheHostThatLongAfterItsAnswer() {
    assertThat(startsAroundA429Holding30s()).containsExactly(Duration.ZERO, Duration.ofSeconds(32));
  }

  @Test
  void aHoldThatEndsPastTheClocksWrapStillHoldsTheHost() {
    // The later of the host's next start and the hold's end was taken with Math.max: a hold ending
    // past Long.MAX_VALUE is negative, so the next request started at once, not 30 s later.
    timer = new ManualTimer(Long.MAX_VALUE - Duration.ofSeconds(5).toNanos());

    assertThat(startsAroundA429Holding30s()).containsExactly(Duration.ZERO, Duration.ofSeconds(32));
  }

  /**
   * When two requests to a host start, 1 s apart at the least, the first answered 429 after 2 s
   * and holding the host 30 s after its answer.
   */
  private List<Duration> startsAroundA429Holding30s() {
    CompletableFuture<String> first = new CompletableFuture<>();
    try (HostPacing pacing = pacing(Duration.ofSeconds(1), 1)) {
      pacing.submit(ORIGIN, request(first), s -> s.equals("429") ? Duration.ofSeconds(30) : Duration.ZERO);
      pacing.submit(ORIGIN, request(CompletableFuture.completedFuture("200")));
      timer.advance(Duration.ofSeconds(2));
      first.complete("429");

      timer.advance(Duration.ofMinutes(1));
    }
    return starts;
  }
}
