package dev.sitepulse.pinger.config;

/**
 * A value that a config record rejects when it is built. Naming the key lets the reader point at
 * the key's own line instead of the end of the mapping where construction happens.
 */
public final class InvalidValueException extends IllegalArgumentException {

  private final String key;

  public InvalidValueException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** The key as written in the config, e.g. {@code max-redirects}. */
  public String key() {
    return key;
  }
}
