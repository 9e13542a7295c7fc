package dev.sitepulse.pinger.history;

import dev.sitepulse.pinger.DataDirLock;

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
}
