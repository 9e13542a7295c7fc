package dev.sitepulse.pinger.config;

/**
 * A config that cannot be used. The message is one line that names the file, the line and the
 * key path, e.g. {@code sitepulse.yaml:14:9: targets[2].timeout: "10x" is not a duration}.
 */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
