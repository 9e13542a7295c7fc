package dev.sitepulse.pinger.watch;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where alerts are POSTed.
 *
 * @param timeout bounds one delivery attempt, connect to response
 * @param retries extra attempts after a failed one, with backoff
 */
public record Webhook(String url, Format format, Duration timeout, int retries, Map<String, String> headers) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_RETRIES = 3;

  /** The body of a delivery. */
  public enum Format {
    /** A generic JSON document with every field of the alert. */
    JSON,
    /** {@code {"text": ...}}, as Slack incoming webhooks (and Mattermost, Discord's /slack) take. */
    SLACK
  }

  public Webhook {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(timeout, "timeout");
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
    }
  }

  public static Webhook json(String url) {
    return new Webhook(url, Format.JSON, DEFAULT_TIMEOUT, DEFAULT_RETRIES, Map.of());
  }
}
