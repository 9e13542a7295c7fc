package dev.sitepulse.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sitepulse.cli.ExitCode;
import dev.sitepulse.pinger.CheckResult;
import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.history.SqliteHistory;
import dev.sitepulse.pinger.watch.Alerter;
import dev.sitepulse.pinger.watch.CheckSource;
import dev.sitepulse.pinger.watch.ListenAddress;
import dev.sitepulse.pinger.watch.Thresholds;
import dev.sitepulse.pinger.watch.Watch;
import dev.sitepulse.pinger.watch.WatchPlan;
import dev.sitepulse.pinger.watch.WatchedTarget;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The stop sequence over a watch of one target whose check the test answers, on a Vert.x of one
 * event loop, which the test can hold as a check's code or the page could: whatever the stop
 * waited for in vain, it says so and ends with its line and exit code.
 */
class WatchStopTest {

  /** The target's timeout: the stop waits for the checks under way at most this and 1 s. */
  private static final Duration TIMEOUT = Duration.ofMillis(200);

  @TempDir Path dir;

  private final CountDownLatch release = new CountDownLatch(1);
  private final CompletableFuture<CheckResult> answer = new CompletableFuture<>();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private Runnable onStopSending = () -> { };
  private Vertx vertx;
  private WatchStop.Running running;

  @BeforeEach
  void start() {
    log.start();
    ((Logger) LoggerFactory.getLogger(WatchStop.class)).addAppender(log);
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setBlockedThreadCheckInterval(3_600_000));
    SqliteHistory history = SqliteHistory.open(dir, Duration.ofDays(1), Clock.systemUTC());
    Alerter alerter = new Alerter(List.of(), Alerter.Listener.NONE, Duration.ofMillis(10));
    WatchPlan plan = new WatchPlan(
        List.of(new WatchedTarget(Target.of("http://127.0.0.1:9/").withTimeout(TIMEOUT), Duration.ofHours(1))),
        PingSettings.DEFAULTS, Thresholds.DEFAULT, null, List.of());
    CheckSource checks = new CheckSource() {
      @Override
      public CompletableFuture<CheckResult> check(Target target) {
        return answer;
      }

      @Override
      public void stopSending() {
        onStopSending.run();
      }
    };
    Watch.Options checkedByHand = new Watch.Options(Clock.systemUTC(), (interval, targets) -> interval,
        Watch.Options.DEFAULT.maxBacklog());
    Watch watch = Watch.start(vertx, plan, checks, history, alerter, checkedByHand);
    WatchServer server = WatchServer.bind(vertx, new ListenAddress("127.0.0.1", 0), Instant.now());
    ConfigReloader reloader = new ConfigReloader(dir.resolve("watch.yaml"), null, null, null, next -> { });
    running = new WatchStop.Running(history, server, alerter, watch, reloader);
  }

  @AfterEach
  void close() throws Exception {
    ((Logger) LoggerFactory.getLogger(WatchStop.class)).detachAppender(log);
    release.countDown();
    answer.cancel(false);
    running.alerter().close();
    running.history().close();
    vertx.close().toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES); // a bound, no speed goal
  }

  /** Holds the only event loop until the test ends, as a check's code or the page stuck on it would. */
  private void holdTheEventLoop() {
    vertx.runOnContext(v -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  private WatchStop.Stopped stop() throws InterruptedException {
    return WatchStop.stop(running, "SIGTERM", () -> { }, () -> { });
  }

  private List<String> warnings() {
    return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void aStopWhileTheEventLoopIsHeldBlamesTheLoopAndStillEndsWithItsLine() throws Exception {
    holdTheEventLoop();

    WatchStop.Stopped stopped = stop();

    assertThat(stopped.line()).isEqualTo("sitepulse watch: stopped (SIGTERM): 0 checks, 0 recorded");
    assertThat(stopped.code()).isEqualTo(ExitCode.OK);
    assertThat(warnings()).singleElement().isEqualTo("stopping (SIGTERM): the watch's event loop did not"
        + " answer within 1.2s: something running on it holds it; the checks under way are not waited"
        + " for, their results are not kept; a second signal exits at once");
  }

  @Test
  void theServerOfAWatchWhoseEventLoopIsHeldStillCloses() {
    holdTheEventLoop();

    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> running.server().close());
  }

  @Test
  void aCheckAnsweredButNotRecordedForAHeldEventLoopBlamesTheLoopNotTheCheck() throws Exception {
    running.watch().checkNow(running.watch().plan().targets().get(0).name());
    // On the loop, as the stop stops scheduling: the check's answer then waits behind the hold.
    onStopSending = () -> {
      holdTheEventLoop();
      answer.cancel(false);
    };

    WatchStop.Stopped stopped = stop();

    assertThat(stopped.line()).isEqualTo("sitepulse watch: stopped (SIGTERM): 0 checks, 0 recorded");
    assertThat(warnings()).singleElement().isEqualTo("stopping: the watch's event loop did not record"
        + " the checks' results within 1.2s: something running on it holds it; their results are not kept");
  }

  @Test
  void aCheckThatOutlivesItsTimeoutIsNamedAsWhatTookTooLong() throws Exception {
    running.watch().checkNow(running.watch().plan().targets().get(0).name());

    WatchStop.Stopped stopped = stop();

    assertThat(stopped.line()).isEqualTo("sitepulse watch: stopped (SIGTERM): 0 checks, 0 recorded");
    assertThat(warnings()).singleElement().isEqualTo(
        "stopping: 1 check outlived its timeout; its result is not kept");
  }

  @Test
  void aStopWithNoCheckUnderWaySaysNothingOfWaitingForOne() {
    assertThat(WatchStop.stoppingLine("SIGTERM", 0, Duration.ofSeconds(11)))
        .isEqualTo("stopping (SIGTERM): no check under way; a second signal exits at once");
  }

  @Test
  void aStopWithChecksUnderWaySaysHowLongItWaitsForThemAtMost() {
    assertThat(WatchStop.stoppingLine("SIGINT", 2, Duration.ofSeconds(11)))
        .isEqualTo("stopping (SIGINT): waiting up to 11s for the checks under way; a second signal exits at once");
  }
}
