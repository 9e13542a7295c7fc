package dev.sitepulse.pinger.config;

/**
 * A value that a config record rejects when it is built. Naming the key lets the reader point at
 * the value's own place instead of the end of the mapping where construction happens.
 */
public final class InvalidValueException extends IllegalArgumentException {

  private final String key;
  private final boolean aboutKey;

  public InvalidValueException(String key, String message) {
    this(key, message, false);
  }

  private InvalidValueException(String key, String message, boolean aboutKey) {
    super(message);
    this.key = key;
    this.aboutKey = aboutKey;
  }

  /** A key that is wrong itself, such as a header name OkHttp refuses: the error points at the key, not its value. */
  public static InvalidValueException ofKey(String key, String message) {
    return new InvalidValueException(key, message, true);
  }

  /** Whether the key itself is what is wrong, rather than its value. */
  public boolean aboutKey() {
    return aboutKey;
  }

  /** The key as written in the config, e.g. {@code max-redirects}. */
  public String key() {
    return key;
  }
}
