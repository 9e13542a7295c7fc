package dev.sitepulse.pinger.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitepulse.pinger.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a webhook receives: JSON a chat or a web view shows as the target's name reads. */
class WebhookPayloadTest {

  @Test
  void aTargetNameWithABidiOverrideIsSentEscapedAsEveryJsonOfSitepulseIs() {
    Instant at = Instant.parse("2026-12-07T12:00:00Z");
    Alert alert = new Alert(Alert.Kind.CHANGE, "shop \u202Egnp.exe", "http://shop.example/", "web", State.UP,
        State.DOWN, at, at, Duration.ZERO, Verdict.DOWN, 500, "condition failed");

    String json = new String(WebhookPayload.of(Webhook.Format.JSON, alert), StandardCharsets.UTF_8);

    assertThat(json).contains("\"target\":\"shop \\u202Egnp.exe\"").doesNotContain("\u202E");
  }
}
