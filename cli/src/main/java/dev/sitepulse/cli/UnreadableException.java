package dev.sitepulse.cli;

/**
 * Data a command needs is there but cannot be read (a database SQLite cannot open or read, in a
 * folder it may not write in, say): no input the user can fix, so one line with exit code 2, as
 * a run that failed.
 */
public final class UnreadableException extends RuntimeException {
  public UnreadableException(String message) {
    super(message);
  }
}
