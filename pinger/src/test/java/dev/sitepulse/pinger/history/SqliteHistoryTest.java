package dev.sitepulse.pinger.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sitepulse.pinger.ErrorKind;
import dev.sitepulse.pinger.Phases;
import dev.sitepulse.pinger.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class SqliteHistoryTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final HistoryQuery EVERYTHING = new HistoryQuery(Instant.EPOCH, NOW.plusSeconds(1), null);

  @TempDir Path dir;

  private SqliteHistory open() {
    return SqliteHistory.open(dir, Duration.ofDays(30), CLOCK);
  }

  private static CheckRecord check(String target, Instant at, Verdict v, int status, long ms) {
    return CheckRecord.of(target, at, v, status, ms);
  }

  @Test
  void aDataPathThatIsAFileIsNamedAsSuchInOneWordingForWatchAndReport() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "not a folder");
    String why = file + " is a file, not a data folder (sitepulse watch --data DIR writes DIR/history.db)";

    assertThatThrownBy(() -> SqliteHistory.open(file, Duration.ofDays(30), CLOCK))
        .isInstanceOf(HistoryException.class).hasMessage(why);
    assertThatThrownBy(() -> SqliteHistory.openForReading(file))
        .isInstanceOf(HistoryException.class).hasMessage(why);
  }

  @Test
  void aDataFolderThatCannotBeMadeIsNamedAsTheFolderNotAsAMissingHistory() throws Exception {
    Path underAFile = Files.writeString(dir.resolve("notes.txt"), "not a folder").resolve("sub");

    assertThatThrownBy(() -> SqliteHistory.open(underAFile, Duration.ofDays(30), CLOCK))
        .isInstanceOf(HistoryException.class)
        .hasMessageStartingWith("cannot create the folder " + underAFile + ": ")
        .hasMessageNotContaining("history.db");
  }

  @Test
  void aDataFolderWhoseParentCannotHoldOneIsNamedWithThatReason() {
    // procfs refuses every new entry with ENOENT, which NIO throws as NoSuchFileException.
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc");
    Path underProc = Path.of("/proc/sitepulse-no-such-folder");

    assertThatThrownBy(() -> SqliteHistory.open(underProc, Duration.ofDays(30), CLOCK))
        .isInstanceOf(HistoryException.class)
        .hasMessage("cannot create the folder /proc/sitepulse-no-such-folder: its parent cannot hold it");
  }

  @Test
  void aHistoryThatCannotBeMadeLeavesNothingItsOpeningMadeBehind() throws Exception {
    // SQLite makes history.db, then cannot open its write-ahead log (as on a full disk, it fails
    // after the file is made): report would then find an empty history where no watch ran.
    Path wal = Files.createDirectory(dir.resolve(SqliteHistory.FILE_NAME + "-wal"));

    assertThatThrownBy(this::open).isInstanceOf(HistoryException.class);

    assertThat(dir.resolve(SqliteHistory.FILE_NAME)).doesNotExist();
    assertThat(SqliteHistory.lockFile(dir)).doesNotExist();
    assertThat(wal).as("not its to take").isDirectory();
  }

  @Test
  void aSecondWriterOfTheSameFolderIsRefusedWhileReadersAreNot() {
    try (SqliteHistory first = open()) {
      first.append(check("a", NOW, Verdict.UP, 200, 10));
      first.flush().join();

      assertThatThrownBy(this::open)
          .isInstanceOf(HistoryException.class)
          .hasMessage(dir + " is in use by another watch; wait for it to end, or give another --data")
          .matches(e -> ((HistoryException) e).inUse(), "in use");
      assertThat(HistoryCounts.checks(SqliteHistory.openForReading(dir), EVERYTHING)).isEqualTo(1);
    }
    try (SqliteHistory again = open()) {
      assertThat(HistoryCounts.checks(again.reader(), EVERYTHING)).as("free again once the first is closed")
          .isEqualTo(1);
    }
  }

  @Test
  void closingWritesEverythingAppendedBefore() {
    try (SqliteHistory h = open()) {
      for (int i = 0; i < 1234; i++) {
        h.append(check("t" + i % 7, NOW.minusSeconds(i), Verdict.UP, 200, 10));
      }
    }
    try (SqliteHistory h = open()) {
      assertThat(HistoryCounts.checks(h.reader(), EVERYTHING)).isEqualTo(1234);
      assertThat(h.reader().targets()).hasSize(7);
    }
  }

  @Test
  void aDataFolderDeletedWhileItIsWrittenIsNoticedAndEveryRecordOfTheRunCountedLost() throws Exception {
    Path data = dir.resolve("data");
    SqliteHistory h = SqliteHistory.open(data, Duration.ofDays(30), CLOCK);
    try (h) {
      h.append(check("a", NOW.minusSeconds(20), Verdict.UP, 200, 10));
      h.append(check("a", NOW.minusSeconds(10), Verdict.UP, 200, 10));
      h.flush().join();
      assertThat(h.gone()).as("still there").isNotDone();

      deleteFolder(data); // rm -rf while the watch runs
      h.append(check("a", NOW, Verdict.UP, 200, 10));
      h.flush().join();

      assertThat(h.gone()).isCompletedWithValue(data.resolve("history.db") + " was deleted while the watch ran");
    }
    assertThat(h.checksWritten()).as("none of them is anywhere a reader can find").isZero();
    assertThat(h.lost()).isEqualTo(3);
    assertThat(data).doesNotExist();
  }

  @Test
  void aLockFileDeletedWhileTheHistoryIsWrittenIsNoticedSinceASecondWatchCouldTakeTheFolder() throws Exception {
    try (SqliteHistory h = open()) {
      h.append(check("a", NOW, Verdict.UP, 200, 10));
      Files.delete(SqliteHistory.lockFile(dir));
      h.flush().join();

      assertThat(h.gone()).isCompletedWithValue(SqliteHistory.lockFile(dir)
          + " was deleted while the watch ran: a second watch could take the folder");
    }
  }

  @Test
  void aHistoryReplacedByAnotherFileWhileItIsWrittenIsNoticed() throws Exception {
    try (SqliteHistory h = open()) {
      h.append(check("a", NOW, Verdict.UP, 200, 10));
      h.flush().join();
      Path copy = Files.copy(dir.resolve("history.db"), dir.resolve("copy.db"));
      Files.move(copy, dir.resolve("history.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      h.flush().join();

      assertThat(h.gone()).isCompletedWithValue(dir.resolve("history.db")
          + " was replaced by another file while the watch ran");
    }
  }

  private static void deleteFolder(Path folder) throws java.io.IOException {
    try (var paths = Files.walk(folder)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void checksWrittenCountsTheChecksAloneNotTheIntervalsAndStateChangesBesideThem() {
    SqliteHistory h = open();
    try (h) {
      h.append(new IntervalRecord("a", "http://a/", "", Duration.ofSeconds(10)));
      h.append(check("a", NOW.minusSeconds(10), Verdict.DOWN, 500, 5));
      h.append(new StateChangeRecord("a", "UNKNOWN", "DOWN", NOW.minusSeconds(10), NOW.minusSeconds(10)));
      h.append(check("a", NOW, Verdict.DOWN, 500, 5));
    }

    assertThat(h.written()).isEqualTo(4);
    assertThat(h.checksWritten()).isEqualTo(2);
  }

  @Test
  void retentionDeletesChecksOlderThanThirtyDaysAndKeepsTheRest() {
    try (SqliteHistory h = open()) {
      h.flush().join(); // past the run made at open
      h.append(check("old", NOW.minus(Duration.ofDays(31)), Verdict.UP, 200, 10));
      h.append(check("old", NOW.minus(Duration.ofDays(30)).minusMillis(1), Verdict.DOWN, 500, 10));
      h.append(check("old", NOW.minus(Duration.ofDays(30)), Verdict.UP, 200, 10));
      h.append(check("new", NOW.minus(Duration.ofDays(1)), Verdict.UP, 200, 10));
      h.append(new StateChangeRecord("old", "UNKNOWN", "DOWN", NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(40))));
      h.append(new StateChangeRecord("new", "UNKNOWN", "UP", NOW.minus(Duration.ofDays(35)), NOW.minus(Duration.ofDays(35))));
      h.append(new StateChangeRecord("new", "UP", "DOWN", NOW.minus(Duration.ofDays(33)), NOW.minus(Duration.ofDays(33))));
      h.append(new DeliveryRecord("old", NOW.minus(Duration.ofDays(31)), "CHANGE", "http://hook", false, 3, "HTTP 500"));

      long deleted = h.enforceRetention();

      assertThat(deleted).isEqualTo(2);
      assertThat(HistoryCounts.checks(h.reader(), EVERYTHING)).isEqualTo(2);
      assertThat(h.reader().failedDeliveries(EVERYTHING)).isEmpty();
      // The last change of each target stays, so an outage older than the retention still shows.
      assertThat(h.reader().lastStates().get("old").to()).isEqualTo("DOWN");
      assertThat(h.reader().lastStates().get("new").to()).isEqualTo("DOWN");
      assertThat(h.reader().stateChanges(EVERYTHING)).hasSize(2);
    }
  }

  @Test
  void retentionDeletesMoreOldDeliveriesAndStateChangesThanOneTransactionTakes() {
    int many = 5000 * 2 + 1;
    try (SqliteHistory h = open()) {
      h.flush().join(); // past the run made at open
      Instant old = NOW.minus(Duration.ofDays(40));
      for (int i = 0; i < many; i++) {
        Instant at = old.plusSeconds(i);
        h.append(new StateChangeRecord("a", i % 2 == 0 ? "UP" : "DOWN", i % 2 == 0 ? "DOWN" : "UP", at, at));
        h.append(new DeliveryRecord("a", at, "CHANGE", "http://hook", false, 3, "HTTP 500"));
      }
      h.append(new DeliveryRecord("a", NOW.minusSeconds(1), "CHANGE", "http://hook", false, 3, "HTTP 500"));

      h.enforceRetention();

      assertThat(h.reader().stateChanges(EVERYTHING)).as("the last stays").extracting(StateChangeRecord::at)
          .containsExactly(old.plusSeconds(many - 1));
      assertThat(h.reader().failedDeliveries(EVERYTHING)).extracting(DeliveryRecord::at)
          .containsExactly(NOW.minusSeconds(1));
    }
  }

  @Test
  void retentionRunsWhenTheStoreOpensAndEveryHour() {
    try (SqliteHistory h = open()) {
      h.append(check("old", NOW.minus(Duration.ofDays(90)), Verdict.UP, 200, 10));
    }
    try (SqliteHistory h = open()) {
      h.flush().join(); // the retention run queued at open goes first on the writer thread
      assertThat(HistoryCounts.checks(h.reader(), EVERYTHING)).isZero();
    }
    assertThat(SqliteHistory.RETENTION_EVERY).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aggregateCountsVerdictsStatusesErrorKindsAndLatenciesPerTarget() {
    try (SqliteHistory h = open()) {
      Instant t = NOW.minus(Duration.ofHours(1));
      h.append(check("a", t, Verdict.UP, 200, 100));
      h.append(check("a", t.plusSeconds(60), Verdict.UP, 204, 300));
      h.append(check("a", t.plusSeconds(120), Verdict.DOWN, 503, 200));
      h.append(check("a", t.plusSeconds(180), Verdict.ERROR, 0, 5));
      h.append(new CheckRecord("a", "http://a", "", t.plusSeconds(240), Verdict.TIMEOUT, null, 0,
          new Phases(0, 0, 0, 0, 0, 10_000_000_000L), 0, 1, "timed out", null));
      h.append(check("b", t, Verdict.DEGRADED, 200, 900));
      h.flush().join();

      List<TargetHistory> all = h.reader().aggregate(new HistoryQuery(t, NOW, null), 60);

      assertThat(all).extracting(TargetHistory::target).containsExactly("a", "b");
      TargetHistory a = all.get(0);
      assertThat(a.verdicts()).isEqualTo(Map.of(Verdict.UP, 2L, Verdict.DOWN, 1L, Verdict.ERROR, 1L, Verdict.TIMEOUT, 1L));
      assertThat(a.statuses()).isEqualTo(Map.of(200, 1L, 204, 1L, 503, 1L));
      assertThat(a.errorKinds()).isEqualTo(Map.of(ErrorKind.CONNECT_REFUSED, 1L));
      assertThat(a.latenciesMicros()).as("only checks that got a response")
          .containsExactlyInAnyOrder(100_000, 300_000, 200_000);
      assertThat(a.series().buckets()).isEqualTo(60);
      assertThat(a.series().checks()[0]).isEqualTo(1);
      assertThat(a.series().failures()[2]).isEqualTo(1);
      assertThat(a.series().latencyMaxMicros()[1]).isEqualTo(300_000);
      assertThat(all.get(1).count(Verdict.DEGRADED)).isEqualTo(1);
    }
  }

  @Test
  void aggregateSkipsRowsChangedByHandAndSaysWhichInOneLine() throws Exception {
    Instant t = NOW.minus(Duration.ofHours(1));
    appendUpChecks("a", t, 12);
    String[] damage = {"status = 1000", "status = -1", "verdict = -1", "error_kind = 99", "error_kind = -3",
        "total_us = -5", "target_id = -1", "target_id = 1 << 40", "target_id = 5"};
    for (int i = 0; i < damage.length; i++) {
      changeByHand("UPDATE checks SET " + damage[i] + " WHERE rowid = " + (i + 2));
    }
    List<List<TargetHistory>> all = new ArrayList<>();

    List<String> warnings = damageWarnings(
        () -> all.add(SqliteHistory.openForReading(dir).aggregate(new HistoryQuery(t, NOW, null), 60)));

    assertThat(all.get(0)).extracting(TargetHistory::target).containsExactly("a");
    assertThat(all.get(0).get(0).verdicts()).isEqualTo(Map.of(Verdict.UP, 3L));
    assertThat(warnings).containsExactly(
        dir.resolve(SqliteHistory.FILE_NAME) + ": skipped 9 damaged rows of table checks, the first rowid 2:"
            + " a verdict, error kind, status, time or target that sitepulse never writes there");
  }

  @Test
  void aCheckOfATargetTheHistoryDoesNotHaveIsTheDamagedRowNamed() throws Exception {
    Instant t = NOW.minus(Duration.ofHours(1));
    appendUpChecks("a", t, 4);
    changeByHand("UPDATE checks SET target_id = 99 WHERE rowid = 3");

    List<String> warnings = damageWarnings(
        () -> SqliteHistory.openForReading(dir).aggregate(new HistoryQuery(t, NOW, null), 60));

    assertThat(warnings).singleElement().asString()
        .contains("skipped 1 damaged row of table checks, the first rowid 3:");
  }

  private void appendUpChecks(String target, Instant from, int count) {
    try (SqliteHistory h = open()) {
      for (int i = 0; i < count; i++) {
        h.append(check(target, from.plusSeconds(i), Verdict.UP, 200, 10));
      }
    }
  }

  private void changeByHand(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteHistory.FILE_NAME))) {
      c.createStatement().execute(sql);
    }
  }

  private long countByHand(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteHistory.FILE_NAME));
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** What the damage logger said while {@code read} ran. */
  private static List<String> damageWarnings(Runnable read) {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(SqliteHistory.DAMAGE_LOGGER);
    log.start();
    logger.addAppender(log);
    try {
      read.run();
      return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    } finally {
      logger.detachAppender(log);
    }
  }

  @Test
  void aValueChangedByHandThatReadsAsASoundOneIsCountedAsItReads() throws Exception {
    // Testing every row's columns in SQL cost a report 25% more time (see SqliteAggregation):
    // text reads as 0, UP.
    Instant t = NOW.minus(Duration.ofHours(1));
    try (SqliteHistory h = open()) {
      h.append(check("a", t, Verdict.DOWN, 500, 10));
    }
    changeByHand("UPDATE checks SET verdict = 'bad'");

    List<TargetHistory> all = SqliteHistory.openForReading(dir).aggregate(new HistoryQuery(t, NOW, null), 60);

    assertThat(all.get(0).verdicts()).isEqualTo(Map.of(Verdict.UP, 1L));
  }

  @Test
  void aHistoryThatLostATableIsCalledDamagedNamingItNotASqlError() throws Exception {
    Path file = historyWithout("state_changes");

    assertThatThrownBy(() -> SqliteHistory.openForReading(dir))
        .isInstanceOf(HistoryException.class)
        .hasMessage(file + ": a damaged history: it has no table state_changes, which every watch makes; give another --data");
  }

  @Test
  void aHistoryThatLostItsChecksTableIsCalledDamagedNotSomeoneElsesDatabase() throws Exception {
    Path file = historyWithout("checks");

    String damaged = file + ": a damaged history: it has no table checks, which every watch makes; give another --data";
    assertThatThrownBy(() -> SqliteHistory.openForReading(dir)).isInstanceOf(HistoryException.class).hasMessage(damaged);
    assertThatThrownBy(this::open).as("nor is a new, empty table of checks made in it").hasMessage(damaged);
  }

  /** A history of one check that then lost {@code table}, as a hand or a tool may drop it. */
  private Path historyWithout(String table) throws Exception {
    try (SqliteHistory h = open()) {
      h.append(check("a", NOW.minusSeconds(10), Verdict.UP, 200, 1));
    }
    Path file = dir.resolve(SqliteHistory.FILE_NAME);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      c.createStatement().execute("DROP TABLE " + table);
    }
    return file;
  }

  @Test
  void aHistoryDbThatIsAFolderIsSaidToBeOneNotThatThereIsNoHistory() throws Exception {
    Path file = Files.createDirectory(dir.resolve(SqliteHistory.FILE_NAME));

    String folder = file + " is a folder, not a history (sitepulse watch writes a file there)";
    assertThatThrownBy(() -> SqliteHistory.openForReading(dir)).isInstanceOf(HistoryException.class).hasMessage(folder);
    assertThatThrownBy(this::open).isInstanceOf(HistoryException.class).hasMessage(folder);
  }

  @Test
  void aggregateOfOneTargetLeavesTheOthersOut() {
    try (SqliteHistory h = open()) {
      h.append(check("a", NOW.minusSeconds(10), Verdict.UP, 200, 1));
      h.append(check("b", NOW.minusSeconds(10), Verdict.UP, 200, 1));
      h.flush().join();

      assertThat(h.reader().aggregate(new HistoryQuery(Instant.EPOCH, NOW.plusSeconds(1), "b"), 10)).extracting(TargetHistory::target).containsExactly("b");
      assertThat(h.reader().aggregate(new HistoryQuery(Instant.EPOCH, NOW.plusSeconds(1), "nobody"), 10)).isEmpty();
    }
  }

  @Test
  void stateChangesOfAWindowStartWithTheLastChangeBeforeIt() {
    try (SqliteHistory h = open()) {
      h.append(new StateChangeRecord("a", "UNKNOWN", "UP", NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(3))));
      h.append(new StateChangeRecord("a", "UP", "DOWN", NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(2))));
      h.append(new StateChangeRecord("a", "DOWN", "UP", NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(3))));
      h.flush().join();

      List<StateChangeRecord> changes = h.reader().stateChanges(new HistoryQuery(NOW.minus(Duration.ofDays(1)), NOW, null));

      assertThat(changes).extracting(StateChangeRecord::to).containsExactly("DOWN", "UP");
    }
  }

  @Test
  void theLatestCertificateATargetShowedIsTheOneThatCounts() {
    try (SqliteHistory h = open()) {
      Instant oldCert = NOW.plus(Duration.ofDays(3));
      Instant renewed = NOW.plus(Duration.ofDays(90));
      h.append(withCert("a", NOW.minusSeconds(120), oldCert));
      h.append(withCert("a", NOW.minusSeconds(60), renewed));
      h.append(check("plain", NOW.minusSeconds(60), Verdict.UP, 200, 1));
      h.flush().join();

      assertThat(h.reader().latestCertificateExpiry(EVERYTHING)).isEqualTo(Map.of("a", renewed));
    }
  }

  @Test
  void theLatestChecksOfEachTargetComeNewestFirstHoweverOldTheyAre() {
    try (SqliteHistory h = open()) {
      for (int m = 1; m <= 6; m++) {
        h.append(check("a", NOW.minus(Duration.ofDays(20)).plusSeconds(60L * m), Verdict.DOWN, 500, 1));
      }
      h.append(check("b", NOW.minusSeconds(30), Verdict.UP, 200, 1));
      h.append(check("b", NOW.plusSeconds(30), Verdict.UP, 200, 1));
      h.append(new StateChangeRecord("c", "UNKNOWN", "UP", NOW, NOW));
      h.flush().join();

      Map<String, List<CheckTime>> latest = h.reader().latestChecks(NOW, 3);

      Instant a0 = NOW.minus(Duration.ofDays(20));
      assertThat(latest).containsOnlyKeys("a", "b");
      assertThat(latest.get("a")).extracting(CheckTime::at)
          .containsExactly(a0.plusSeconds(360), a0.plusSeconds(300), a0.plusSeconds(240));
      assertThat(latest.get("a")).extracting(CheckTime::took).containsOnly(Duration.ofMillis(1));
      assertThat(latest.get("b")).as("only those before NOW").extracting(CheckTime::at)
          .containsExactly(NOW.minusSeconds(30));
    }
  }

  @Test
  void aCheckThatRetriedIsTakenToLastAllItsAttemptsAndBackOffsNotItsLastAttemptAlone() {
    // Every 10 s, until a check at 100 s times out five times (retries 4) at a 10 s timeout: it
    // lasts 5 x 10 s plus the back-offs 1 + 2 + 4 + 8 s, 65 s, so the next starts at 170 s.
    Instant t0 = NOW.minus(Duration.ofHours(1));
    Phases timedOut = new Phases(0, 0, 0, 0, 0, Duration.ofSeconds(10).toNanos());
    try (SqliteHistory h = open()) {
      for (int s : new int[] {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 170, 180, 190, 200, 210}) {
        h.append(check("a", t0.plusSeconds(s), Verdict.UP, 200, 5));
      }
      h.append(new CheckRecord("a", null, null, t0.plusSeconds(100), Verdict.TIMEOUT, null, 0, timedOut, 0, 5,
          "timed out", null));
      h.flush().join();

      assertThat(h.reader().latestChecks(t0.plusSeconds(101), 1).get("a")).extracting(CheckTime::took)
          .containsExactly(Duration.ofSeconds(65));
      assertThat(h.reader().checkGaps(Map.of("a", t0), NOW, 5)).as("70 s is less than five times 65 s").isEmpty();
    }
  }

  @Test
  void checkGapsAreFoundFromEachTargetsOwnTimeAndMeasuredByTheChecksBeforeIt() {
    Instant t0 = NOW.minus(Duration.ofHours(5));
    try (SqliteHistory h = open()) {
      for (int m : new int[] {0, 1, 2, 3, 4, 5, 125, 126, 127, 240, 241}) {
        h.append(check("a", t0.plus(Duration.ofMinutes(m)), Verdict.UP, 200, 1));
        h.append(check("b", t0.plus(Duration.ofMinutes(m)), Verdict.UP, 200, 1));
      }
      h.append(check("a", NOW.plusSeconds(600), Verdict.UP, 200, 1));
      h.flush().join();

      Map<String, List<CheckGap>> gaps = h.reader().checkGaps(
          Map.of("a", t0.plus(Duration.ofMinutes(60)), "b", t0.plus(Duration.ofMinutes(200)), "none", t0),
          NOW, 5);

      assertThat(gaps).containsOnlyKeys("a", "b");
      assertThat(gaps.get("a")).as("the one across its time counts; none to the check after NOW").containsExactly(
          new CheckGap(t0.plus(Duration.ofMinutes(5)), t0.plus(Duration.ofMinutes(125)), Duration.ofMinutes(1)),
          new CheckGap(t0.plus(Duration.ofMinutes(127)), t0.plus(Duration.ofMinutes(240)), Duration.ofMinutes(1)));
      assertThat(gaps.get("b")).containsExactly(
          new CheckGap(t0.plus(Duration.ofMinutes(127)), t0.plus(Duration.ofMinutes(240)), Duration.ofMinutes(1)));
    }
  }

  @Test
  void aReaderSeesWhetherAWatchIsWritingTheHistory() {
    try (SqliteHistory h = open()) {
      h.append(check("a", NOW, Verdict.UP, 200, 10));
      h.flush().join();

      assertThat(h.reader().watchRunning()).isTrue();
      assertThat(SqliteHistory.openForReading(dir).watchRunning()).isTrue();
    }
    HistoryReader reader = SqliteHistory.openForReading(dir);
    assertThat(reader.watchRunning()).isFalse();
    try (SqliteHistory again = open()) {
      assertThat(reader.watchRunning()).as("asked of the same reader again").isTrue();
    }
  }

  @Test
  void aHistoryItsWatchClosedIsLeftInRollbackModeForReadersWhoMayNotWriteItsFolder() throws Exception {
    // Reading a database in WAL mode needs its -shm file, which only one who may write the folder
    // can make: a report run by another user than the watch's, once the watch stopped, could not.
    try (SqliteHistory h = open()) {
      h.append(check("a", NOW, Verdict.UP, 200, 10));
    }

    assertThat(journalMode()).isEqualTo("rollback");
    assertThat(HistoryCounts.checks(SqliteHistory.openForReading(dir), EVERYTHING)).isEqualTo(1);
    assertThat(dir.resolve("history.db-shm")).as("made by the reader").doesNotExist();
    try (SqliteHistory again = open()) {
      assertThat(journalMode()).as("while a watch writes, so that reports read meanwhile").isEqualTo("WAL");
      again.append(check("a", NOW.minusSeconds(1), Verdict.UP, 200, 10));
      again.flush().join();
      assertThat(HistoryCounts.checks(SqliteHistory.openForReading(dir), EVERYTHING)).isEqualTo(2);
    }
  }

  /** As the file's header says: its bytes 18 and 19 are 2 in WAL mode, 1 in rollback mode. */
  private String journalMode() throws Exception {
    try (var in = Files.newInputStream(dir.resolve("history.db"))) {
      return in.readNBytes(20)[18] == 2 ? "WAL" : "rollback";
    }
  }

  @Test
  void readingAFolderWithoutHistoryFailsNamingTheFile() {
    assertThatThrownBy(() -> SqliteHistory.openForReading(dir.resolve("nothing")))
        .isInstanceOf(HistoryException.class)
        .hasMessageContaining("history.db").hasMessageContaining("no history here");
  }

  @Test
  void theLastAlertOfEachTargetIsItsLatestDeliveryDeliveredOrNot() {
    try (SqliteHistory history = open()) {
      history.append(check("a", NOW.minusSeconds(60), Verdict.DOWN, 500, 5));
      history.append(check("b", NOW.minusSeconds(60), Verdict.DOWN, 500, 5));
      history.append(new DeliveryRecord("a", NOW.minusSeconds(50), "CHANGE", "http://hook/", true, 1, null));
      history.append(new DeliveryRecord("a", NOW.minusSeconds(20), "REMINDER", "http://hook/", false, 3, "HTTP 500"));
      history.append(new DeliveryRecord("b", NOW.minusSeconds(40), "CHANGE", "http://hook/", true, 1, null));
    }

    assertThat(SqliteHistory.openForReading(dir).lastAlerts())
        .containsExactlyInAnyOrderEntriesOf(Map.of("a", NOW.minusSeconds(20), "b", NOW.minusSeconds(40)));
  }

  @Test
  void anAlertReplacedBeforeItWasSentIsKeptButIsNoFailedDelivery() throws Exception {
    try (SqliteHistory history = open()) {
      history.append(new DeliveryRecord("a", NOW.minusSeconds(50), "CHANGE", "http://hook/", false, 0,
          "not sent: replaced", true));
      history.append(new DeliveryRecord("a", NOW.minusSeconds(20), "CHANGE", "http://hook/", false, 3, "HTTP 500"));
    }

    assertThat(SqliteHistory.openForReading(dir).failedDeliveries(EVERYTHING))
        .extracting(DeliveryRecord::error).containsExactly("HTTP 500");
    assertThat(countByHand("SELECT count(*) FROM deliveries WHERE replaced = 1")).as("kept, as replaced").isOne();
  }

  @Test
  void aHistoryOfAnEarlierVersionWithoutReplacedDeliveriesIsReadAsItIsAndAWatchAddsThem() throws Exception {
    appendUpChecks("a", NOW.minusSeconds(60), 2);
    try (SqliteHistory history = open()) {
      history.append(new DeliveryRecord("a", NOW.minusSeconds(50), "CHANGE", "http://hook/", false, 3, "HTTP 500"));
    }
    changeByHand("ALTER TABLE deliveries DROP COLUMN replaced"); // as versions before 2026-12-06 made it

    assertThat(SqliteHistory.openForReading(dir).failedDeliveries(EVERYTHING))
        .extracting(DeliveryRecord::error).containsExactly("HTTP 500");
    try (SqliteHistory history = open()) {
      history.append(new DeliveryRecord("a", NOW.minusSeconds(40), "CHANGE", "http://hook/", false, 0,
          "not sent: replaced", true));
    }
    assertThat(SqliteHistory.openForReading(dir).failedDeliveries(EVERYTHING))
        .extracting(DeliveryRecord::error).containsExactly("HTTP 500");
  }

  @Test
  void aHistoryOfAnEarlierVersionWithoutPendingAlertsIsReadAsItIsAndAWatchAddsThem() throws Exception {
    appendUpChecks("a", NOW.minusSeconds(60), 2);
    changeByHand("DROP TABLE pending_alerts"); // as versions before 2026-12-07 made it

    assertThat(SqliteHistory.openForReading(dir).pendingAlerts()).isEmpty();
    PendingAlertRecord pending = new PendingAlertRecord("a", "http://a/", "", "CHANGE", "UP", "DOWN",
        NOW.minusSeconds(30), NOW.minusSeconds(30), null, "DOWN", 500, "condition failed", false);
    try (SqliteHistory history = open()) {
      history.append(pending);
    }
    assertThat(SqliteHistory.openForReading(dir).pendingAlerts()).containsExactly(pending);
  }

  @Test
  void eachTargetKeepsTheLastIntervalAWatchRecordedForIt() {
    try (SqliteHistory history = open()) {
      history.append(new IntervalRecord("a", "http://a/", "web", Duration.ofSeconds(10)));
      history.append(check("a", NOW.minusSeconds(60), Verdict.UP, 200, 5));
      history.append(new IntervalRecord("a", "http://a/", "web", Duration.ofMinutes(1)));
      history.append(check("b", NOW.minusSeconds(60), Verdict.UP, 200, 5));
    }

    assertThat(SqliteHistory.openForReading(dir).targets()).containsExactly(
        new TargetInfo("a", "http://a/", "web", Duration.ofMinutes(1)), new TargetInfo("b", "b", "", null));
  }

  @Test
  void aHistoryOfAnEarlierVersionWithoutIntervalsIsReadAsItIsAndAWatchAddsThem() throws Exception {
    appendUpChecks("a", NOW.minusSeconds(60), 2);
    changeByHand("ALTER TABLE targets DROP COLUMN interval_ms"); // as versions before 2026-12-05 made it

    assertThat(SqliteHistory.openForReading(dir).targets()).containsExactly(new TargetInfo("a", "a", "", null));
    try (SqliteHistory history = open()) {
      history.append(new IntervalRecord("a", null, null, Duration.ofSeconds(30)));
    }
    assertThat(SqliteHistory.openForReading(dir).targets())
        .containsExactly(new TargetInfo("a", "a", "", Duration.ofSeconds(30)));
  }

  @Test
  void anEmptyHistoryFileIsNoHistoryNotAReadOnlyDatabase() throws Exception {
    Files.createFile(dir.resolve("history.db"));

    assertThatThrownBy(() -> SqliteHistory.openForReading(dir))
        .isInstanceOf(HistoryException.class)
        .hasMessage(dir.resolve("history.db") + ": no history here (sitepulse watch writes it)");
  }

  @Test
  void someoneElsesDatabaseIsNeitherReadNorWrittenAsAHistory() throws Exception {
    Path file = dir.resolve("history.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      c.createStatement().execute("CREATE TABLE notes (text TEXT)");
    }

    assertThatThrownBy(() -> SqliteHistory.openForReading(dir))
        .hasMessage(file + ": not a sitepulse history (its tables: notes)");
    assertThatThrownBy(this::open)
        .hasMessage(file + " is not a sitepulse history (its tables: notes); give watch a --data folder of its own");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM sqlite_master")) {
      assertThat(rs.getInt(1)).as("nothing added").isEqualTo(1);
    }
  }

  @Test
  void anEmptyFileBecomesAHistoryForWatch() throws Exception {
    Files.createFile(dir.resolve("history.db"));

    try (SqliteHistory history = open()) {
      history.append(check("a", NOW, Verdict.UP, 200, 5));
    }

    assertThat(SqliteHistory.openForReading(dir).targets()).extracting(TargetInfo::name).containsExactly("a");
  }

  @Test
  void aHistoryOfAnOlderSchemaTakesThisOnesOnceAWatchWritesToIt() throws Exception {
    Path file = writtenWithSchema(1);

    open().close();

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertThat(SqliteSchema.version(c)).as("its rows may now hold codes an older sitepulse does not know")
          .isEqualTo(SqliteSchema.VERSION);
    }
  }

  @Test
  void aHistoryOfANewerSchemaIsRefusedRatherThanWrittenToInVain() throws Exception {
    Path file = writtenWithSchema(3);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      // As a later sitepulse might: a column of its own.
      c.createStatement().execute("ALTER TABLE checks ADD COLUMN region TEXT NOT NULL DEFAULT 'eu'");
    }

    String why = file + " is a history of schema 3, written by a newer sitepulse; this one knows schema 2";
    assertThatThrownBy(this::open).isInstanceOf(HistoryException.class)
        .hasMessage(why);
    assertThatThrownBy(() -> SqliteHistory.openForReading(dir)).isInstanceOf(HistoryException.class)
        .hasMessage(why);
  }

  /** A history with a check, then marked as of schema {@code version}. */
  private Path writtenWithSchema(int version) throws Exception {
    try (SqliteHistory history = open()) {
      history.append(check("a", NOW, Verdict.UP, 200, 5));
    }
    Path file = dir.resolve("history.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      c.createStatement().execute("UPDATE meta SET value = '" + version + "' WHERE key = 'schema_version'");
    }
    return file;
  }

  @Test
  void aHistoryThatIsNoLongerADatabaseWhenReadIsSaidSoInWordsAsWhenOpened() throws Exception {
    try (SqliteHistory h = open()) {
      h.append(check("a", NOW, Verdict.UP, 200, 5));
    }
    HistoryReader reader = SqliteHistory.openForReading(dir);
    Path file = dir.resolve(SqliteHistory.FILE_NAME);
    Files.writeString(file, "replaced by something else ".repeat(200));
    String why = file + ": not an SQLite database";

    assertThatThrownBy(reader::targets).isInstanceOf(HistoryException.class).hasMessage(why);
    assertThatThrownBy(() -> SqliteHistory.openForReading(dir)).isInstanceOf(HistoryException.class).hasMessage(why);
  }

  private static CheckRecord withCert(String target, Instant at, Instant notAfter) {
    return new CheckRecord(target, "https://" + target, "", at, Verdict.UP, null, 200,
        new Phases(0, 0, 0, 0, 0, 1_000_000), 10, 1, null, notAfter);
  }
}
