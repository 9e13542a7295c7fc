package dev.sitepulse.pinger.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures of a batch are worth trying record by record: SQLite's codes, as sqlite-jdbc gives them. */
class OneByOneTest {

  @Test
  void aConstraintOrAValueSqliteRefusesOrABugOfTheRecordsMakerMayBeTheRecords() {
    assertThat(OneByOne.mayBeTheRecord(new SQLException("[SQLITE_CONSTRAINT_TRIGGER]", null, 19))).isTrue();
    assertThat(OneByOne.mayBeTheRecord(new SQLException("[SQLITE_MISMATCH]", null, 20))).isTrue();
    assertThat(OneByOne.mayBeTheRecord(new SQLException("[SQLITE_TOOBIG]", null, 18))).isTrue();
    assertThat(OneByOne.mayBeTheRecord(new NullPointerException())).isTrue();
  }

  @Test
  void aLockedFullOrFailingFileIsNotTriedRecordByRecord() {
    assertThat(OneByOne.mayBeTheRecord(new SQLException("[SQLITE_BUSY]", null, 5)))
        .as("each record would wait out the 10 s busy timeout").isFalse();
    assertThat(OneByOne.mayBeTheRecord(new SQLException("[SQLITE_FULL]", null, 13))).isFalse();
    assertThat(OneByOne.mayBeTheRecord(new SQLException("[SQLITE_IOERR_WRITE]", null, 778 & 0xff))).isFalse();
  }
}
