package dev.sitepulse.pinger.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sitepulse.pinger.PingSettings;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.history.HistoryCounts;
import dev.sitepulse.pinger.history.HistoryQuery;
import dev.sitepulse.pinger.history.SqliteHistory;
import dev.sitepulse.pinger.history.StateChangeRecord;
import dev.sitepulse.pinger.history.TargetInfo;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The Vert.x timers for real, with a check source the test controls. */
class SchedulerTest {

  /**
   * How long a test waits for what the timers bring by themselves: a bound for a machine as loaded
   * as it gets, never a speed goal.
   */
  private static final Duration LIMIT = Duration.ofMinutes(1);

  @TempDir Path dir;

  private Vertx vertx;
  private SqliteHistory history;
  private Alerter alerter;
  private final FakeChecks checks = new FakeChecks();

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    history = SqliteHistory.open(dir, Duration.ofDays(30), Clock.systemUTC());
    alerter = new Alerter(List.of(), Alerter.Listener.NONE, Duration.ofMillis(10));
  }

  @AfterEach
  void close() {
    alerter.close();
    history.close();
    vertx.close().await();
  }

  private static WatchedTarget every(String name, Duration interval) {
    return new WatchedTarget(new Target(name, null, "http://127.0.0.1:9/" + name, null, null, null, null, 0, null),
        interval);
  }

  private static WatchPlan plan(WatchedTarget... targets) {
    return new WatchPlan(List.of(targets), PingSettings.DEFAULTS, Thresholds.DEFAULT, null, List.of());
  }

  private Watch start(WatchPlan plan, Watch.Options options) {
    return Watch.start(vertx, plan, checks, history, alerter, options);
  }

  /** A watch of "site" every 100 ms, its first check held until the test releases it. */
  private Watch watchWithACheckOfSiteUnderWay() {
    checks.hold("site");
    Watch w = start(plan(every("site", Duration.ofMillis(100))), FirstTicks.at(i -> 1));
    Eventually.await(LIMIT, "a check under way", () -> checks.count("site") == 1);
    return w;
  }

  private static TargetStatus status(Watch w, String name) {
    return w.statuses().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aFewTargetsAreFirstCheckedWithinMomentsNotAfterTheirInterval() {
    Watch w = start(plan(every("a", Duration.ofHours(1)), every("b", Duration.ofHours(1)),
        every("c", Duration.ofHours(1))), Watch.Options.DEFAULT);

    Eventually.await(LIMIT, "each target checked once",
        () -> checks.count("a") == 1 && checks.count("b") == 1 && checks.count("c") == 1);
    w.stop().join();
  }

  @Test
  void firstChecksAreSpreadATenthOfASecondPerTargetAndNeverBeyondTheInterval() {
    Watch.FirstTick tick = Watch.Options.DEFAULT.firstTick();

    assertThat(IntStream.range(0, 1000).mapToLong(i -> tick.offsetMillis(60_000, 3)).max().getAsLong())
        .isBetween(200L, 299L);
    assertThat(IntStream.range(0, 1000).mapToLong(i -> tick.offsetMillis(10_000, 1000)).max().getAsLong())
        .isBetween(9_000L, 9_999L);
  }

  @Test
  void aTickThatFindsTheCheckStillRunningIsSkippedAndCounted() {
    checks.hold("slow");
    Watch w = start(plan(every("slow", Duration.ofMillis(100))), FirstTicks.at(i -> 1));

    Eventually.await(LIMIT, "three skipped ticks", () -> status(w, "slow").skipped() >= 3);

    assertThat(checks.count("slow")).as("never two checks of one target at once").isEqualTo(1);
    checks.release("slow");
    Eventually.await(LIMIT, "the next check after the release", () -> checks.count("slow") >= 2);
    assertThat(w.skippedTotal()).isGreaterThanOrEqualTo(3);
    w.stop().join();
  }

  @Test
  void aTargetIsNotCheckedAgainBeforeItsIntervalWhileAnotherIsCheckedAtItsOwn() {
    Watch w = start(plan(every("fast", Duration.ofMillis(50)), every("slow", Duration.ofHours(1))),
        FirstTicks.at(i -> 1));

    Eventually.await(LIMIT, "twenty checks of the fast target", () -> status(w, "fast").checks() >= 20);
    w.stop().join();

    assertThat(status(w, "slow").checks()).as("its first check, and the next not due for an hour").isEqualTo(1);
    assertThat(w.lag().count()).as("every tick of both").isGreaterThanOrEqualTo(21);
  }

  @Test
  void eachTargetIsFirstCheckedAfterTheOffsetTheFirstTickGivesItForItsIntervalAndThePlansSize() {
    List<String> asked = new CopyOnWriteArrayList<>();
    // The last of twenty targets is first checked at once, the others in an hour.
    Watch.FirstTick tick = (interval, targets) -> {
      asked.add(interval + " ms, " + targets + " targets");
      return asked.size() == 20 ? 1 : Duration.ofHours(1).toMillis();
    };
    WatchedTarget[] many = IntStream.range(0, 20).mapToObj(i -> every("t" + i, Duration.ofSeconds(1)))
        .toArray(WatchedTarget[]::new);
    Watch w = start(plan(many), new Watch.Options(Clock.systemUTC(), tick, Watch.Options.DEFAULT.maxBacklog()));

    Eventually.await(LIMIT, "a first check of t19", () -> checks.count("t19") > 0);
    w.stop().join();

    assertThat(asked).as("once for each target").hasSize(20).containsOnly("1000 ms, 20 targets");
    assertThat(checks.started).extracting(FakeChecks.Started::target).as("the others wait their hour")
        .containsOnly("t19");
  }

  @Test
  void stoppingWaitsForTheCheckUnderWayAndRecordsIt() {
    Watch w = watchWithACheckOfSiteUnderWay();

    CompletableFuture<Void> stopped = w.stop();
    assertThat(stopped).isNotDone();
    checks.release("site");
    stopped.join();
    history.flush().join();

    assertThat(HistoryCounts.checks(history.reader(), new HistoryQuery(Instant.EPOCH, Instant.now().plusSeconds(60),
        null))).isEqualTo(1);
    assertThat(checks.count("site")).as("nothing started after stop").isEqualTo(1);
  }

  @Test
  void aStopEndsWhenACheckUnderWayEndsWithNeitherAResultNorAnError() {
    Watch w = watchWithACheckOfSiteUnderWay();

    CompletableFuture<Void> stopped = w.stop();
    checks.started.get(0).result().complete(null); // a source breaking its promise of a result

    assertThat(stopped).succeedsWithin(LIMIT);
  }

  @Test
  void aCheckAskedForOnceTheWatchStopsIsRefusedSayingThatItStops() {
    Watch w = start(plan(every("site", Duration.ofHours(1))), FirstTicks.at(i -> 1));
    w.stop().join();

    assertThatThrownBy(() -> w.checkNow("site").join()).isInstanceOf(CompletionException.class)
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("site is not checked: the watch is stopping");
  }

  @Test
  void aReloadKeepsTheStateOfUnchangedTargetsAddsNewOnesAndDropsRemovedOnes() {
    Watch w = start(plan(every("kept", Duration.ofHours(1)), every("dropped", Duration.ofHours(1))),
        FirstTicks.at(i -> i));
    w.checkNow("kept").join();
    assertThat(status(w, "kept").state()).isEqualTo(State.UP);

    w.reload(plan(every("kept", Duration.ofHours(1)), every("added", Duration.ofHours(1)))).join();

    assertThat(w.statuses()).extracting(TargetStatus::name).containsExactly("kept", "added");
    assertThat(status(w, "kept").state()).isEqualTo(State.UP);
    assertThat(status(w, "kept").checks()).isEqualTo(1);
    assertThat(status(w, "added").state()).isEqualTo(State.UNKNOWN);
    w.stop().join();
  }

  @Test
  void theWatchRecordsEachTargetsIntervalWhenItStartsAndWhenAReloadChangesIt() {
    Watch w = start(plan(every("kept", Duration.ofHours(1)), every("slower", Duration.ofMinutes(1))),
        FirstTicks.at(i -> 60_000));
    w.reload(plan(every("kept", Duration.ofHours(1)), every("slower", Duration.ofMinutes(10)))).join();
    w.stop().join();
    history.flush().join();

    assertThat(history.reader().targets()).extracting(TargetInfo::name, TargetInfo::interval).containsExactly(
        tuple("kept", Duration.ofHours(1)), tuple("slower", Duration.ofMinutes(10)));
  }

  @Test
  void aLastStateTheHistoryHoldsThatThisVersionDoesNotKnowIsLoggedNamingTheTargetAndTheValue() {
    Instant before = Instant.now().minusSeconds(600);
    history.append(new StateChangeRecord("site", "UP", "MAINTENANCE", before, before));
    history.flush().join();
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(Watch.class);
    log.start();
    logger.addAppender(log);
    try {
      Watch w = start(plan(every("site", Duration.ofHours(1))), FirstTicks.at(i -> i));

      assertThat(status(w, "site").state()).isEqualTo(State.UNKNOWN);
      assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
          .containsExactly("site: its last recorded state, \"MAINTENANCE\", is none this sitepulse knows;"
              + " it starts as UNKNOWN, so its next change is alerted again");
      w.stop().join();
    } finally {
      logger.detachAppender(log);
    }
  }

  @Test
  void aTargetTakenOutOfTheConfigAndPutBackKeepsTheStateItWasLastIn() {
    Watch w = start(plan(every("site", Duration.ofHours(1))), FirstTicks.at(i -> i));
    checks.verdict = dev.sitepulse.pinger.Verdict.DOWN;
    for (int i = 0; i < 3; i++) {
      w.checkNow("site").join();
    }
    assertThat(status(w, "site").state()).isEqualTo(State.DOWN);

    w.reload(plan(every("other", Duration.ofHours(1)))).join();
    w.reload(plan(every("other", Duration.ofHours(1)), every("site", Duration.ofHours(1)))).join();

    assertThat(status(w, "site").state()).as("still DOWN, not the state the watch started with")
        .isEqualTo(State.DOWN);
    for (int i = 0; i < 3; i++) {
      w.checkNow("site").join();
    }
    history.flush().join();
    assertThat(history.reader().stateChanges(new HistoryQuery(Instant.EPOCH, Instant.now().plusSeconds(60), null)))
        .as("one outage, so one change to DOWN and one alert").extracting(c -> c.from() + ">" + c.to())
        .containsExactly("UNKNOWN>DOWN");
    w.stop().join();
  }

  @Test
  void aTargetTakenOutAndPutBackWhileItsCheckRunsIsNotCheckedAgainUntilThatCheckEnds() {
    Watch w = watchWithACheckOfSiteUnderWay();

    w.reload(plan(every("other", Duration.ofHours(1)))).join();
    w.reload(plan(every("other", Duration.ofHours(1)), every("site", Duration.ofMillis(100)))).join();
    long skippedBefore = status(w, "site").skipped();
    Eventually.await(LIMIT, "two ticks of the target put back",
        () -> status(w, "site").skipped() >= skippedBefore + 2);

    assertThat(checks.count("site")).as("never two checks of one target at once").isEqualTo(1);
    checks.release("site");
    Eventually.await(LIMIT, "the next check after the release", () -> checks.count("site") >= 2);
    w.stop().join();
  }
}
