package dev.sitepulse.pinger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code checkAll} hands each result to may block (jsonl written to a pipe nobody reads, a
 * paused pager): that must hold back neither the other checks nor the end of a run that is stopped.
 */
class StuckOutputTest {

  /** Checks' timeouts and the waits for them: a bound for a machine as loaded as it gets, never a speed goal. */
  private static final Duration LIMIT = Duration.ofMinutes(1);
  private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";

  /** Counted down when the test is done with the output it holds stuck. */
  private final CountDownLatch unstuck = new CountDownLatch(1);
  private final CountDownLatch stuck = new CountDownLatch(1);
  private final ExecutorService caller = Executors.newSingleThreadExecutor(Threads.daemon("test-caller"));

  @AfterEach
  void unstick() {
    unstuck.countDown();
    caller.shutdown();
  }

  /** An output whose first write blocks until the test ends. */
  private final Consumer<CheckResult> stuckOutput = r -> {
    stuck.countDown();
    try {
      unstuck.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  };

  @Test
  void aStoppedRunEndsWhileTheOutputOfACheckIsStuck() throws Exception {
    try (RawServer server = RawServer.answering(OK); Pinger pinger = Pinger.create(Checks.FAST)) {
      CheckRun run = stoppedWhileTheOutputIsStuck(server, pinger);

      assertThat(run.results()).as("the one the output was given").hasSize(1);
    }
  }

  @Test
  void aStoppedRunSaysWhenTheOutputItReturnedWithoutIsDone() throws Exception {
    try (RawServer server = RawServer.answering(OK); Pinger pinger = Pinger.create(Checks.FAST)) {
      CompletableFuture<Void> outputDone = stoppedWhileTheOutputIsStuck(server, pinger).outputDone();

      assertThat(outputDone).as("the output is still in its first result").isNotDone();
      unstuck.countDown();
      assertThat(outputDone).succeedsWithin(LIMIT);
    }
  }

  /** Checks two targets, stops the run once the output is stuck in the first, and waits for its return. */
  private CheckRun stoppedWhileTheOutputIsStuck(RawServer server, Pinger pinger) throws Exception {
    CompletableFuture<String> stop = new CompletableFuture<>();
    List<Target> targets = List.of(Target.of(server.url("/a")).withTimeout(LIMIT),
        Target.of(server.url("/b")).withTimeout(LIMIT));
    CompletableFuture<CheckRun> run =
        CompletableFuture.supplyAsync(() -> pinger.checkAll(targets, stuckOutput, stop), caller);
    stuck.await();

    stop.complete("INT");

    return run.get(LIMIT.toSeconds(), TimeUnit.SECONDS); // returned at the stop
  }

  @Test
  void aStuckOutputHoldsBackNoOtherCheckThoughACheckEndedOnTheSchedulerThread() throws Exception {
    // One check at a time, and a circuit that opens at the first refused connection: the second
    // check of the closed port is held back by the scheduler thread, whose result is then handed on.
    PingSettings settings = Checks.FAST.withConcurrency(1)
        .withCircuitBreaker(new CircuitBreakerSettings(1, Duration.ofSeconds(30)));
    String closed = "http://localhost:" + closedPort();
    try (RawServer other = RawServer.answering(OK); Pinger pinger = Pinger.create(settings)) {
      List<Target> refused = List.of(Target.of(closed + "/a").withTimeout(LIMIT),
          Target.of(closed + "/b").withTimeout(LIMIT));
      CompletableFuture.runAsync(() -> pinger.checkAll(refused, stuckOutput), caller);
      stuck.await(); // the first check's result: its slot is free, and the second is refused next

      CompletableFuture<CheckResult> elsewhere = pinger.check(Target.of(other.url("/")).withTimeout(LIMIT));

      assertThat(elsewhere).as("a check of another host, sent and answered").succeedsWithin(LIMIT)
          .extracting(CheckResult::verdict).isEqualTo(Verdict.UP);
    }
  }

  /** A loopback port nothing listens on: free a moment ago. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
