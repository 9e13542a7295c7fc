package dev.sitepulse.pinger.history;

import dev.sitepulse.pinger.DataDirLock;
import dev.sitepulse.pinger.IoErrors;
import java.sql.SQLException;

/** The history cannot be opened, read or written; the message names the file. */
public final class HistoryException extends RuntimeException {

  public HistoryException(String message) {
    super(message);
  }

  public HistoryException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Another writer has the history's folder: a wait or another folder helps, a fix of the config does not. */
  public boolean inUse() {
    return getCause() instanceof DataDirLock.Unavailable u && u.inUse();
  }

  /**
   * The file system or SQLite would not let the history be read or written (a permission, a disk, a
   * lock file that cannot be made): no mistake in what was asked for, as a history that is not
   * there, a file of another kind or a data folder that is a file are.
   */
  public boolean unreadable() {
    return getCause() instanceof DataDirLock.Unavailable u && !u.inUse()
        || getCause() instanceof SQLException sql && !IoErrors.notADatabase(sql);
  }
}
