package dev.sitepulse.crawler.internal;

import dev.sitepulse.pinger.IoErrors;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run killed in the middle of a WARC write (kill -9) leaves its file ending in a cut gzip
 * member, which replay tools and indexers stop at, or fail on, and still named ….warc.gz.open:
 * a run that ends renames its file only once it is closed. Before a run begins its own file, each
 * file left open is cut back to its last whole record and renamed, unless a writer still holds it
 * (one busy after its run ended). A closed file is never read:
 * reading one to its end (gigabytes, inflated) would cost minutes at every start.
 */
final class CutWarcTail {

  private static final Logger LOG = LoggerFactory.getLogger(CutWarcTail.class);

  private CutWarcTail() {}

  /** How a file is opened: {@link FileChannel#open}, or in tests one that refuses, or records what it opens. */
  @FunctionalInterface
  interface Opener {
    FileChannel open(Path file, OpenOption... options) throws IOException;
  }

  /** What was done to the files left open in {@code dir}, a line each, also logged; none when each was whole. */
  static List<String> closeLeftOpen(Path dir) {
    return closeLeftOpen(dir, FileChannel::open);
  }

  static List<String> closeLeftOpen(Path dir, Opener opener) {
    List<Path> open;
    try {
      open = leftOpen(dir);
    } catch (IOException e) {
      return List.of(said("warc: " + dir + " could not be listed (" + IoErrors.why(e)
          + "); no file a killed run left in it is checked"));
    }
    List<String> said = new ArrayList<>();
    for (Path file : open) {
      close(file, WarcFileNames.closed(file), opener).ifPresent(said::add);
    }
    return said;
  }

  /**
   * Read only, and opened for writing only to be cut: one that is cut but cannot be written is
   * said to be that, not unreadable. Renamed once whole, so that a kill during this leaves it open.
   */
  private static Optional<String> close(Path file, Path closed, Opener opener) {
    try {
      if (WarcFile.HELD.contains(file.toRealPath())) { // a channel opened to it would drop the writer's lock
        return Optional.of(said("warc: " + file + " is still being written; left as it is"));
      }
    } catch (NoSuchFileException e) { // renamed by its writer since the listing: nothing left to do
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(said("warc: " + file + " could not be read (" + IoErrors.why(e) + "); it is left as it is"));
    }
    long size;
    long whole;
    try (FileChannel channel = opener.open(file, StandardOpenOption.READ)) {
      if (beingWritten(channel)) {
        return Optional.of(said("warc: " + file + " is still being written; left as it is"));
      }
      size = channel.size();
      whole = GzipMembers.wholeEnd(channel);
    } catch (NoSuchFileException e) { // its writer, in another JVM, renamed it since the listing, still locked
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(said("warc: " + file + " could not be read (" + IoErrors.why(e) + "); it is left as it is"));
    } catch (DataFormatException e) {
      return Optional.of(said("warc: " + file + " could not be read (" + e.getMessage() + "); it is left as it is"));
    }
    String cut = null;
    if (whole < size) {
      try (FileChannel channel = opener.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(whole);
      } catch (IOException e) {
        return Optional.of(said("warc: " + file + " ends in a cut record but could not be cut back to its last whole"
            + " record (" + IoErrors.why(e) + "); it is left as it is"));
      }
      cut = "ended in a cut record; cut back to its last whole record (" + (size - whole) + " bytes)";
    }
    try {
      Files.move(file, closed); // not over a file of that name, which ATOMIC_MOVE would replace
    } catch (IOException e) {
      return Optional.of(said("warc: " + file + (cut == null ? "" : " " + cut + ", but") + " could not be renamed "
          + closed.getFileName() + " (" + IoErrors.why(e) + "); it is left as it is"));
    }
    // A whole file, killed between two writes, is renamed without a word, as a closed one is.
    return cut == null ? Optional.empty() : Optional.of(said("warc: " + file + " " + cut + " and renamed "
        + closed.getFileName()));
  }

  /**
   * Whether a writer holds the file ({@link WarcFile} locks it while open): one still busy after
   * its run ended, and so after crawl.lock was released. Where the file system has no locks, no.
   */
  private static boolean beingWritten(FileChannel channel) {
    try {
      return channel.tryLock(0, Long.MAX_VALUE, true) == null; // released as the channel closes
    } catch (OverlappingFileLockException e) { // held in this JVM
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String said(String line) {
    LOG.warn(line);
    return line;
  }

  /** The files runs left open, by the time their run began; none when the folder is not there. */
  private static List<Path> leftOpen(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> WarcFileNames.closed(f) != null).sorted(Comparator.comparing(f -> WarcFileNames.opened(WarcFileNames.closed(f))))
          .toList();
    }
  }
}
