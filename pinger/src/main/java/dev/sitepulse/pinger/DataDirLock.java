package dev.sitepulse.pinger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per data folder and kind of run: a second crawl in a crawl's folder would interleave
 * its crawl.db rows with the first one's, a second watch would double every check and alert. The
 * lock is the operating system's, so a run killed with kill -9 leaves nothing to clean up; the file
 * itself stays, as deleting a lock file lets two processes each lock a different one. Readers
 * (search, report) take no lock.
 */
public final class DataDirLock implements AutoCloseable {

  private final FileChannel channel;

  private DataDirLock(FileChannel channel) {
    this.channel = channel;
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
    Path file = dataDir.resolve(user + ".lock");
    FileChannel channel;
    boolean locked;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new Unavailable("cannot lock " + file + ": " + IoErrors.why(e), false, e);
    }
    try {
      locked = channel.tryLock() != null;
    } catch (OverlappingFileLockException e) { // held in this JVM: an embedding program's other run
      locked = false;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new Unavailable("cannot lock " + file + ": " + IoErrors.why(e), false, e);
    }
    if (!locked) {
      closeQuietly(channel);
      throw new Unavailable(dataDir + " is in use by another " + user + "; wait for it to end, or give another --data",
          true, null);
    }
    return new DataDirLock(channel);
  }

  /** Releases the folder; closing the channel releases its lock. */
  @Override
  public void close() {
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
