package dev.sitepulse.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.crawler.frontier.Frontier;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryTimersTest {

  private static final String HOST = "http://docs.example";
  private static final Duration A_MINUTE = Duration.ofMinutes(1); // longer than any test runs

  private final Vertx vertx = Vertx.vertx();
  private final Frontier frontier = new Frontier(8, 2, 0);
  private int waits;
  private final CompletableFuture<Integer> requeued = new CompletableFuture<>();
  private final RetryTimers timers =
      new RetryTimers(vertx, frontier, () -> waits++, () -> requeued.complete(frontier.queued()));

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
  }

  @Test
  void aUrlWaitsOutItsDelayAsOutstandingWorkAndIsQueuedBeforeTheLoopIsTold() throws Exception {
    timers.retryLater(next("/a"), Duration.ofMillis(1));

    assertThat(waits).isEqualTo(1);
    // The minute bounds a loop never told, on a machine as loaded as it gets: no speed goal.
    assertThat(requeued.get(1, TimeUnit.MINUTES)).as("queued when the loop hears of it").isEqualTo(1);
  }

  @Test
  void endingEarlyCancelsTheTimersQueuesTheirUrlsAtOnceAndSaysHowManyWaitsEnded() {
    timers.retryLater(next("/a"), A_MINUTE);
    timers.retryLater(next("/b"), A_MINUTE);

    assertThat(frontier.queued()).isZero();
    assertThat(timers.endEarly()).isEqualTo(2);
    assertThat(frontier.queued()).isEqualTo(2);
    assertThat(requeued).as("a cancelled timer's handler never runs").isNotDone();
  }

  @Test
  void aRetryAfterTheCrawlEndedEarlyIsQueuedAtOnceWithoutATimer() {
    timers.endEarly();
    timers.retryLater(next("/a"), A_MINUTE);

    assertThat(frontier.queued()).isEqualTo(1);
    assertThat(waits).as("no work is outstanding for it").isZero();
    assertThat(timers.endEarly()).as("nothing left to cancel").isZero();
  }

  private static Frontier.Next next(String path) {
    return new Frontier.Next(HOST + path, HOST, 1);
  }
}
