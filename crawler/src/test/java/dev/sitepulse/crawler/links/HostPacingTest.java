package dev.sitepulse.crawler.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The pacing of one host's requests, with a delay of an hour: a request that waits for its turn
 * is still waiting when the test looks, so nothing here depends on how fast the machine is.
 */
class HostPacingTest {

  private static final String ORIGIN = "http://example.test";

  @Test
  void requestsNoLongerWantedEndAtOnceWithoutTakingTurnsOrStarting() {
    AtomicBoolean givenUp = new AtomicBoolean();
    AtomicInteger started = new AtomicInteger();
    CompletableFuture<String> first = new CompletableFuture<>();
    try (HostPacing pacing = new HostPacing(o -> Duration.ofHours(1), 1)) {
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
  void aRequestStillWantedWaitsItsHostsDelay() {
    CompletableFuture<String> first = new CompletableFuture<>();
    try (HostPacing pacing = new HostPacing(o -> Duration.ofHours(1), 1)) {
      pacing.submit(ORIGIN, () -> first, s -> Duration.ZERO, () -> false, "not asked");
      CompletableFuture<String> second = pacing.submit(ORIGIN, () -> CompletableFuture.completedFuture("asked"),
          s -> Duration.ZERO, () -> false, "not asked");

      first.complete("200");

      assertThat(second).isNotDone();
    }
  }
}
