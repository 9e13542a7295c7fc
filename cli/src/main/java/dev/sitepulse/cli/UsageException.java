package dev.sitepulse.cli;

import dev.sitepulse.pinger.config.InvalidValueException;

/** Input the user must fix, reported as one line with exit code 3. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }

  /**
   * A value refused after the config file's were checked (those at their line and key as the file
   * was read) is one typed on the command line: its error names the option as typed,
   * {@code --delay can be at most 1h}, as search's and analyze's do, not the file's key.
   */
  public static UsageException ofOption(InvalidValueException e) {
    String message = e.getMessage();
    return new UsageException(message.startsWith(e.key() + " ") ? "--" + message : message);
  }
}
