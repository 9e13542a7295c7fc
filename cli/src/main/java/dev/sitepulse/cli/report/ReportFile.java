package dev.sitepulse.cli.report;

import dev.sitepulse.cli.UsageException;
import dev.sitepulse.pinger.IoErrors;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where {@code report -o FILE} writes, so that a reader never sees half a page: beside the file,
 * then renamed over it. A symlink stays a link and what it points to is replaced, or created if
 * it does not exist yet; a device or a pipe is written to. Every failure is a {@link
 * UsageException} naming FILE.
 */
final class ReportFile {

  /** As Linux gives up (ELOOP): a chain this long is a loop. */
  private static final int MAX_LINKS = 40;

  /** Writes the report into a stream it is given. */
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private ReportFile() {}

  static void write(Path output, Content content) {
    try {
      if (Files.isDirectory(output)) {
        throw new UsageException("cannot write " + output + ": it is a folder; give a file name");
      }
      if (Files.exists(output) && !Files.isRegularFile(output)) {
        // A device or a pipe (-o /dev/stdout, /dev/null) is written to; moving a file over it would
        // replace the device itself.
        try (OutputStream out = Files.newOutputStream(output, StandardOpenOption.WRITE)) {
          content.writeTo(out);
        }
        return;
      }
      replace(linkTarget(output), output, content);
    } catch (IOException e) {
      throw new UsageException("cannot write " + output + ": " + IoErrors.why(e));
    }
  }

  private static void replace(Path target, Path output, Content content) throws IOException {
    Path folder = target.getParent();
    if (!Files.isDirectory(folder)) {
      throw new UsageException("cannot write " + output + ": there is no folder " + folder);
    }
    Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid());
    try {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        content.writeTo(out);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw e;
    }
  }

  /**
   * The file a path ends at, through any chain of links, as open(2) follows them, but also when
   * the last link dangles (toRealPath would fail there). A relative link is read from its folder.
   */
  private static Path linkTarget(Path output) throws IOException {
    Path p = output.toAbsolutePath();
    for (int links = 0; Files.isSymbolicLink(p); links++) {
      if (links == MAX_LINKS) {
        throw new FileSystemException(output.toString(), null, "too many levels of symbolic links");
      }
      p = p.resolveSibling(Files.readSymbolicLink(p));
    }
    return p;
  }

  private static void deleteQuietly(Path tmp) {
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException ignored) {
      // The write already failed, and that is the error to report; a stray dot-file is the lesser harm.
    }
  }
}
