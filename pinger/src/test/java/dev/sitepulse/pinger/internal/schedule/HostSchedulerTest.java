package dev.sitepulse.pinger.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.Rate;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.SemaphoreBasedRateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostSchedulerTest {

  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
  private final ScheduledExecutorService work = Executors.newScheduledThreadPool(8);

  @AfterEach
  void stop() {
    loop.shutdownNow();
    work.shutdownNow();
  }

  @Test
  void neverMoreTasksInFlightThanTheLimitAndAllOfThemRun() throws InterruptedException {
    HostScheduler scheduler = new HostScheduler(loop, 4, Rate.UNLIMITED);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(50);
    for (int i = 0; i < 50; i++) {
      scheduler.submit("host" + (i % 3), release -> {
        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        work.schedule(() -> {
          inFlight.decrementAndGet();
          release.run();
          done.countDown();
        }, 2, TimeUnit.MILLISECONDS);
      });
    }
    // Waits here are bounded by a minute: generous on a loaded machine, never a speed goal.
    assertThat(done.await(1, TimeUnit.MINUTES)).isTrue();
    assertThat(most.get()).isEqualTo(4);
  }

  @Test
  void aTaskItsAdmitRefusesEndsAtOnceEvenWhenEverySlotIsTaken() throws Exception {
    HostScheduler scheduler = new HostScheduler(loop, 1, Rate.UNLIMITED);
    CountDownLatch refused = new CountDownLatch(1);
    scheduler.submit("slow", release -> {}); // holds the only slot and never gives it back
    scheduler.submit("dead", () -> false, release -> {}, refused::countDown);

    assertThat(refused.await(2, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aTaskWhoseStartThrowsGetsItsSlotBackSoTheNextOneStarts() throws Exception {
    HostScheduler scheduler = new HostScheduler(loop, 1, Rate.UNLIMITED);
    CountDownLatch next = new CountDownLatch(1);
    scheduler.submit("a", release -> {
      throw new IllegalStateException("a start that breaks its promise");
    });
    scheduler.submit("b", release -> next.countDown());

    assertThat(next.await(1, TimeUnit.MINUTES)).isTrue();
  }

  @Test
  void aReleaseRunTwiceFreesOnlyOneSlot() throws Exception {
    HostScheduler scheduler = new HostScheduler(loop, 1, Rate.UNLIMITED);
    List<Integer> started = new CopyOnWriteArrayList<>();
    CountDownLatch second = new CountDownLatch(1);
    scheduler.submit("a", release -> {
      started.add(1);
      release.run();
      release.run();
    });
    scheduler.submit("a", release -> {
      started.add(2);
      second.countDown();
    });
    scheduler.submit("a", release -> started.add(3));
    assertThat(second.await(1, TimeUnit.MINUTES)).isTrue();
    loop.submit(() -> {}).get(1, TimeUnit.MINUTES); // let the loop settle
    assertThat(started).containsExactly(1, 2);
  }

  @Test
  void aRateLimitedHostDoesNotHoldUpAnotherHost() throws InterruptedException {
    HostScheduler scheduler = new HostScheduler(loop, 2, Rate.parse("1/m"));
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch bDone = new CountDownLatch(3);
    for (int i = 0; i < 3; i++) {
      scheduler.submit("slow", release -> {
        order.add("slow");
        release.run();
      });
    }
    for (int i = 0; i < 3; i++) {
      scheduler.submit("b" + i, release -> {
        order.add("b");
        release.run();
        bDone.countDown();
      });
    }
    assertThat(bDone.await(1, TimeUnit.MINUTES)).isTrue();
    assertThat(order).filteredOn("slow"::equals).hasSize(1);
  }

  @Test
  void aHostPaysWhatItOwesBeforeItsNextTaskWithoutHoldingASlot() throws InterruptedException {
    HostScheduler scheduler = new HostScheduler(loop, 1, Rate.parse("5/s"), 10);
    long before = System.nanoTime();
    scheduler.takePermitOrOwe("a"); // period 0's permit, free
    scheduler.takePermitOrOwe("a"); // owed: period 1's
    scheduler.takePermitOrOwe("a"); // owed: period 2's
    CountDownLatch aStarted = new CountDownLatch(1);
    CountDownLatch bStarted = new CountDownLatch(1);
    AtomicLong aStartedAt = new AtomicLong();
    scheduler.submit("a", release -> {
      aStartedAt.set(System.nanoTime());
      release.run();
      aStarted.countDown();
    });
    scheduler.submit("b", release -> {
      release.run();
      bStarted.countDown();
    });

    assertThat(bStarted.await(1, TimeUnit.MINUTES)).as("the only slot is free while a pays").isTrue();
    assertThat(aStarted.await(1, TimeUnit.MINUTES)).isTrue();
    assertThat(aStartedAt.get() - before).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(600));
  }

  @Test
  void aHostOwesNoMoreThanOneChecksHopsSoThatItsOwnChecksStillStart() {
    HostScheduler scheduler = new HostScheduler(loop, 1, Rate.parse("1/m"), 3);
    for (int hop = 0; hop < 20; hop++) { // twenty sites' checks redirect to one sign-in host
      scheduler.takePermitOrOwe("login");
    }

    assertThat(scheduler.owes("login")).as("the first took the free permit; three owed, the rest forgiven").isEqualTo(3);
  }

  @Test
  void aParkedHostWhoseLimiterIsNotResilience4jsAtomicOneWaitsTheRatesInterval() {
    RateLimiterConfig oneAMinute = RateLimiterConfig.custom().limitForPeriod(1)
        .limitRefreshPeriod(Duration.ofMinutes(1)).timeoutDuration(Duration.ZERO).build();
    SemaphoreBasedRateLimiter semaphore = new SemaphoreBasedRateLimiter("host", oneAMinute, work);
    try {
      assertThat(HostScheduler.nanosToWait(semaphore, Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1).toNanos());
    } finally {
      semaphore.shutdown();
    }
  }

  @Test
  void aParkedHostWaitsWhatResilience4jsAtomicLimiterSaysIsLeft() {
    RateLimiter atomic = RateLimiter.of("host", RateLimiterConfig.custom().limitForPeriod(1)
        .limitRefreshPeriod(Duration.ofHours(1)).timeoutDuration(Duration.ZERO).build());
    assertThat(atomic.acquirePermission()).isTrue();

    assertThat(HostScheduler.nanosToWait(atomic, Duration.ofHours(1)))
        .as("what is left of the hour, not the whole of it").isPositive().isLessThan(Duration.ofHours(1).toNanos());
  }
}
