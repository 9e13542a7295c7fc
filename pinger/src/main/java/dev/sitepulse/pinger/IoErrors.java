package dev.sitepulse.pinger;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.sql.SQLException;

/** Why a file or folder could not be used, in words: NIO's own messages are often the path alone. */
public final class IoErrors {

  private IoErrors() {}

  public static String why(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return String.valueOf(e.getMessage());
  }

  /**
   * Why {@code Files.createDirectories(dir)} failed, as watch and crawl say it of their --data
   * folder: there a missing folder can only be a parent that cannot hold one (under /proc, say).
   */
  public static String cannotCreateFolder(Path dir, IOException e) {
    return "cannot create the folder " + dir + ": " + (e instanceof NoSuchFileException ? "its parent cannot hold it" : why(e));
  }

  /** SQLite's primary result code for a file that is not a database. */
  private static final int SQLITE_NOTADB = 26;

  /**
   * Why SQLite could not use a database file. A file of another kind gets plain words instead of
   * the driver's "[SQLITE_NOTADB] File opened that is not a database file (file is not a database)".
   */
  public static String why(SQLException e) {
    if (notADatabase(e)) {
      return "not an SQLite database";
    }
    return String.valueOf(e.getMessage());
  }

  /** SQLite's primary result code for a file it could not open. */
  private static final int SQLITE_CANTOPEN = 14;

  /**
   * Why SQLite could not use {@code file}: as {@link #why(SQLException)}, and a file this user may
   * not read as "permission denied" rather than "[SQLITE_CANTOPEN] Unable to open the database file".
   */
  public static String why(SQLException e, Path file) {
    if (e.getErrorCode() == SQLITE_CANTOPEN && Files.exists(file) && !Files.isReadable(file)) {
      return "permission denied";
    }
    return why(e);
  }

  /** Whether SQLite found a file of another kind: the user's to fix, not a failure to read. */
  public static boolean notADatabase(SQLException e) {
    return e.getErrorCode() == SQLITE_NOTADB;
  }
}
