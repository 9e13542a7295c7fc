package dev.sitepulse.cli;

/** Input the user must fix, reported as one line with exit code 3. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
