package dev.sitepulse.pinger.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookTest {

  @Test
  void aSlackHookShowsItsHostButNoneOfItsPath() {
    assertThat(Webhook.redact("https://hooks.slack.com/services/T000/B000/XXXX"))
        .isEqualTo("https://hooks.slack.com/…");
  }

  @Test
  void aTokenInTheFirstOfSeveralSegmentsIsHidden() {
    assertThat(Webhook.redact("https://api.telegram.org/bot123456:AAHsecret/sendMessage?chat_id=42"))
        .isEqualTo("https://api.telegram.org/…");
    assertThat(Webhook.redact("https://hc-ping.com/0b3a5c2e-6f1d-4c8e-9a7b-2d4e6f8a0c1e/fail"))
        .isEqualTo("https://hc-ping.com/…");
  }

  @Test
  void aSinkAnEarlierVersionRedactedWithItsFirstSegmentIsShownWithoutIt() {
    assertThat(Webhook.shownSink("https://api.telegram.org/bot123456:AAHsecret/…"))
        .isEqualTo("https://api.telegram.org/…");
  }

  @Test
  void aLoneSegmentMayBeTheSecretSoItIsHiddenToo() {
    assertThat(Webhook.redact("https://ntfy.sh/my-secret-topic")).isEqualTo("https://ntfy.sh/…");
  }

  @Test
  void aQueryIsHiddenAndAPortOtherThanTheDefaultKept() {
    assertThat(Webhook.redact("http://127.0.0.1:8080/v1/spaces/AAA/messages?key=k&token=t"))
        .isEqualTo("http://127.0.0.1:8080/…");
    assertThat(Webhook.redact("http://alerts.example.com:8080/?token=t")).isEqualTo("http://alerts.example.com:8080/…");
  }

  @Test
  void userInfoIsNeverShown() {
    assertThat(Webhook.redact("https://bot:hunter2@alerts.example.com/")).isEqualTo("https://alerts.example.com/");
  }

  @Test
  void aBareHostHasNothingToHide() {
    assertThat(Webhook.redact("https://alerts.example.com")).isEqualTo("https://alerts.example.com/");
    assertThat(Webhook.redact("http://[::1]:9000/")).isEqualTo("http://[::1]:9000/");
  }

  @Test
  void theWebhookShowsItsOwnUrlRedacted() {
    assertThat(new Webhook("https://discord.com/api/webhooks/123/token", Webhook.Format.JSON, Duration.ofSeconds(5), 0,
        Map.of()).shownUrl())
        .isEqualTo("https://discord.com/…");
  }

  @Test
  void aWebhookTakesTenRetriesButNotElevenAsATargetDoes() {
    assertThat(new Webhook("https://alerts.example.com/", Webhook.Format.JSON, Duration.ofSeconds(5), 10, Map.of())
        .retries()).isEqualTo(10);
    assertThatThrownBy(() -> new Webhook("https://alerts.example.com/", Webhook.Format.JSON, Duration.ofSeconds(5), 11, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retries must be 0 to 10, got 11");
  }

  @Test
  void spaceAroundAWebhooksUrlIsDroppedAsAroundATargets() {
    assertThat(new Webhook("  https://alerts.example.com/hook\n", Webhook.Format.JSON, Duration.ofSeconds(5), 0,
        Map.of()).url()).isEqualTo("https://alerts.example.com/hook");
    assertThat(new Webhook(" https://bot:pw@alerts.example.com/hook ", Webhook.Format.JSON, Duration.ofSeconds(5), 0,
        Map.of()).url()).isEqualTo("https://alerts.example.com/hook");
  }
}
