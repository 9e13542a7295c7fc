package dev.sitepulse.pinger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One writer per data folder and kind of run: a second crawl in a crawl's folder would interleave
 * its crawl.db rows with the first one's, a second watch would double every check and alert. The
 * lock is the operating system's, so a run killed with kill -9 leaves nothing to clean up; the file
 * itself stays, as deleting a lock file lets two processes each lock a different one. Readers
 * (search, report) take no lock; report asks whether one is {@linkplain #held held}.
 */
public final class DataDirLock implements AutoCloseable {

  /**
   * The data folder of every command given none, relative to the working folder: a watch's
   * history.db and a crawl's crawl.db side by side, where report and the others look for them.
   */
  public static final String DEFAULT_FOLDER = "sitepulse-data";

  /**
   * How long {@link #acquire} waits before it looks a second time at a lock it found taken: long
   * enough for a reader's {@link #held} to have let go of it.
   */
  private static final long SECOND_LOOK_MILLIS = 50;

  /**
   * The lock files this process holds. {@link #held} answers for them without opening them: on
   * POSIX systems closing any channel on a file drops every lock the process has on it.
   */
  private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

  private final FileChannel channel;
  private final Path file;

  private DataDirLock(FileChannel channel, Path file) {
    this.channel = channel;
    this.file = file;
  }

  /** The lock file of {@code user} in {@code dataDir}: {@code USER.lock}. */
  public static Path file(Path dataDir, String user) {
    return dataDir.resolve(user + ".lock");
  }

  /**
   * Locks {@code dataDir}, which must exist, for {@code user} through the file {@code USER.lock}
   * in it.
   *
   * @param user what runs there, e.g. crawl or watch: names the lock file and the error
   * @throws Unavailable naming the folder when another {@code user} holds it, or the file when it
   *     cannot be made
   */
  public static DataDirLock acquire(Path dataDir, String user) throws Unavailable {
    return acquire(dataDir, user, () -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(SECOND_LOOK_MILLIS)));
  }

  /** For tests: {@code beforeSecondLook} stands for the wait before a lock found taken is tried again. */
  static DataDirLock acquire(Path dataDir, String user, Runnable beforeSecondLook) throws Unavailable {
    Path file = file(dataDir, user);
    FileChannel channel;
    boolean locked;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new Unavailable("cannot lock " + file + ": " + IoErrors.why(e), false, e);
    }
    Path key;
    try {
      locked = tryLock(channel);
      if (!locked) { // perhaps only a reader asking whether it is held, which lets go at once
        beforeSecondLook.run();
        locked = tryLock(channel);
      }
      key = file.toRealPath();
    } catch (IOException e) {
      closeQuietly(channel);
      throw new Unavailable("cannot lock " + file + ": " + IoErrors.why(e), false, e);
    }
    if (!locked) {
      closeQuietly(channel);
      throw new Unavailable(dataDir + " is in use by another " + user + "; wait for it to end, or give another --data",
          true, null);
    }
    HELD_HERE.add(key);
    return new DataDirLock(channel, key);
  }

  private static boolean tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock() != null;
    } catch (OverlappingFileLockException e) { // held in this JVM: an embedding program's other run
      return false;
    }
  }

  /**
   * Whether a {@code user} run holds {@code dataDir} now, e.g. whether a watch is still adding to
   * the history a report reads. The lock is tried, shared, for an instant, which {@link #acquire}
   * allows for; the file is not made when missing, as then no run ever held the folder.
   *
   * @throws IOException when the lock file cannot be read or locked, so nobody can tell
   */
  public static boolean held(Path dataDir, String user) throws IOException {
    Path file = file(dataDir, user);
    try {
      if (HELD_HERE.contains(file.toRealPath())) {
        return true;
      }
    } catch (NoSuchFileException e) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
      if (probe == null) {
        return true;
      }
      probe.release();
      return false;
    }
  }

  /** Releases the folder; closing the channel releases its lock. */
  @Override
  public void close() {
    HELD_HERE.remove(file);
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing releases the lock even when it reports a failure.
    }
  }

  /** The folder cannot be locked; the one-line message names it or its lock file. */
  public static final class Unavailable extends Exception {

    private final boolean inUse;

    Unavailable(String message, boolean inUse, Throwable cause) {
      super(message, cause);
      this.inUse = inUse;
    }

    /** Another run holds the folder, rather than its lock file being impossible to make. */
    public boolean inUse() {
      return inUse;
    }
  }
}
