package dev.sitepulse.crawler.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * An index folder with no commit to search: its crawl has not committed its first pages yet, or
 * stopped before it did. Unlike a damaged index, it is worth trying again.
 */
public final class NoCommitException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  NoCommitException(Path indexDir, IOException cause) {
    super("no index at " + indexDir + " (nothing committed yet)", cause);
  }
}
