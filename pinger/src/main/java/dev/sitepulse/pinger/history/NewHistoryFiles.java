package dev.sitepulse.pinger.history;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What opening a history for writing makes that was not there before: the data folder (and any
 * parent it needed), the lock file, {@code history.db} and SQLite's files beside it. A watch that
 * does not start takes them back, so that {@code report} finds no empty history where no watch
 * ran, and the folder is as the user left it (a full disk fails SQLite after it made the file).
 */
public final class NewHistoryFiles {

  private static final List<String> SQLITE_SUFFIXES = List.of("", "-wal", "-shm", "-journal");

  /** Files that did not exist, each deleted only if it does now. */
  private final List<Path> files = new ArrayList<>();
  /** Folders that did not exist, innermost first. */
  private final List<Path> folders = new ArrayList<>();

  private NewHistoryFiles() {}

  /** Notes what is missing before a history is opened in {@code dir}. */
  static NewHistoryFiles before(Path dir, Path lockFile) {
    NewHistoryFiles made = new NewHistoryFiles();
    for (Path p = dir.toAbsolutePath(); p != null && Files.notExists(p); p = p.getParent()) {
      made.folders.add(p);
    }
    Path history = dir.resolve(SqliteHistory.FILE_NAME);
    for (String suffix : SQLITE_SUFFIXES) {
      Path file = history.resolveSibling(history.getFileName() + suffix);
      if (Files.notExists(file)) {
        made.files.add(file);
      }
    }
    if (Files.notExists(lockFile)) {
      made.files.add(lockFile);
    }
    return made;
  }

  /** Deletes the files it made: while the lock is held, so that no second watch takes a lock file about to go. */
  void deleteFiles() throws IOException {
    for (Path file : files) {
      Files.deleteIfExists(file);
    }
  }

  /** Deletes the folders it made, those left empty: something else may have been put there meanwhile. */
  void deleteFolders() throws IOException {
    for (Path folder : folders) {
      try {
        Files.deleteIfExists(folder);
      } catch (DirectoryNotEmptyException e) {
        return; // not ours alone any more, nor are the folders above it
      }
    }
  }

  /** Takes back all it made, once the history is closed. */
  public void takeBack() throws IOException {
    deleteFiles();
    deleteFolders();
  }
}
