package dev.sitepulse.crawler.internal;

import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.IoErrors;
import dev.sitepulse.pinger.Threads;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every response as a WARC 1.1 record ({@link WarcRecords}; gzip per record) through jwarc,
 * on its own thread so file I/O never touches the event loop. Each record's future completes once it is
 * written (or left out): the loop counts those still waiting, each holding a whole body, and
 * starts no fetch while too many do, so a writer that falls behind slows the crawl instead of
 * filling the heap. The first write that fails (a full disk) ends the file at the record before
 * it, cut back to its last whole gzip member; every record from it on is only counted, since
 * jwarc's gzip stream is broken by then (its next write would spin for good), and the crawl goes on.
 * A response that cannot be made into a record (jwarc refuses its URL) is left out and counted
 * alone: nothing of it reached the file, which goes on.
 */
final class WarcSink implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WarcSink.class);

  /**
   * The .open files this JVM's writers hold, by real path (one file, however its folder is named:
   * ./data, data, a symlink), from open to close: {@link CutWarcTail} leaves them alone without
   * opening them, since closing any channel to a file drops the process's lock on it (POSIX),
   * which another JVM's run would then take.
   */
  static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  /** The file's name once closed, which every message gives: the name the user will find it by. */
  private final Path file;
  /** Where it is written meanwhile: the same name with .open after it. */
  private final Path open;
  /** Its real path, taken once it existed: its key in {@link #HELD}. */
  private final Path held;
  private final FileChannel channel;
  /** What the records are written through: the channel, or what a test wraps it in. */
  private final WritableByteChannel disk;
  private final WarcWriter writer;
  private final WarcRecords records;
  /** The file and why its first failed write failed; set on the writer thread, before the count. */
  private volatile String failure;
  /** Responses from the failed write on. */
  private final AtomicLong notWritten = new AtomicLong();
  /** The first response that could not be made into a record, and why; set before the count. */
  private volatile String firstLeftOut;
  private final AtomicLong leftOut = new AtomicLong();
  private final ExecutorService thread = Executors.newSingleThreadExecutor(Threads.daemonNamed("sitepulse-warc"));
  private final Executor writes;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final AtomicBoolean closing = new AtomicBoolean();
  /** Set, under this, once the end said the file was still being written: its close says when done. */
  private boolean late;
  /** Whether the file took its closed name: a close that fails after says so, not .open. */
  private volatile boolean renamed;

  private WarcSink(Path file, Path open, Path held, FileChannel channel, WritableByteChannel disk, WarcWriter writer,
      WarcRecords records, UnaryOperator<Executor> writes) {
    this.file = file;
    this.open = open;
    this.held = held;
    this.channel = channel;
    this.disk = disk;
    this.writer = writer;
    this.records = records;
    this.writes = writes.apply(thread);
  }

  /**
   * Begins a file named, and its warcinfo record dated, by one reading of {@code clock}: the crawl's,
   * which dates its records too. First each file an earlier run left open (killed) is cut back to
   * its last whole record and closed.
   */
  static WarcSink open(Path dir, Clock clock) throws IOException {
    CutWarcTail.closeLeftOpen(dir);
    return open(dir, clock, UnaryOperator.identity());
  }

  /** @param writes what hands records to the writer thread, given it: a test holds them back */
  static WarcSink open(Path dir, Clock clock, UnaryOperator<Executor> writes) throws IOException {
    return open(dir, clock, writes, UnaryOperator.identity());
  }

  /** @param disk what the records are written through, given the file's channel: a test fills it */
  static WarcSink open(Path dir, Clock clock, UnaryOperator<Executor> writes,
      UnaryOperator<WritableByteChannel> disk) throws IOException {
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) { // a file of that name, which "already exists" would not say
      throw new NotDirectoryException(dir.toString());
    }
    Instant opened = clock.instant();
    Path file = dir.resolve(WarcFileNames.of(opened));
    Path open = dir.resolve(WarcFileNames.whileOpen(opened));
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) { // the rename at the end would fail
      throw new FileAlreadyExistsException(file.toString());
    }
    FileChannel channel = FileChannel.open(open, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    Path held = null;
    try {
      held = open.toRealPath();
      HELD.add(held);
      holdWhileOpen(channel);
      return begin(file, open, held, channel, opened, writes, disk);
    } catch (IOException | RuntimeException e) { // no empty file, nor a channel open, is left of it
      if (held != null) {
        HELD.remove(held);
      }
      try (channel) {
        Files.deleteIfExists(open);
      } catch (IOException another) {
        e.addSuppressed(another);
      }
      throw e;
    }
  }

  /**
   * Locks the file until its channel closes: a writer still busy after its run (see {@link #close})
   * keeps writing after crawl.lock is released, and the next run, in this JVM or another, must not
   * cut and rename the file under it ({@link CutWarcTail}). Where the file system has no locks, as
   * before.
   */
  private static void holdWhileOpen(FileChannel channel) {
    try {
      channel.tryLock();
    } catch (IOException e) {
      LOG.debug("warc: the file cannot be locked while written ({})", IoErrors.why(e));
    }
  }

  private static WarcSink begin(Path file, Path open, Path held, FileChannel channel, Instant opened,
      UnaryOperator<Executor> writes, UnaryOperator<WritableByteChannel> disk) throws IOException {
    WritableByteChannel through = disk.apply(channel);
    WarcWriter writer = new WarcWriter(through, WarcCompression.GZIP);
    Warcinfo info = WarcRecords.info(file, opened);
    writer.write(info);
    return new WarcSink(file, open, held, channel, through, writer, new WarcRecords(info), writes);
  }

  /**
   * Writes a response record dated {@code fetchedAtMillis}, the time crawl.db records for the
   * page: a later revisit record refers to this capture by it.
   */
  CompletableFuture<Void> response(FetchResult r, long fetchedAtMillis) {
    return write(r, () -> records.response(r, Instant.ofEpochMilli(fetchedAtMillis)));
  }

  /**
   * Writes a revisit record (profile server-not-modified) for a 304 to a conditional fetch: the
   * capture of this URL at {@code capturedAtMillis} still holds, and no body came.
   */
  CompletableFuture<Void> revisit(FetchResult r, long fetchedAtMillis, long capturedAtMillis) {
    return write(r, () -> records.revisit(r, Instant.ofEpochMilli(fetchedAtMillis), capturedAtMillis));
  }

  private CompletableFuture<Void> write(FetchResult r, Supplier<WarcRecord> record) {
    return CompletableFuture.runAsync(() -> {
      if (failure != null) {
        notWritten.incrementAndGet();
        return;
      }
      // Built before the write: a record that cannot be made (a URL jwarc refuses) is one response
      // lost, and the file, which nothing was written to, goes on.
      WarcRecord built;
      try {
        built = record.get();
      } catch (RuntimeException e) {
        leftOut(r, e);
        return;
      }
      long whole = -1; // where the file's last whole record ends
      try {
        whole = channel.position();
        writer.write(built);
      } catch (IOException | RuntimeException e) {
        stop(r, e, whole);
      }
    }, writes);
  }

  /** A response that could not be made into a record: left out, counted, the first one named. */
  private void leftOut(FetchResult r, RuntimeException e) {
    String why = e.getMessage() != null ? e.getMessage() : e.toString();
    if (firstLeftOut == null) {
      firstLeftOut = r.url() + ": " + why;
    }
    leftOut.incrementAndGet();
    LOG.warn("could not make a WARC record of {}: {}; it is left out of {}, which goes on", r.url(), why, file);
  }

  /** The file ends at its last whole record, and takes no more. */
  private void stop(FetchResult r, Exception e, long whole) {
    String why = e instanceof IOException io ? IoErrors.why(io) : e.toString();
    failure = file + ": " + why;
    notWritten.incrementAndGet();
    LOG.warn("could not write {} to {}: {}; it holds the responses before, and no later one", r.url(), file, why);
    if (whole >= 0) {
      try {
        channel.truncate(whole);
      } catch (IOException cut) {
        LOG.warn("could not cut {} back to its last whole record: {}", file, IoErrors.why(cut));
      }
    }
  }

  /**
   * Responses handed over that the file does not hold: those that could not be made into records,
   * and, once a write failed, that one and every one after it.
   */
  long notArchived() {
    return leftOut.get() + notWritten.get();
  }

  /**
   * Why the file lacks responses, or null: the first one that could not be made into a record
   * ("URL: why", and how many more), then the file and why the write that stopped it failed.
   */
  String failure() {
    long more = leftOut.get() - 1;
    String unmade = firstLeftOut == null ? null
        : firstLeftOut + (more > 0 ? " (and " + more + " more that could not be made into records)" : "");
    String stopped = failure;
    if (unmade == null || stopped == null) {
      return unmade == null ? stopped : unmade;
    }
    return unmade + "; " + stopped;
  }

  /**
   * Once the records handed over are written, the writer's thread closes the file and gives it its
   * name. The end waits a minute for that; a writer still busy then (only after a crawl that failed:
   * a normal end waits for every record) finishes on its own, and says so, while the crawl ends (in a
   * JVM that exits first, as the cli's does, the file is left open for the next run to cut back).
   */
  @Override
  public void close() throws IOException {
    close(Duration.ofMinutes(1));
  }

  /** @param wait how long the end waits for the writer: a test gives none */
  void close(Duration wait) throws IOException {
    close(closed -> closed.get(wait.toNanos(), TimeUnit.NANOSECONDS));
  }

  /** How the end waits for the writer's close, as {@link Future#get(long, TimeUnit)}: a test gives up at will. */
  @FunctionalInterface
  interface EndWait {
    void await(CompletableFuture<Void> closed) throws InterruptedException, ExecutionException, TimeoutException;
  }

  /** A second close does nothing, as a stream's does. */
  void close(EndWait wait) throws IOException {
    if (!closing.compareAndSet(false, true)) { // the writer's thread is shut down by the first
      return;
    }
    CompletableFuture.runAsync(this::finish, writes).exceptionally(e -> {
      Throwable why = e.getCause() instanceof UncheckedIOException io ? io.getCause() : e.getCause();
      synchronized (this) { // said before it completes: whoever waits for it finds it said
        String reason = why instanceof IOException io ? IoErrors.why(io) : why.toString();
        if (late && renamed) { // no one waits for it any more; and no run reads a closed file again
          LOG.warn("warc: {} could not be closed ({}) after it was renamed {}; it may end in a cut record", open,
              reason, file.getFileName());
        } else if (late) {
          LOG.warn("warc: {} could not be closed ({}); the next run with --warc cuts it back to its last whole"
              + " record", open, reason);
        }
        closed.completeExceptionally(why);
      }
      return null;
    });
    try {
      wait.await(closed);
      return;
    } catch (ExecutionException e) {
      throw failed(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException e) { // closed under it, the channel would cut that record: it closes itself
    }
    synchronized (this) {
      if (closed.isCompletedExceptionally()) { // failed after the wait gave up: not late, so no one else says so
        throw failed(closed.handle((done, why) -> why).join());
      }
      if (!closed.isDone()) {
        late = true;
        // Only after a crawl that failed (a normal end waits for every record), where the cli exits.
        LOG.warn("warc: {} is still being written after the crawl's end; it is closed and renamed {} once its"
            + " last write is done if this process is still running; else the next run with --warc cuts it back"
            + " and renames it", open, file.getFileName());
      }
    }
  }

  private static IOException failed(Throwable why) {
    return why instanceof IOException io ? io : new IOException(why);
  }

  /** On the writer's thread, after every record handed over. */
  private void finish() {
    thread.shutdown(); // the tasks already handed over still run
    try {
      closeAndRename();
    } finally {
      HELD.remove(held);
    }
    synchronized (this) { // said before it completes: whoever waits for it finds it said
      if (late && renamed) {
        LOG.warn("warc: {} is done: closed and renamed {}", open, file.getFileName());
      }
      closed.complete(null);
    }
  }

  /**
   * Closes the file, and gives it its name if it could. Renamed before it is closed, while its lock is
   * held (a rename keeps it, on POSIX): closed first, another JVM's {@link CutWarcTail} could take the
   * lock in between and rename it too, and one of the two would warn of a rename that failed. Forced
   * to disk before: a write that fails late (NFS reports one at a sync or close) fails there, while
   * the name still tells the next run to cut it back; a close can then fail only after the rename.
   */
  private void closeAndRename() {
    IOException failed = null;
    try {
      force();
      rename();
    } catch (IOException e) {
      failed = e;
    }
    try {
      if (failure != null || failed != null) { // jwarc would finish the gzip member that failed, after the cut
        channel.close();
      } else {
        writer.close();
      }
    } catch (IOException e) {
      if (failed == null) {
        failed = e;
      } else {
        failed.addSuppressed(e);
      }
    }
    if (failed != null) {
      throw new UncheckedIOException(failed);
    }
  }

  /** What was written, on disk: through any buffer the records pass, then the file's own. */
  private void force() throws IOException {
    if (disk instanceof Flushable buffered) {
      buffered.flush();
    }
    channel.force(false);
  }

  private void rename() {
    try {
      Files.move(open, file);
      renamed = true;
    } catch (IOException e) { // the crawl is done, and the file whole: the next run renames it
      LOG.warn("warc: {} could not be renamed {} ({}); the next run with --warc renames it", open,
          file.getFileName(), IoErrors.why(e));
    }
  }

  /** Completes once the file is closed (and renamed, if it could be). */
  CompletableFuture<Void> closed() {
    return closed;
  }
}
