package dev.sitepulse.cli.config;

import static dev.sitepulse.cli.config.ConfigErrors.FILE;
import static dev.sitepulse.cli.config.ConfigErrors.assertConfigError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A key or list item written with nothing after it: an error where a value is needed, else "none". */
class EmptyValuesTest {

  @Test
  void aTargetHeaderWithoutAValueNamesTheHeaderAndWhereItsValueShouldBe() {
    assertConfigError("""
        targets:
          - name: a
            url: http://127.0.0.1/
            headers:
              X-A:
        """).isEqualTo(FILE + ":5:11: targets[0].headers.X-A (target \"a\"): expected a string, got nothing");
  }

  @Test
  void aDefaultHeaderWithoutAValueIsRejectedTheSameWay() {
    assertConfigError("""
        defaults:
          headers:
            X-A:
        """).isEqualTo(FILE + ":3:9: defaults.headers.X-A: expected a string, got nothing");
  }

  @Test
  void anEmptyConditionItemIsRejected() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
            conditions:
              -
        """).isEqualTo(FILE + ":4:8: targets[0].conditions[0]: expected a condition, got nothing");
  }

  @Test
  void anEmptyWebhookItemIsRejected() {
    assertConfigError("""
        watch:
          webhooks:
            -
        """).isEqualTo(FILE + ":3:6: watch.webhooks[0]: expected a mapping of keys to values, got nothing");
  }

  @Test
  void anEmptyTargetItemIsRejected() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
          -
        """).isEqualTo(FILE + ":3:4: targets[1]: expected a mapping of keys to values, got nothing");
  }

  @Test
  void anEmptyScalarKeyIsRejectedRatherThanTakenAsAbsent() {
    assertConfigError("""
        defaults:
          timeout:
        """).startsWith(FILE + ":2:").endsWith(": defaults.timeout: expected a duration, got nothing");
    assertConfigError("""
        targets:
          - url:
        """).startsWith(FILE + ":2:").endsWith(": targets[0].url: expected a string, got nothing");
  }

  @Test
  void aHeaderEmptiedByAnUnsetVariableIsRejected() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
            headers:
              Authorization: ${TOKEN:-}
        """, Map.of()).contains("targets[0].headers.Authorization: expected a string, got nothing");
  }

  @Test
  void emptySectionsAndListsMeanNone() {
    SitepulseConfig config = SitepulseConfig.read("""
        defaults:
        targets:
          - url: http://127.0.0.1/
            headers:
            conditions:
        watch:
          webhooks:
        crawl:
        """, FILE, Map.of());

    assertThat(config.targets()).singleElement().satisfies(t -> {
      assertThat(t.headers()).isNull();
      assertThat(t.conditions()).isNull();
    });
    assertThat(config.watch().webhooks()).isEmpty();
  }

  @Test
  void anEmptyStringInQuotesIsAValue() {
    SitepulseConfig config = SitepulseConfig.read("""
        targets:
          - url: http://127.0.0.1/
            headers:
              X-Empty: ""
        """, FILE, Map.of());

    assertThat(config.targets().get(0).headers()).containsEntry("X-Empty", "");
  }
}
