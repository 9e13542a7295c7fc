package dev.sitepulse.crawler.internal;

import dev.sitepulse.pinger.FetchResult;
import dev.sitepulse.pinger.IoErrors;
import dev.sitepulse.pinger.Threads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
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
 * alone: nothing of it reached the file, which goes on. The file itself, its making, lock, cut and
 * name, is a {@link WarcFile}.
 */
final class WarcSink implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WarcSink.class);

  private final WarcFile file;
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

  private WarcSink(WarcFile file, WarcWriter writer, WarcRecords records, UnaryOperator<Executor> writes) {
    this.file = file;
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
    Instant opened = clock.instant();
    WarcFile file = WarcFile.make(dir, opened, disk);
    try {
      WarcWriter writer = new WarcWriter(file.disk(), WarcCompression.GZIP);
      Warcinfo info = WarcRecords.info(file.name(), opened);
      writer.write(info);
      return new WarcSink(file, writer, new WarcRecords(info), writes);
    } catch (IOException | RuntimeException e) {
      file.discard(e);
      throw e;
    }
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
        whole = file.end();
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
    LOG.warn("could not make a WARC record of {}: {}; it is left out of {}, which goes on", r.url(), why, file.name());
  }

  /** The file ends at its last whole record, and takes no more. */
  private void stop(FetchResult r, Exception e, long whole) {
    String why = e instanceof IOException io ? IoErrors.why(io) : e.toString();
    failure = file.name() + ": " + why;
    notWritten.incrementAndGet();
    LOG.warn("could not write {} to {}: {}; it holds the responses before, and no later one", r.url(), file.name(),
        why);
    if (whole >= 0) {
      file.cutBackTo(whole);
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
        if (late && file.renamed()) { // no one waits for it any more; and no run reads a closed file again
          LOG.warn("warc: {} could not be closed ({}) after it was renamed {}; it may end in a cut record",
              file.openName(), reason, file.name().getFileName());
        } else if (late) {
          LOG.warn("warc: {} could not be closed ({}); the next run with --warc cuts it back to its last whole"
              + " record", file.openName(), reason);
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
            + " and renames it", file.openName(), file.name().getFileName());
      }
    }
  }

  private static IOException failed(Throwable why) {
    return why instanceof IOException io ? io : new IOException(why);
  }

  /** On the writer's thread, after every record handed over. */
  private void finish() {
    thread.shutdown(); // the tasks already handed over still run
    file.closeAndRename(writer, failure != null);
    synchronized (this) { // said before it completes: whoever waits for it finds it said
      if (late && file.renamed()) {
        LOG.warn("warc: {} is done: closed and renamed {}", file.openName(), file.name().getFileName());
      }
      closed.complete(null);
    }
  }

  /** Completes once the file is closed (and renamed, if it could be). */
  CompletableFuture<Void> closed() {
    return closed;
  }
}
