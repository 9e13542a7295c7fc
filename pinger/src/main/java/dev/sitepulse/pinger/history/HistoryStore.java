package dev.sitepulse.pinger.history;

import java.util.concurrent.CompletableFuture;

/**
 * Where {@code watch} keeps what it saw. Appends never block: they are queued and written in
 * batches on the store's own thread. {@link SqliteHistory} is the one implementation so far; a
 * server database would be another.
 */
public interface HistoryStore extends AutoCloseable {

  /**
   * Queues a record for the next batch; never blocks. A store may bound its queue, dropping the
   * oldest waiting past its cap (checks before the rest), and counts what it drops as
   * {@linkplain #lost() lost}.
   */
  void append(HistoryRecord record);

  /** Records queued and not yet written. */
  int backlog();

  /** Records written since the store was opened. */
  long written();

  /** Of those, the check results: what a user counts, without intervals, state changes and deliveries. */
  long checksWritten();

  /**
   * Records that will never be written: those the file still refused at close, or appended after
   * it, one that failed on its own while others went in, and those dropped past the queue's cap.
   */
  long lost();

  /** Completes when everything appended before the call is written. */
  CompletableFuture<Void> flush();

  /** The queries over what this store holds; they see a record once it is written ({@link #flush}). */
  HistoryReader reader();

  /** Deletes what is older than the retention; returns how many checks went. Blocks. */
  long enforceRetention();

  /** Writes what is queued and closes; appends after this are lost. */
  @Override
  void close();
}
