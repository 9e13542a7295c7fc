package dev.sitepulse.cli.config;

import static dev.sitepulse.cli.config.ConfigErrors.FILE;
import static dev.sitepulse.cli.config.ConfigErrors.assertConfigError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Headers and bodies that OkHttp would refuse to send fail when the config is read, not at every check. */
class RequestSettingsTest {

  @Test
  void aHeaderNameWithASpaceIsRejectedAtItsLine() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
            headers:
              X A: b
        """).isEqualTo(FILE + ":4:7: targets[0].headers.X A: not a valid header name: unexpected char 0x20 at 1");
  }

  @Test
  void aHeaderValueWithALineBreakIsRejectedOnOneLine() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
            headers:
              X-A: "b\\nc"
        """).isEqualTo(FILE + ":4:12: targets[0].headers.X-A: not a valid header value: unexpected char 0x0a at 1");
  }

  @Test
  void aHeaderValueBeyondAsciiIsRejected() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
            headers:
              X-A: café
        """).isEqualTo(FILE + ":4:12: targets[0].headers.X-A: not a valid header value: unexpected char 0xe9 at 3");
  }

  @Test
  void defaultAndWebhookHeadersAndTheUserAgentAreCheckedToo() {
    assertConfigError("defaults:\n  headers:\n    X-A: café\n")
        .isEqualTo(FILE + ":3:10: defaults.headers.X-A: not a valid header value: unexpected char 0xe9 at 3");
    assertConfigError("defaults:\n  user-agent: sitepulse ✓\n")
        .isEqualTo(FILE + ":2:15: defaults.user-agent: not a valid header value: unexpected char 0x2713 at 10");
    assertConfigError("watch:\n  webhooks:\n    - url: http://127.0.0.1/\n      headers:\n        Bad Name: x\n")
        .isEqualTo(FILE + ":5:9: watch.webhooks[0].headers.Bad Name: not a valid header name: unexpected char 0x20 at 3");
  }

  @Test
  void aGetOrHeadWithABodyIsRejected() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
            method: get
            body: hello
        """).isEqualTo(FILE + ":4:11: targets[0].body: method GET takes no body");
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
            method: HEAD
            body: ""
        """).isEqualTo(FILE + ":4:11: targets[0].body: method HEAD takes no body");
  }

  @Test
  void aBodyConditionOnAHeadIsRejectedAtTheCondition() {
    // A HEAD response has no body: the check failed every time as "body is empty, not JSON".
    assertConfigError("""
        targets:
          - url: http://a/
            method: HEAD
            conditions:
              - "[STATUS] == 200"
              - "len([BODY].items) > 0"
        """).isEqualTo(FILE + ":6:9: targets[0].conditions[1]: condition \"len([BODY].items) > 0\" reads the body,"
            + " which a response to HEAD never has; use GET");
    assertConfigError("""
        targets:
          - url: http://a/
            method: head
            conditions: ["[BODY] == pat(*ok*)"]
        """).startsWith(FILE + ":4:");
  }

  @Test
  void aBodyWithoutAMethodIsRejectedSinceTheDefaultIsGet() {
    assertConfigError("""
        targets:
          - url: http://127.0.0.1/
            body: hello
        """).isEqualTo(FILE + ":3:11: targets[0].body: method GET (the default) takes no body");
  }

  @Test
  void methodsThatSendABodyAndHeadersOkHttpAcceptsPass() {
    SitepulseConfig config = SitepulseConfig.read("""
        targets:
          - url: http://127.0.0.1/
            method: POST
            body: '{"a": 1}'
            headers:
              Content-Type: application/json
              X-Tab: "a\\tb"
          - url: http://127.0.0.1/items/1
            method: DELETE
            body: x
        """, FILE, Map.of());

    assertThat(config.targets()).hasSize(2);
  }
}
