package dev.sitepulse.pinger.config;

import dev.sitepulse.pinger.ErrorText;

/**
 * A config that cannot be used. The message is one line that names the file, the line and the
 * key path, e.g. {@code sitepulse.yaml:14:9: targets[2].timeout: "10x" is not a duration}. Keys
 * and values it quotes keep their control characters escaped ({@code \u001b}): raw, an escape
 * sequence would act on the terminal that shows it, and a NUL or U+2028 end the line early.
 */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(escaped(message));
  }

  public ConfigException(String message, Throwable cause) {
    super(escaped(message), cause);
  }

  private static String escaped(String message) {
    return message == null ? null : ErrorText.printable(message);
  }
}
