package dev.sitepulse.pinger.config;

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
    if (message == null || message.chars().noneMatch(ConfigException::unprintable)) {
      return message;
    }
    StringBuilder out = new StringBuilder(message.length() + 16);
    message.chars().forEach(c -> out.append(unprintable(c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return out.toString();
  }

  /** A control character, a line or paragraph separator, or a bidi control that reorders the text after it. */
  private static boolean unprintable(int c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
        || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
  }
}
