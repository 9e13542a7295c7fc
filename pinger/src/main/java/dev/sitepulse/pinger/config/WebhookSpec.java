package dev.sitepulse.pinger.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.sitepulse.pinger.Target;
import dev.sitepulse.pinger.watch.Webhook;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * One entry of {@code watch.webhooks:}: where alerts are POSTed and how.
 *
 * @param format {@code json} (a generic document) or {@code slack} (an incoming-webhook payload)
 * @param timeout per delivery attempt, 5s by default
 * @param retries extra attempts after a failed delivery, 3 by default
 * @param headers sent with every delivery, e.g. an Authorization token from ${ENV}
 */
public record WebhookSpec(
    @JsonDeserialize(using = ValueDeserializers.WebhookUrlText.class) String url,
    String format,
    Duration timeout,
    Integer retries,
    Map<String, String> headers) {

  public WebhookSpec {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    RequestChecks.headers(headers);
    if (url == null) {
      throw new InvalidValueException("url", "url is required");
    }
    if (format != null) {
      try {
        Webhook.Format.valueOf(format.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidValueException("format", EnumChoices.refusal(Webhook.Format.class, format));
      }
    }
    if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
      throw new InvalidValueException("timeout",
          "timeout must be positive, got " + Durations.format(timeout));
    }
    String badRetries = retries == null ? null : Target.whyBadRetries(retries);
    if (badRetries != null) {
      throw new InvalidValueException("retries", badRetries);
    }
  }

  public Webhook toWebhook() {
    return new Webhook(
        url,
        format == null ? Webhook.Format.JSON : Webhook.Format.valueOf(format.toUpperCase(Locale.ROOT)),
        timeout != null ? timeout : Webhook.DEFAULT_TIMEOUT,
        retries != null ? retries : Webhook.DEFAULT_RETRIES,
        headers);
  }
}
