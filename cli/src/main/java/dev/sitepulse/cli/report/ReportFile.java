package dev.sitepulse.cli.report;

import dev.sitepulse.cli.ReaderLeft;
import dev.sitepulse.cli.Symlinks;
import dev.sitepulse.cli.UsageException;
import dev.sitepulse.pinger.IoErrors;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where {@code report -o FILE} writes, so that a reader never sees half a page: beside the file,
 * then renamed over it. A symlink stays a link and what it points to ({@link Symlinks#end}) is
 * replaced, or created if it does not exist yet; a device or a pipe is written to, and a pipe whose
 * reader left early is no failure. Every failure is a {@link UsageException} naming FILE.
 */
final class ReportFile {

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
        // replace the device itself. A pipe's reader that left (| head) is no failure, as on stdout.
        try (OutputStream out = Files.newOutputStream(output, StandardOpenOption.WRITE)) {
          content.writeTo(out);
        } catch (IOException e) {
          if (!ReaderLeft.of(e)) {
            throw e;
          }
        }
        return;
      }
      replace(Symlinks.end(output), output, content);
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

  private static void deleteQuietly(Path tmp) {
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException ignored) {
      // The write already failed, and that is the error to report; a stray dot-file is the lesser harm.
    }
  }
}
