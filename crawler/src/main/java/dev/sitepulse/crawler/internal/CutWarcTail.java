package dev.sitepulse.crawler.internal;

import dev.sitepulse.pinger.IoErrors;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run killed in the middle of a WARC write (kill -9) leaves its file ending in a cut gzip
 * member, which replay tools and indexers stop at, or fail on. Before a run begins its own file,
 * the last one an earlier run wrote is cut back to its last whole record. Only that one: each run
 * checks the file of the run before it, and reading a file to its end takes a while.
 */
final class CutWarcTail {

  private static final Logger LOG = LoggerFactory.getLogger(CutWarcTail.class);

  private CutWarcTail() {}

  /** How a file is opened: {@link FileChannel#open}, or in tests one that refuses as a read-only file does. */
  @FunctionalInterface
  interface Opener {
    FileChannel open(Path file, OpenOption... options) throws IOException;
  }

  /** What was done to the last file in {@code dir}, in one line, also logged; empty when it is whole. */
  static Optional<String> repairLast(Path dir) {
    return repairLast(dir, FileChannel::open);
  }

  static Optional<String> repairLast(Path dir, Opener opener) {
    Optional<Path> last;
    try {
      last = last(dir);
    } catch (IOException e) {
      return said("warc: " + dir + " could not be listed (" + IoErrors.why(e) + "); its last file is not checked");
    }
    return last.flatMap(file -> repair(file, opener));
  }

  /**
   * Read only, and opened for writing only to be cut: a whole file the user made read-only (0444)
   * is no trouble, and one that is cut but cannot be written is said to be that, not unreadable.
   */
  private static Optional<String> repair(Path file, Opener opener) {
    long size;
    long whole;
    try (FileChannel channel = opener.open(file, StandardOpenOption.READ)) {
      size = channel.size();
      whole = GzipMembers.wholeEnd(channel);
    } catch (IOException e) {
      return said("warc: " + file + " could not be read (" + IoErrors.why(e) + "); it is left as it is");
    } catch (DataFormatException e) {
      return said("warc: " + file + " could not be read (" + e.getMessage() + "); it is left as it is");
    }
    if (whole == size) {
      return Optional.empty();
    }
    try (FileChannel channel = opener.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(whole);
    } catch (IOException e) {
      return said("warc: " + file + " ends in a cut record but could not be cut back to its last whole record ("
          + IoErrors.why(e) + "); it is left as it is");
    }
    return said("warc: " + file + " ended in a cut record; cut back to its last whole record ("
        + (size - whole) + " bytes)");
  }

  private static Optional<String> said(String line) {
    LOG.warn(line);
    return Optional.of(line);
  }

  /** The file of the latest run, by the time in its name; none when no name is a run's. */
  private static Optional<Path> last(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> WarcFileNames.opened(f) != null).max(Comparator.comparing(WarcFileNames::opened));
    }
  }
}
