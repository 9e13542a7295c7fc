package dev.sitepulse.crawler.internal;

import dev.sitepulse.pinger.IoErrors;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
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

  /** What was done to the last file in {@code dir}, in one line, also logged; empty when it is whole. */
  static Optional<String> repairLast(Path dir) {
    Optional<Path> last;
    try {
      last = last(dir);
    } catch (IOException e) {
      return said("warc: " + dir + " could not be listed (" + IoErrors.why(e) + "); its last file is not checked");
    }
    return last.flatMap(CutWarcTail::repair);
  }

  private static Optional<String> repair(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = channel.size();
      long whole = GzipMembers.wholeEnd(channel);
      if (whole == size) {
        return Optional.empty();
      }
      channel.truncate(whole);
      return said("warc: " + file + " ended in a cut record; cut back to its last whole record ("
          + (size - whole) + " bytes)");
    } catch (IOException e) {
      return said("warc: " + file + " could not be read (" + IoErrors.why(e) + "); it is left as it is");
    } catch (DataFormatException e) {
      return said("warc: " + file + " could not be read (" + e.getMessage() + "); it is left as it is");
    }
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
