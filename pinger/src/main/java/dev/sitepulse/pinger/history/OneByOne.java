package dev.sitepulse.pinger.history;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A batch that failed, written again a record at a time, once, to tell a record that fails on its
 * own (a value SQLite rejects, a record its maker got wrong), which would otherwise hold every
 * later one back for good, from a file that takes none (a full disk, a lock held elsewhere).
 */
final class OneByOne {

  /** Records tried in a row that all failed, with none written before them, taken for a file that takes none. */
  static final int TRIED_WITHOUT_ONE_WRITTEN = 10;

  /** SQLite's primary result codes (sqlite3.h) of a failure a record may cause on its own. */
  private static final int SQLITE_TOOBIG = 18;
  private static final int SQLITE_CONSTRAINT = 19;
  private static final int SQLITE_MISMATCH = 20;
  private static final int SQLITE_RANGE = 25;

  private OneByOne() {}

  /** A record given up on, and why its write failed. */
  record Rejected(HistoryRecord record, Exception why) {}

  /**
   * @param writtenAt the indexes in the batch of the records written
   * @param rejected those that failed while a record after them was written: the file takes
   *     records, just not these, which are dropped
   * @param kept those that failed after the last one written, and those not tried: what failed
   *     may be the file, so they are kept for a retry of the whole
   */
  record Outcome(BitSet writtenAt, List<Rejected> rejected, List<HistoryRecord> kept) {
    /** A batch written whole. */
    static Outcome all(int size) {
      BitSet all = new BitSet(size);
      all.set(0, size);
      return new Outcome(all, List.of(), List.of());
    }

    /** A batch kept whole for the retry. */
    static Outcome none(List<HistoryRecord> batch) {
      return new Outcome(new BitSet(), List.of(), batch);
    }
  }

  /**
   * Whether a write's failure may be a record's own: an unchecked exception (a record its maker got
   * wrong), or SQLite's CONSTRAINT, MISMATCH, TOOBIG or RANGE. Others (BUSY past the 10 s wait, FULL,
   * IOERR, READONLY…) are the file's: tried record by record, each would fail, or wait 10 s.
   */
  static boolean mayBeTheRecord(Exception e) {
    if (!(e instanceof SQLException sql)) {
      return true;
    }
    int primary = sql.getErrorCode() & 0xff;
    return primary == SQLITE_CONSTRAINT || primary == SQLITE_MISMATCH || primary == SQLITE_TOOBIG
        || primary == SQLITE_RANGE;
  }

  static Outcome write(SqliteWriter writer, List<HistoryRecord> batch) {
    BitSet writtenAt = new BitSet(batch.size());
    List<Rejected> rejected = new ArrayList<>();
    List<Rejected> failedSinceLastWritten = new ArrayList<>();
    int last = batch.size() - 1;
    boolean probed = false;
    int i = 0;
    for (; i <= last; i++) {
      if (i < last && !probed && writtenAt.isEmpty() && failedSinceLastWritten.size() == TRIED_WITHOUT_ONE_WRITTEN) {
        // As many failed as a full disk would fail, or the first records are all bad (a target whose
        // every record is): the newest tells, and a file that takes nothing is not tried record by record.
        // Only tried, then rolled back: written now, it would go in before older records (a settle
        // before the alert's insert, an older state change after it), so it waits for its turn.
        probed = true;
        if (tried(writer, batch.get(last)) != null) {
          break;
        }
      }
      Exception why = written(writer, batch.get(i));
      if (why != null && !mayBeTheRecord(why)) {
        failedSinceLastWritten.add(new Rejected(batch.get(i++), why));
        break; // the file's trouble, not this record's: what is left waits for the retry
      }
      if (why == null) {
        writtenAt.set(i);
        rejected.addAll(failedSinceLastWritten);
        failedSinceLastWritten.clear();
      } else {
        failedSinceLastWritten.add(new Rejected(batch.get(i), why));
      }
    }
    List<HistoryRecord> kept = new ArrayList<>();
    failedSinceLastWritten.forEach(f -> kept.add(f.record()));
    kept.addAll(batch.subList(i, batch.size()));
    return new Outcome(writtenAt, rejected, kept);
  }

  /** Null once {@code r} is written in a transaction of its own, else why it was not. */
  private static Exception written(SqliteWriter writer, HistoryRecord r) {
    return failure(() -> writer.write(List.of(r)));
  }

  /** Null when {@code r} would be written, else why not; either way the file is left as it was. */
  private static Exception tried(SqliteWriter writer, HistoryRecord r) {
    return failure(() -> writer.tryWrite(List.of(r)));
  }

  private interface Write {
    void run() throws SQLException;
  }

  private static Exception failure(Write write) {
    try {
      write.run();
      return null;
    } catch (SQLException | RuntimeException e) {
      return e;
    }
  }

  /** What the record is, in a log line's words. */
  static String what(HistoryRecord r) {
    if (r instanceof CheckRecord) {
      return "a check";
    } else if (r instanceof StateChangeRecord) {
      return "a state change";
    } else if (r instanceof DeliveryRecord) {
      return "an alert delivery";
    } else if (r instanceof IntervalRecord) {
      return "an interval";
    }
    return "a pending alert";
  }
}
