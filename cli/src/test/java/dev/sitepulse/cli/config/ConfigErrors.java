package dev.sitepulse.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.config.ConfigException;
import java.util.Map;
import org.assertj.core.api.AbstractStringAssert;

/** Reads a config that must fail, and hands its one-line message to assertions. */
final class ConfigErrors {

  static final String FILE = "sitepulse.yaml";

  private ConfigErrors() {}

  static AbstractStringAssert<?> assertConfigError(String yaml) {
    return assertConfigError(yaml, Map.of());
  }

  /** Reads the config, expecting a ConfigException whose message is exactly one line. */
  static AbstractStringAssert<?> assertConfigError(String yaml, Map<String, String> env) {
    ConfigException error = null;
    try {
      SitepulseConfig.read(yaml, FILE, env);
    } catch (ConfigException e) {
      error = e;
    }
    assertThat(error).as("a ConfigException for:%n%s", yaml).isNotNull();
    String message = error.getMessage();
    assertThat(message).as("one line").doesNotContain("\n").doesNotContain("\r");
    return assertThat(message);
  }
}
