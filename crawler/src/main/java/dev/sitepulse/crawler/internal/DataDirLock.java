package dev.sitepulse.crawler.internal;

import dev.sitepulse.crawler.CrawlException;
import dev.sitepulse.pinger.IoErrors;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One crawl per data folder. A second crawl in the same folder would interleave its crawl.db rows
 * with the first one's, and with --fresh it would delete the files the first is still writing.
 * The lock is the operating system's, so a crawl killed with kill -9 leaves nothing to clean up;
 * the file itself stays, as deleting a lock file lets two processes each lock a different one.
 */
final class DataDirLock implements AutoCloseable {

  static final String FILE = "crawl.lock";

  private final FileChannel channel;

  private DataDirLock(FileChannel channel) {
    this.channel = channel;
  }

  /** @throws CrawlException naming the folder when another crawl holds it, or it cannot be made */
  static DataDirLock acquire(Path dataDir) throws CrawlException {
    create(dataDir);
    Path file = dataDir.resolve(FILE);
    FileChannel channel;
    boolean locked;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new CrawlException("cannot lock " + file + ": " + why(e), e);
    }
    try {
      locked = channel.tryLock() != null;
    } catch (OverlappingFileLockException e) { // held in this JVM: an embedding program's other crawl
      locked = false;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new CrawlException("cannot lock " + file + ": " + why(e), e);
    }
    if (!locked) {
      closeQuietly(channel);
      throw new CrawlException(dataDir + " is in use by another crawl; wait for it to end, or give another --data", null);
    }
    return new DataDirLock(channel);
  }

  private static void create(Path dataDir) throws CrawlException {
    try {
      Files.createDirectories(dataDir);
    } catch (FileAlreadyExistsException e) {
      throw new CrawlException(dataDir + " is a file, and --data names a folder", e);
    } catch (IOException e) {
      throw new CrawlException("cannot create the folder " + dataDir + ": " + why(e), e);
    }
  }

  /** Here a missing folder can only be a parent that cannot hold one. */
  private static String why(IOException e) {
    return e instanceof NoSuchFileException ? "its parent cannot hold it" : IoErrors.why(e);
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
}
