package dev.sitepulse.crawler.index;

import dev.sitepulse.pinger.ErrorText;
import dev.sitepulse.pinger.IoErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;

/**
 * Why an index cannot be opened, in a few words. Lucene's own messages name the file through a
 * chain of reader classes and run to several sentences of version numbers.
 */
public final class IndexErrors {
  private static final Pattern RESOURCE_PATH = Pattern.compile("path=\"([^\"]+)\"");
  private static final Pattern UNKNOWN_CODEC = Pattern.compile(
      "^(?:Could not load codec|An SPI class of type " + Codec.class.getName() + " with name) '([^']*)'");

  /** Lucene's words when opening a segment failed, the cause its only why. */
  private static final Pattern PROBLEM_READING = Pattern.compile("^(?:Problem reading index|Unexpected file read error)");
  /** Where Lucene's reader names the file it read: {@code read past EOF: ByteBufferIndexInput(path=…)}. */
  private static final Pattern INPUT_NAMED = Pattern.compile(": \\w*IndexInput\\(");

  /** The values of a footer that does not match, which mean nothing to a reader. */
  private static final Pattern FOOTER_VALUES = Pattern.compile(": actual footer=");

  /** What undoes damage: --fresh deletes the index, which a crawl then writes anew. */
  private static final String REBUILD = "; crawl again with --fresh to rebuild it";

  private IndexErrors() {}

  public static String brief(IOException e) {
    String file = fileNamed(e.getMessage());
    String in = file == null ? "" : " (" + file + ")";
    if (e instanceof IndexFormatTooOldException || e instanceof IndexFormatTooNewException) {
      return "not an index this version can read: damaged, or written by another Lucene" + in;
    }
    if (e instanceof CorruptIndexException corrupt) {
      if (PROBLEM_READING.matcher(corrupt.getOriginalMessage()).find() && corrupt.getCause() instanceof IOException why) {
        return "damaged: " + whyUnreadable(why) + REBUILD; // Lucene's words name no file and say no why
      }
      return "damaged: " + damage(corrupt.getOriginalMessage()) + in + REBUILD;
    }
    if (e instanceof FileSystemException f && f.getFile() != null) { // its message is the path alone
      Path name = Path.of(f.getFile()).getFileName();
      return IoErrors.why(f) + " (" + (name == null ? f.getFile() : name) + ")";
    }
    return firstLine(e.getMessage());
  }

  /** Segment files whose commit point (segments_N), which names them, is gone: they cannot be read. */
  public static String withoutCommitPoint() {
    return "damaged: segment files without a commit point (segments_N missing)" + REBUILD;
  }

  /**
   * Opening {@code dir} failed with {@code e}: Lucene's word for a segment whose codec this
   * version lacks (one a later sitepulse wrote, see {@link PageCodec}) becomes a one-line
   * UncheckedIOException as other unreadable indexes get; any other {@code e} is returned as is.
   */
  public static RuntimeException unknownCodec(Path dir, IllegalArgumentException e) {
    return unknownCodec("cannot open index " + dir, e);
  }

  /** As {@link #unknownCodec(Path, IllegalArgumentException)}, its message starting with {@code failed}. */
  public static RuntimeException unknownCodec(String failed, IllegalArgumentException e) {
    Matcher m = UNKNOWN_CODEC.matcher(e.getMessage() == null ? "" : e.getMessage());
    if (!m.find()) {
      return e;
    }
    return new UncheckedIOException(failed + ": not an index this version can read: written"
        + " with codec " + m.group(1) + ", which it does not know (by a later sitepulse?)", new IOException(e));
  }

  /** A file of the commit deleted, or one cut short, that Lucene's "Problem reading index" wraps. */
  private static String whyUnreadable(IOException cause) {
    if (cause instanceof NoSuchFileException gone && gone.getFile() != null) {
      return "a file of its last commit is missing (" + Path.of(gone.getFile()).getFileName() + ")";
    }
    String file = fileNamed(cause.getMessage());
    return INPUT_NAMED.split(firstLine(cause.getMessage()), 2)[0] + (file == null ? "" : " (" + file + ")");
  }

  /**
   * Lucene's words for it, less what follows a checksum's verdict: its values, which mean nothing
   * to a reader, and advice to run CheckIndex where crawling again is what helps.
   */
  private static String damage(String message) {
    String line = firstLine(message);
    return line.startsWith("checksum ") ? line.split("[(:]", 2)[0].trim() : FOOTER_VALUES.split(line, 2)[0];
  }

  private static String fileNamed(String message) {
    Matcher m = RESOURCE_PATH.matcher(message == null ? "" : message);
    return m.find() ? Path.of(m.group(1)).getFileName().toString() : null;
  }

  private static String firstLine(String message) {
    return ErrorText.firstLine(message, "unreadable");
  }
}
