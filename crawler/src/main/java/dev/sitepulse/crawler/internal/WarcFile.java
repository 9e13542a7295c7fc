package dev.sitepulse.crawler.internal;

import dev.sitepulse.pinger.IoErrors;
import java.io.Closeable;
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
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's WARC file on disk, from its making to its close: written as {@code NAME.open}, locked
 * while open, cut back to a whole record when a write fails, and given its name at the end.
 * {@link WarcSink} writes the records into it.
 */
final class WarcFile {

  private static final Logger LOG = LoggerFactory.getLogger(WarcFile.class);

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
  /** Whether the file took its closed name: a close that fails after says so, not .open. */
  private volatile boolean renamed;

  private WarcFile(Path file, Path open, Path held, FileChannel channel, WritableByteChannel disk) {
    this.file = file;
    this.open = open;
    this.held = held;
    this.channel = channel;
    this.disk = disk;
  }

  /**
   * Makes the file of a run begun at {@code opened} in {@code dir}, open and locked.
   *
   * @param disk what the records are written through, given the file's channel: a test fills it
   */
  static WarcFile make(Path dir, Instant opened, UnaryOperator<WritableByteChannel> disk) throws IOException {
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) { // a file of that name, which "already exists" would not say
      throw new NotDirectoryException(dir.toString());
    }
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
      return new WarcFile(file, open, held, channel, disk.apply(channel));
    } catch (IOException | RuntimeException e) {
      discard(open, held, channel, e);
      throw e;
    }
  }

  /**
   * Locks the file until its channel closes: a writer still busy after its run (see
   * {@link WarcSink#close}) keeps writing after crawl.lock is released, and the next run, in this
   * JVM or another, must not cut and rename the file under it ({@link CutWarcTail}). Where the
   * file system has no locks, as before.
   */
  private static void holdWhileOpen(FileChannel channel) {
    try {
      channel.tryLock();
    } catch (IOException e) {
      LOG.debug("warc: the file cannot be locked while written ({})", IoErrors.why(e));
    }
  }

  /** A file that could not be begun: no empty file, nor a channel open, is left of it. */
  void discard(Exception why) {
    discard(open, held, channel, why);
  }

  private static void discard(Path open, Path held, FileChannel channel, Exception why) {
    if (held != null) {
      HELD.remove(held);
    }
    try (channel) {
      Files.deleteIfExists(open);
    } catch (IOException another) {
      why.addSuppressed(another);
    }
  }

  /** The file's name once closed. */
  Path name() {
    return file;
  }

  /** The name it is written under until then. */
  Path openName() {
    return open;
  }

  /** What the records are written through. */
  WritableByteChannel disk() {
    return disk;
  }

  /** Where the file's last whole record ends, before the next is written. */
  long end() throws IOException {
    return channel.position();
  }

  /** Cuts the file back to {@code whole} bytes, its last whole record, after a write failed. */
  void cutBackTo(long whole) {
    try {
      channel.truncate(whole);
    } catch (IOException cut) {
      LOG.warn("could not cut {} back to its last whole record: {}", file, IoErrors.why(cut));
    }
  }

  boolean renamed() {
    return renamed;
  }

  /**
   * Closes the file, and gives it its name if it could. Renamed before it is closed, while its lock is
   * held (a rename keeps it, on POSIX): closed first, another JVM's {@link CutWarcTail} could take the
   * lock in between and rename it too, and one of the two would warn of a rename that failed. Forced
   * to disk before: a write that fails late (NFS reports one at a sync or close) fails there, while
   * the name still tells the next run to cut it back; a close can then fail only after the rename.
   *
   * @param writer closes the file after finishing what it wrote, unless {@code cut}
   * @param cut whether a write failed and the file was cut back: then the writer would finish the
   *     gzip member that failed, after the cut, and only the channel is closed
   */
  void closeAndRename(Closeable writer, boolean cut) {
    try {
      IOException failed = null;
      try {
        force();
        rename();
      } catch (IOException e) {
        failed = e;
      }
      try {
        if (cut || failed != null) {
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
    } finally {
      HELD.remove(held);
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
}
