package dev.sitepulse.crawler.search;

import dev.sitepulse.crawler.index.IndexErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * An index folder with no commit to search: its crawl has not committed its first pages yet, or
 * stopped before it did. Unlike a damaged index, it is worth trying again.
 */
public final class NoCommitException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  private final String indexDir;
  private final boolean segmentFiles;

  NoCommitException(Path indexDir, boolean segmentFiles, IOException cause) {
    super("no index at " + indexDir + " (nothing committed yet)", cause);
    this.indexDir = indexDir.toString();
    this.segmentFiles = segmentFiles;
  }

  /**
   * Whether the folder holds segment files all the same. A writer writes them before its commit
   * point (segments_N): while one runs, that is its first commit on its way; with none running,
   * the commit point was deleted, and the index is damaged ({@link #asDamage()}).
   */
  public boolean holdsSegmentFiles() {
    return segmentFiles;
  }

  /** The one line of a damaged index for this folder, whose segment files have no commit point. */
  public UncheckedIOException asDamage() {
    return new UncheckedIOException("cannot open index " + indexDir + ": " + IndexErrors.withoutCommitPoint(),
        getCause());
  }
}
