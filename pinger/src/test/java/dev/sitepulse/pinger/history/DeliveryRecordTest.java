package dev.sitepulse.pinger.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryRecordTest {

  @Test
  void aWebhookUrlReadFromAnOlderHistoryIsShownWithoutItsSecret() {
    DeliveryRecord d = new DeliveryRecord("api", Instant.EPOCH, "CHANGE",
        "https://hooks.slack.com/services/T000/B000/XXXXSECRET", false, 3, "HTTP 500");

    assertThat(d.sink()).isEqualTo("https://hooks.slack.com/services/…");
  }

  @Test
  void theLogSinkKeepsItsName() {
    assertThat(new DeliveryRecord("api", Instant.EPOCH, "CHANGE", "log", true, 1, null).sink()).isEqualTo("log");
  }
}
