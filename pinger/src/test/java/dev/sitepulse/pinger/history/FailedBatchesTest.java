package dev.sitepulse.pinger.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sitepulse.pinger.Verdict;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A batch the history could not write is kept and written later, once, as a whole; but a record
 * that fails on its own is dropped, and so are the oldest checks waiting past the cap.
 */
class FailedBatchesTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final HistoryQuery EVERYTHING = new HistoryQuery(Instant.EPOCH, NOW.plusSeconds(1), null);

  @TempDir Path dir;

  private SqliteHistory open() {
    return SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void aBatchWhoseRecordsFailedToGoInIsWrittenOnceWhenTheWriteSucceeds() throws Exception {
    try (SqliteHistory h = open()) {
      breakInserts("checks"); // every record, as a full disk would: none fails on its own
      breakInserts("state_changes");
      breakInserts("deliveries");
      h.append(CheckRecord.of("a", NOW.minusSeconds(10), Verdict.DOWN, 500, 5));
      h.append(new StateChangeRecord("a", "UP", "DOWN", NOW.minusSeconds(10), NOW.minusSeconds(10)));
      h.append(new DeliveryRecord("a", NOW.minusSeconds(9), "CHANGE", "http://hook/", false, 3, "HTTP 500"));
      h.flush().join();
      assertThat(h.written()).as("the first write failed").isZero();

      mend();
      h.flush().join();

      assertThat(h.written()).isEqualTo(3);
      assertThat(HistoryCounts.checks(h.reader(), EVERYTHING)).isOne();
      assertThat(h.reader().stateChanges(EVERYTHING)).hasSize(1);
      assertThat(h.reader().failedDeliveries(EVERYTHING)).hasSize(1);
    }
  }

  @Test
  void checksQueuedBeforeANewTargetFailedToBeMadeAreWrittenOnceWhenTheWriteSucceeds() throws Exception {
    try (SqliteHistory h = open()) {
      h.append(CheckRecord.of("a", NOW.minusSeconds(20), Verdict.UP, 200, 5));
      h.flush().join();
      breakInserts("targets");
      h.append(CheckRecord.of("a", NOW.minusSeconds(10), Verdict.UP, 200, 5));
      h.append(CheckRecord.of("b", NOW.minusSeconds(10), Verdict.UP, 200, 5));
      h.flush().join();
      assertThat(h.written()).as("the second write failed").isOne();

      mend();
      h.flush().join();

      assertThat(HistoryCounts.checks(h.reader(), EVERYTHING)).isEqualTo(3);
    }
  }

  @Test
  void aWriteWhoseTransactionTheFileEndedIsNamedForWhatEndedItAndWrittenWithItsTargetsOnceItGoes() throws Exception {
    ListAppender<ILoggingEvent> log = listening();
    try (SqliteHistory h = open()) {
      // SQLite rolls back the whole transaction itself on a full disk (SQLITE_FULL), as RAISE(ROLLBACK) does.
      breakInserts("checks", "ROLLBACK");
      h.append(CheckRecord.of("a", NOW.minusSeconds(10), Verdict.DOWN, 500, 5));
      h.flush().join();
      assertThat(h.written()).as("the first write failed").isZero();

      mend();
      h.append(CheckRecord.of("a", NOW, Verdict.DOWN, 500, 5));
      h.flush().join();

      assertThat(h.written()).isEqualTo(2);
      assertThat(h.reader().aggregate(EVERYTHING, 1)).as("the checks' target went in with them")
          .extracting(TargetHistory::target, TargetHistory::checks).containsExactly(tuple("a", 2L));
    } finally {
      stopListening(log);
    }
    assertThat(log.list).filteredOn(e -> e.getLevel() == Level.ERROR).extracting(ILoggingEvent::getFormattedMessage)
        .singleElement().asString().contains("disk is full").doesNotContain("cannot rollback");
  }

  @Test
  void aRetentionWhoseTransactionTheFileEndedLeavesTheWritesAfterItInTransactionsOfTheirOwn() throws Exception {
    // Kept for 60 days here: with 30, the retention this open starts could delete it as soon as written.
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(60), Clock.fixed(NOW, ZoneOffset.UTC))) {
      h.append(CheckRecord.of("a", NOW.minus(Duration.ofDays(31)), Verdict.UP, 200, 5));
    }
    sql("CREATE TRIGGER full_on_delete BEFORE DELETE ON checks"
        + " BEGIN SELECT RAISE(ROLLBACK, 'database or disk is full'); END");
    try (SqliteHistory h = open()) {
      assertThatThrownBy(h::enforceRetention).isInstanceOf(HistoryException.class);
      h.append(CheckRecord.of("b", NOW, Verdict.UP, 200, 5));
      h.flush().join();

      assertThat(h.backlog()).as("written, not kept to be written again").isZero();
      assertThat(h.reader().aggregate(EVERYTHING, 1)).extracting(TargetHistory::target, TargetHistory::checks)
          .containsExactlyInAnyOrder(tuple("a", 1L), tuple("b", 1L));
    }
  }

  @Test
  void aRecordThatFailsOnItsOwnIsDroppedWithOneErrorWhileTheOthersAreWritten() {
    ListAppender<ILoggingEvent> log = listening();
    SqliteHistory h = open();
    try (h) {
      h.append(CheckRecord.of("a", NOW.minusSeconds(10), Verdict.DOWN, 500, 5));
      h.append(new StateChangeRecord("a", "UP", "DOWN", null, null)); // no time: a bug of its maker
      h.flush().join();
      assertThat(h.backlog()).as("kept: no record after it went in, so it may be the file").isOne();
      h.append(CheckRecord.of("a", NOW, Verdict.DOWN, 500, 5));
      h.flush().join();

      assertThat(h.backlog()).as("held back no longer").isZero();
      assertThat(h.written()).isEqualTo(2);
      assertThat(HistoryCounts.checks(h.reader(), EVERYTHING)).isEqualTo(2);
    } finally {
      stopListening(log);
    }
    assertThat(h.lost()).isOne();
    assertThat(log.list).filteredOn(e -> e.getLevel() == Level.ERROR).extracting(ILoggingEvent::getFormattedMessage)
        .filteredOn(m -> m.contains("dropped")).singleElement().asString()
        .startsWith("history " + dir.resolve(SqliteHistory.FILE_NAME) + ": dropped a state change of target a,"
            + " which could not be written while the records after it were: ");
  }

  @Test
  void moreBadRecordsInARowThanAreTriedBeforeOneGoesInAreDroppedAllTheSame() {
    SqliteHistory h = open();
    try (h) {
      for (int i = 0; i <= OneByOne.TRIED_WITHOUT_ONE_WRITTEN; i++) { // a target whose every record is bad
        h.append(new StateChangeRecord("a", "UP", "DOWN", null, null));
      }
      h.append(CheckRecord.of("b", NOW, Verdict.UP, 200, 5));
      h.flush().join();

      assertThat(h.written()).as("the newest, tried when the first all failed").isOne();
      assertThat(h.backlog()).isZero();
    }
    assertThat(h.lost()).isEqualTo(OneByOne.TRIED_WITHOUT_ONE_WRITTEN + 1);
  }

  @Test
  void theNewestTriedWhenTheFirstAllFailedIsWrittenInItsTurnAfterThoseBeforeIt() {
    try (SqliteHistory h = open()) {
      for (int i = 0; i < OneByOne.TRIED_WITHOUT_ONE_WRITTEN; i++) { // a target whose every record is bad
        h.append(new StateChangeRecord("a", "UP", "DOWN", null, null));
      }
      h.append(new StateChangeRecord("b", "UP", "DOWN", NOW.minusSeconds(10), NOW.minusSeconds(10)));
      h.append(new StateChangeRecord("b", "DOWN", "UP", NOW, NOW)); // the newest
      h.flush().join();

      assertThat(h.written()).isEqualTo(2);
      assertThat(h.reader().lastStates().get("b").to()).as("the last written is the newest").isEqualTo("UP");
    }
  }

  @Test
  void anAlertSettledByTheNewestTriedWhenTheFirstAllFailedIsNotLeftPending() {
    try (SqliteHistory h = open()) {
      for (int i = 0; i < OneByOne.TRIED_WITHOUT_ONE_WRITTEN; i++) {
        h.append(new StateChangeRecord("a", "UP", "DOWN", null, null));
      }
      h.append(pending(false));
      h.append(pending(true)); // the newest: its delete must come after the insert
      h.flush().join();

      assertThat(h.reader().pendingAlerts()).as("no alert to send again at the next start").isEmpty();
    }
  }

  private static PendingAlertRecord pending(boolean settled) {
    return new PendingAlertRecord("b", "http://b/", "", "CHANGE", "UP", "DOWN", NOW, NOW, null, "DOWN", 500,
        "HTTP 500", settled);
  }

  @Test
  void aFileThatTakesNoRecordKeepsEveryOneForTheRetryThoughTriedOneByOne() throws Exception {
    try (SqliteHistory h = open()) {
      breakInserts("checks");
      for (int i = 0; i < 30; i++) { // more than are tried one by one
        h.append(CheckRecord.of("a", NOW.minusSeconds(i), Verdict.UP, 200, 5));
      }
      h.flush().join();
      h.flush().join();
      assertThat(h.backlog()).isEqualTo(30);

      mend();
      h.flush().join();

      assertThat(h.written()).isEqualTo(30);
      assertThat(h.lost()).isZero();
    }
  }

  @Test
  void pastTheCapTheOldestWaitingAreDroppedAndCountedInOneWarningOnceWritingGoesOn() throws Exception {
    ListAppender<ILoggingEvent> log = listening();
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC), 3)) {
      breakInserts("checks");
      for (int i = 5; i > 0; i--) {
        h.append(CheckRecord.of("a", NOW.minusSeconds(i), Verdict.UP, 200, 5));
      }
      assertThat(h.backlog()).isEqualTo(3);
      assertThat(h.lost()).isEqualTo(2);

      mend();
      h.flush().join();

      assertThat(h.written()).isEqualTo(3);
    } finally {
      stopListening(log);
    }
    assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("history " + dir.resolve(SqliteHistory.FILE_NAME)
            + ": dropped 2 records waiting to be written, the oldest checks first, as more than 3 waited");
  }

  @Test
  void pastTheCapTheOldestCheckIsDroppedBeforeAnOlderStateChange() throws Exception {
    try (SqliteHistory h = SqliteHistory.open(dir, Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC), 3)) {
      breakInserts("checks");
      h.append(new StateChangeRecord("a", "UP", "DOWN", NOW.minusSeconds(9), NOW.minusSeconds(9)));
      for (int i = 3; i > 0; i--) {
        h.append(CheckRecord.of("a", NOW.minusSeconds(i), Verdict.DOWN, 500, 5));
      }
      assertThat(h.lost()).isOne();

      mend();
      h.flush().join();

      assertThat(h.reader().lastStates().get("a")).as("a state change dropped would leave a wrong state")
          .isNotNull();
      assertThat(HistoryCounts.checks(h.reader(), EVERYTHING)).isEqualTo(2);
    }
  }

  @Test
  void writesThatKeepFailingAreLoggedOnceAndOnceMoreWhenTheyGoAgain() throws Exception {
    ListAppender<ILoggingEvent> log = listening();
    try (SqliteHistory h = open()) {
      breakInserts("checks");
      h.append(CheckRecord.of("a", NOW.minusSeconds(10), Verdict.DOWN, 500, 5));
      h.flush().join();
      h.append(CheckRecord.of("a", NOW, Verdict.DOWN, 500, 5));
      h.flush().join();
      h.flush().join();
      mend();
      h.flush().join();
    } finally {
      stopListening(log);
    }

    Path file = dir.resolve(SqliteHistory.FILE_NAME);
    assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO)) // whatever the level set
        .extracting(e -> e.getLevel() + " " + e.getFormattedMessage()).containsExactly(
        "ERROR history " + file + ": cannot write 1 records, will retry every 250 ms until it can:"
            + " [SQLITE_CONSTRAINT_TRIGGER] A RAISE function within a trigger fired, causing the SQL statement to"
            + " abort (disk I/O error)",
        "INFO history " + file + ": writing again; the 2 records held back are written");
  }

  private static ListAppender<ILoggingEvent> listening() {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    ((Logger) LoggerFactory.getLogger(SqliteHistory.class)).addAppender(log);
    return log;
  }

  private static void stopListening(ListAppender<ILoggingEvent> log) {
    ((Logger) LoggerFactory.getLogger(SqliteHistory.class)).detachAppender(log);
  }

  /** Makes inserts into {@code table} fail, as a full disk would, until {@link #mend}. */
  private void breakInserts(String table) throws SQLException {
    breakInserts(table, "ABORT");
  }

  /** As {@link #breakInserts(String)}, ending the statement as {@code raise} does: ROLLBACK ends its transaction too. */
  private void breakInserts(String table, String raise) throws SQLException {
    String error = raise.equals("ROLLBACK") ? "database or disk is full" : "disk I/O error";
    sql("CREATE TABLE IF NOT EXISTS broken (x)");
    sql("CREATE TRIGGER broken_" + table + " BEFORE INSERT ON " + table
        + " WHEN EXISTS (SELECT 1 FROM broken) BEGIN SELECT RAISE(" + raise + ", '" + error + "'); END");
    sql("INSERT INTO broken VALUES (1)");
  }

  private void mend() throws SQLException {
    sql("DELETE FROM broken");
  }

  private void sql(String sql) throws SQLException {
    try (Connection c = HistoryFolder.connect(dir.resolve(SqliteHistory.FILE_NAME), false)) {
      c.createStatement().execute(sql);
    }
  }
}
