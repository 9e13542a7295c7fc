package dev.sitepulse.pinger.history;

import dev.sitepulse.pinger.DataDirLock;
import dev.sitepulse.pinger.Threads;
import dev.sitepulse.pinger.config.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history in one SQLite file, {@code DIR/history.db}, in WAL mode so reports read while watch
 * writes. Appends queue up and one daemon thread writes them in batches, a transaction each: every
 * {@link #FLUSH_EVERY} or as soon as {@link #BATCH} are waiting. The same thread deletes what is
 * older than the retention, at open and then {@link #RETENTION_EVERY}. One writer per folder: it
 * holds {@code DIR/watch.lock} until closed, while readers ({@link #openForReading}) take no lock.
 * At most {@link #MAX_QUEUED} records wait; past that the oldest check waiting is dropped (the
 * oldest record when no check waits).
 */
public final class SqliteHistory implements HistoryStore {

  public static final String FILE_NAME = "history.db";
  /** Names the folder's lock file, {@code watch.lock}. */
  static final String LOCK_USER = "watch";
  /** Says, also without -v, which rows of a history changed by hand a reader skipped. */
  public static final String DAMAGE_LOGGER = "sitepulse.history";
  public static final int BATCH = 500;
  public static final Duration FLUSH_EVERY = Duration.ofMillis(250);
  public static final Duration RETENTION_EVERY = Duration.ofHours(1);
  /**
   * The most records that wait to be written (with a batch that failed), about 40 MB: twice the
   * backlog at which a watch skips its checks, so that it skips them first; this bounds what it
   * does not stop, and a store used otherwise.
   */
  public static final int MAX_QUEUED = 200_000;

  private static final Logger log = LoggerFactory.getLogger(SqliteHistory.class);

  private final Path file;
  private final NewHistoryFiles made;
  private final DataDirLock lock;
  private final Duration retention;
  private final Clock clock;
  private final int maxQueued;
  private final ScheduledExecutorService writerThread;
  private final SqliteWriter writer;
  private final SqliteReader reader;
  private final ConcurrentLinkedQueue<HistoryRecord> queue = new ConcurrentLinkedQueue<>();
  /** Records appended and neither written nor lost yet: those queued, those to retry, and a batch being written. */
  private final AtomicInteger queued = new AtomicInteger();
  /**
   * Records dropped past {@link #maxQueued} since it was last said: once writing has brought the
   * backlog down to half the cap, or at close, so one line says a run of drops.
   */
  private final AtomicLong droppedPastCap = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong checksWritten = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();
  private final AtomicBoolean drainPending = new AtomicBoolean();
  /**
   * Guards {@link #closed} against an append that checked it and has not queued yet: such a
   * record would be counted neither written nor lost, and its drain sent to a stopped thread.
   */
  private final Object closing = new Object();
  private boolean closed;
  /** Records whose batch failed; they go first in the next one. Writer thread only. */
  private final List<HistoryRecord> retry = new ArrayList<>();
  /** Whether the last batch failed, so that a run of failures is logged once. Writer thread only. */
  private boolean failing;
  private final List<ScheduledFuture<?>> periodic = new ArrayList<>();
  /** The file and the lock as opened, to tell them from others put at their paths; null where the OS has no keys. */
  private final Object fileKey;
  private final Object lockKey;
  /** Completed, with why, once the file or the lock is no longer at its path. */
  private final CompletableFuture<String> gone = new CompletableFuture<>();

  private SqliteHistory(Path file, DataDirLock lock, Duration retention, Clock clock, int maxQueued,
      Connection connection, NewHistoryFiles made) throws SQLException {
    this.file = file;
    this.made = made;
    this.lock = lock;
    this.retention = retention;
    this.clock = clock;
    this.maxQueued = maxQueued;
    this.writer = new SqliteWriter(connection);
    this.fileKey = fileKey(file).orElse(null);
    this.lockKey = fileKey(lockFile(file.getParent())).orElse(null);
    this.reader = new SqliteReader(file);
    this.writerThread = Executors.newSingleThreadScheduledExecutor(
        Threads.daemonNamed("sitepulse-history"));
    long every = FLUSH_EVERY.toMillis();
    periodic.add(writerThread.scheduleWithFixedDelay(this::drain, every, every, TimeUnit.MILLISECONDS));
    periodic.add(writerThread.scheduleAtFixedRate(
        this::retentionQuietly, 0, RETENTION_EVERY.toMillis(), TimeUnit.MILLISECONDS));
  }

  /** What opening it made that was not there, for a start that fails after it to take back once it is closed. */
  public NewHistoryFiles made() {
    return made;
  }

  /**
   * Opens the history in {@code dir}, making the folder and the file if needed; a failure takes
   * back what it made.
   *
   * @throws HistoryException {@linkplain HistoryException#inUse() in use} when another writer has
   *     the folder open, from this process or another
   */
  public static SqliteHistory open(Path dir, Duration retention, Clock clock) {
    return open(dir, retention, clock, MAX_QUEUED);
  }

  /** As {@link #open(Path, Duration, Clock)}, with at most {@code maxQueued} records waiting: for tests. */
  static SqliteHistory open(Path dir, Duration retention, Clock clock, int maxQueued) {
    return HistoryFolder.openForWriting(dir,
        (file, lock, connection, made) -> new SqliteHistory(file, lock, retention, clock, maxQueued, connection, made));
  }

  /** The file a writer locks {@code dir} with while it has the history open. */
  public static Path lockFile(Path dir) {
    return DataDirLock.file(dir, LOCK_USER);
  }

  /** Reads an existing history without writing to it; fails when there is none. */
  public static HistoryReader openForReading(Path dir) {
    return HistoryFolder.openForReading(dir);
  }

  public Path file() {
    return file;
  }

  @Override
  public void append(HistoryRecord record) {
    synchronized (closing) {
      if (closed) {
        log.warn("history closed; dropped {}", record);
        lost.incrementAndGet();
        return;
      }
      // Only the writer takes from the count meanwhile, and appends take turns: it stays at most the cap.
      if (queued.get() >= maxQueued) {
        lost.incrementAndGet();
        droppedPastCap.incrementAndGet();
        if (!droppedOldest()) { // the writer holds every one waiting, in a batch: the newest goes
          return;
        }
        queued.decrementAndGet();
      }
      queue.add(record);
      if (queued.incrementAndGet() >= BATCH && drainPending.compareAndSet(false, true)) {
        writerThread.execute(this::drain);
      }
    }
  }

  /**
   * Takes the oldest check waiting out of the queue, else the oldest record; false when none waits.
   * Checks first: the others are few, and one dropped does harm (a settled alert sent again, a
   * target left in a state it has left).
   */
  private boolean droppedOldest() {
    for (HistoryRecord r : queue) {
      if (r instanceof CheckRecord && queue.remove(r)) { // false when the writer took it meanwhile
        return true;
      }
    }
    return queue.poll() != null;
  }

  @Override
  public int backlog() {
    return queued.get();
  }

  @Override
  public long written() {
    return written.get();
  }

  @Override
  public long checksWritten() {
    return checksWritten.get();
  }

  @Override
  public long lost() {
    return lost.get();
  }

  @Override
  public CompletableFuture<Void> flush() {
    return CompletableFuture.runAsync(this::drain, writerThread);
  }

  /**
   * Completes, with a line that says why, once {@code history.db} or {@code watch.lock} is no longer
   * the file this store opened (the folder deleted, the file replaced): what it writes then goes
   * where no reader will find it, and another watch could take the folder. Looked at with every
   * batch, so within {@link #FLUSH_EVERY}, and at {@link #close}. Every record of the run is then
   * {@linkplain #lost() lost}, and none is written after.
   */
  public CompletableFuture<String> gone() {
    return gone;
  }

  /** Whether the files are still where they were opened; notes it once when not. Writer thread only. */
  private boolean stillThere() {
    if (gone.isDone()) {
      return false;
    }
    String why = moved(file, fileKey, "");
    if (why == null) {
      why = moved(lockFile(file.getParent()), lockKey, ": a second watch could take the folder");
    }
    if (why == null) {
      return true;
    }
    long unreachable = written.getAndSet(0);
    checksWritten.set(0);
    lost.addAndGet(unreachable);
    log.error("history {}; the {} records written to it since the watch started are lost, and no more will be kept",
        why, unreachable);
    gone.complete(why);
    return false;
  }

  /** Why {@code path} is not the file {@code key} names any more, or null while it is. */
  private static String moved(Path path, Object key, String consequence) {
    if (Files.notExists(path, LinkOption.NOFOLLOW_LINKS)) { // not when it cannot be told (a folder made unreadable)
      return path + " was deleted while the watch ran" + consequence;
    }
    Optional<Object> now = fileKey(path);
    return key == null || now.isEmpty() || key.equals(now.get())
        ? null : path + " was replaced by another file while the watch ran" + consequence;
  }

  /** The file's identity (device and inode on Unix); empty where the OS gives none, or it cannot be read. */
  private static Optional<Object> fileKey(Path path) {
    try {
      return Optional.ofNullable(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .fileKey());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes everything queued, in transactions of up to twenty times {@link #BATCH} records, as many
   * as it takes; writer thread only. A batch that fails is kept for the next drain, which an
   * exception that escaped would cancel for good.
   */
  private void drain() {
    drainPending.set(false);
    if (!stillThere()) { // nowhere to write them
      int n = retry.size();
      retry.clear();
      while (queue.poll() != null) {
        n++;
      }
      queued.addAndGet(-n); // the failed batch is counted there too
      lost.addAndGet(n);
      return;
    }
    while (!retry.isEmpty() || !queue.isEmpty()) {
      List<HistoryRecord> batch = new ArrayList<>(retry);
      int retried = retry.size();
      retry.clear();
      for (HistoryRecord r; batch.size() < BATCH * 20 && (r = queue.poll()) != null; ) {
        batch.add(r);
      }
      OneByOne.Outcome o;
      Exception failure = null;
      try {
        writer.write(batch);
        o = OneByOne.Outcome.all(batch.size());
      } catch (SQLException | RuntimeException e) {
        failure = e;
        o = OneByOne.mayBeTheRecord(e) ? OneByOne.write(writer, batch) : OneByOne.Outcome.none(batch);
        o.rejected().forEach(this::dropped);
      }
      counted(batch, o);
      if (!o.kept().isEmpty()) {
        failed(o.kept().size(), failure);
        retry.addAll(o.kept());
        return;
      }
      if (failing) {
        failing = false;
        log.info("history {}: writing again; the {} records held back are written", file,
            o.writtenAt().get(0, retried).cardinality());
      }
    }
  }

  /** Counts a batch's records written, and those dropped, as no longer queued. */
  private void counted(List<HistoryRecord> batch, OneByOne.Outcome o) {
    BitSet writtenAt = o.writtenAt();
    written.addAndGet(writtenAt.cardinality());
    checksWritten.addAndGet(writtenAt.stream().filter(i -> batch.get(i) instanceof CheckRecord).count());
    queued.addAndGet(-writtenAt.cardinality() - o.rejected().size());
    if (!writtenAt.isEmpty() && queued.get() <= maxQueued / 2) { // a run of drops past the cap is over
      droppedPastCapSaid();
    }
  }

  /** Says in one line how many records were dropped past the cap since it last said so. */
  private void droppedPastCapSaid() {
    long past = droppedPastCap.getAndSet(0);
    if (past > 0) {
      log.warn("history {}: dropped {} records waiting to be written, the oldest checks first,"
          + " as more than {} waited",
          file, past, maxQueued);
    }
  }

  /** A record that failed on its own while others went in: kept, it would hold back every later batch. */
  private void dropped(OneByOne.Rejected r) {
    lost.incrementAndGet();
    String line = "history {}: dropped {} of target {}, which could not be written while the records after it were: {}";
    if (r.why() instanceof SQLException) {
      log.error(line, file, OneByOne.what(r.record()), r.record().target(), r.why().getMessage());
    } else { // a bug of the record's maker, whose trace says where
      log.error(line, file, OneByOne.what(r.record()), r.record().target(), r.why().getMessage(), r.why());
    }
  }

  /** Says once, not every {@link #FLUSH_EVERY} while it lasts, that writing fails. */
  private void failed(int records, Exception e) {
    if (failing) {
      log.debug("history {}: still cannot write {} records: {}", file, records, e.getMessage());
      return;
    }
    failing = true;
    String line = "history {}: cannot write {} records, will retry every {} ms until it can: {}";
    if (e instanceof SQLException) {
      log.error(line, file, records, FLUSH_EVERY.toMillis(), e.getMessage());
    } else { // a bug, whose trace says where
      log.error(line, file, records, FLUSH_EVERY.toMillis(), e.getMessage(), e);
    }
  }

  @Override
  public long enforceRetention() {
    try {
      return CompletableFuture.supplyAsync(this::deleteOld, writerThread).join();
    } catch (java.util.concurrent.CompletionException e) {
      throw new HistoryException("retention failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private long deleteOld() {
    Instant cutoff = clock.instant().minus(retention);
    try {
      drain();
      long n = writer.deleteBefore(cutoff);
      if (n > 0) {
        log.info("history: deleted {} checks before {} (retention {})", n, cutoff, Durations.format(retention));
      }
      return n;
    } catch (SQLException e) {
      throw new HistoryException(e.getMessage(), e);
    }
  }

  private void retentionQuietly() {
    try {
      deleteOld();
    } catch (RuntimeException e) {
      log.error("history {}: retention failed: {}", file, e.getMessage());
    }
  }

  /** Reads what this store wrote, each query on a connection of its own; flush first to see the latest. */
  @Override
  public HistoryReader reader() {
    return reader;
  }

  @Override
  public void close() {
    synchronized (closing) {
      if (closed) {
        return;
      }
      closed = true;
    }
    // A periodic drain due after the last one would find the writer closed and, racing the count
    // below, take the records it failed to write out of sight.
    periodic.forEach(f -> f.cancel(false));
    try {
      CompletableFuture.runAsync(() -> {
        drain();
        int left = queued.get(); // the failed batch is counted there still, with what came after
        lost.addAndGet(left);
        droppedPastCapSaid();
        if (left > 0) {
          log.error("history {}: {} records could not be written", file, left);
        }
        try {
          writer.close();
        } catch (SQLException e) {
          log.error("history {}: close failed: {}", file, e.getMessage());
        }
      }, writerThread).join();
    } finally {
      writerThread.shutdownNow();
      lock.close();
    }
  }
}
