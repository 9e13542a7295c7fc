package dev.sitepulse.pinger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.watch.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Every check's future completes, even one whose attempt fails as the scheduler starts it (a
 * close() under way refuses its work): as an error, its slot freed for the next check.
 */
class UnstartedAttemptTest {

  /** Checks' timeouts and the waits for them: a bound for a machine as loaded as it gets, never a speed goal. */
  private static final Duration LIMIT = Duration.ofMinutes(1);
  private static final String UNAVAILABLE =
      "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
  private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";

  /**
   * A clock that fails once when read on the scheduler thread, where an attempt is started: the
   * first time, or, once {@link #armed} false, the first time after {@link #arm}.
   */
  private static final class FailsOnceWhereAttemptsStart extends MutableClock {
    private final AtomicBoolean failed = new AtomicBoolean();
    private final AtomicBoolean armed;

    FailsOnceWhereAttemptsStart() {
      this(true);
    }

    FailsOnceWhereAttemptsStart(boolean armed) {
      super(Instant.parse("2026-12-07T00:00:00Z"));
      this.armed = new AtomicBoolean(armed);
    }

    void arm() {
      armed.set(true);
    }

    @Override
    public Instant instant() {
      if (armed.get() && Thread.currentThread().getName().startsWith("sitepulse-scheduler")
          && failed.compareAndSet(false, true)) {
        throw new IllegalStateException("the clock failed");
      }
      return super.instant();
    }
  }

  @Test
  void anAttemptThatFailsToStartEndsItsCheckAsAnErrorAndFreesItsSlotForTheNext() throws Exception {
    try (RawServer server = RawServer.answering(OK);
        Pinger pinger = Pinger.create(Checks.FAST.withConcurrency(1), new FailsOnceWhereAttemptsStart())) {
      CompletableFuture<CheckResult> first = pinger.check(Target.of(server.url("/first")).withTimeout(LIMIT));
      CompletableFuture<CheckResult> second = pinger.check(Target.of(server.url("/second")).withTimeout(LIMIT));

      assertThat(first).succeedsWithin(LIMIT).satisfies(r -> {
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.errorKind()).as("not the server's answer, as PROTOCOL would say").isEqualTo(ErrorKind.NOT_STARTED);
        assertThat(r.message()).isEqualTo("not sent: sitepulse could not start the attempt: the clock failed");
        assertThat(r.attempts()).singleElement().satisfies(a -> assertThat(a.hops()).as("nothing sent").isEmpty());
      });
      assertThat(second).succeedsWithin(LIMIT).extracting(CheckResult::verdict).isEqualTo(Verdict.UP);
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  void anAttemptThatFailsToStartIsNotRetried() throws Exception {
    try (RawServer server = RawServer.answering(OK); RecordingRetryTimer timer = RecordingRetryTimer.endingAtOnce();
        Pinger pinger = timer.pinger(Checks.FAST, new FailsOnceWhereAttemptsStart())) {
      CompletableFuture<CheckResult> check = pinger.check(Target.of(server.url("/")).withTimeout(LIMIT).withRetries(2));

      assertThat(check).succeedsWithin(LIMIT).satisfies(r -> {
        assertThat(r.errorKind()).isEqualTo(ErrorKind.NOT_STARTED);
        assertThat(r.attempts()).as("a retry would meet what stopped it").hasSize(1);
      });
      assertThat(timer.asked()).isEmpty();
    }
  }

  /** Its first attempt reached the host: the check says what that found, as one its circuit stops retrying does. */
  @Test
  void aRetryThatFailsToStartEndsItsCheckWithTheAttemptsItMade() throws Exception {
    FailsOnceWhereAttemptsStart clock = new FailsOnceWhereAttemptsStart(false);
    try (RawServer server = RawServer.answering(UNAVAILABLE);
        RecordingRetryTimer timer = RecordingRetryTimer.holdingUntilLetGo();
        Pinger pinger = timer.pinger(Checks.FAST, clock)) {
      CompletableFuture<CheckResult> check = pinger.check(Target.of(server.url("/")).withTimeout(LIMIT).withRetries(1));
      long deadline = System.nanoTime() + LIMIT.toNanos();
      while (timer.asked().isEmpty() && System.nanoTime() < deadline) { // the first attempt is over
        Thread.onSpinWait();
      }
      clock.arm();
      timer.letGo();

      assertThat(check).succeedsWithin(LIMIT).satisfies(r -> {
        assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.DOWN);
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.attempts()).as("the retry sent nothing").hasSize(1);
      });
      assertThat(server.requests()).isEqualTo(1);
    }
  }
}
