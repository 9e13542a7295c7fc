package dev.sitepulse.pinger.config;

import dev.sitepulse.pinger.DataDirLock;
import dev.sitepulse.pinger.watch.ListenAddress;
import dev.sitepulse.pinger.watch.Thresholds;
import dev.sitepulse.pinger.watch.Webhook;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code watch:} section: where {@code sitepulse watch} serves and keeps its history, how many
 * results it takes to change a target's state, and whom it tells. Every key is optional.
 *
 * @param listen host:port of the metrics and status server, loopback by default
 * @param data the folder of {@code history.db}
 * @param retention how long check results are kept
 * @param failureThreshold consecutive worse results that change the state (UP to DOWN)
 * @param successThreshold consecutive better results that change it back
 * @param reminder alert again this often while a target stays DOWN; absent means never
 */
public record WatchSpec(
    String listen,
    String data,
    Duration retention,
    Integer failureThreshold,
    Integer successThreshold,
    Duration reminder,
    List<WebhookSpec> webhooks) {

  public static final String DEFAULT_LISTEN = "127.0.0.1:9321";
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  public static final WatchSpec NONE = new WatchSpec(null, null, null, null, null, null, null);

  public WatchSpec {
    webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    if (listen != null) {
      try {
        ListenAddress.parse(listen);
      } catch (IllegalArgumentException e) {
        throw new InvalidValueException("listen", e.getMessage());
      }
    }
    if (data != null && data.isBlank()) {
      throw new InvalidValueException("data", "data must name a folder");
    }
    if (data != null) {
      try {
        Path.of(data); // as watch will use it, so a NUL fails here rather than at start-up
      } catch (InvalidPathException e) {
        throw new InvalidValueException("data", "data is not a folder name: " + e.getReason());
      }
    }
    if (retention != null && retention.compareTo(Duration.ofHours(1)) < 0) {
      throw new InvalidValueException("retention", "retention must be at least 1h, got " + Durations.format(retention));
    }
    if (failureThreshold != null && failureThreshold < 1) {
      throw new InvalidValueException("failure-threshold", "failure-threshold must be at least 1, got " + failureThreshold);
    }
    if (successThreshold != null && successThreshold < 1) {
      throw new InvalidValueException("success-threshold", "success-threshold must be at least 1, got " + successThreshold);
    }
    if (reminder != null && reminder.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new InvalidValueException("reminder", "reminder must be at least 1m, got " + Durations.format(reminder));
    }
  }

  public ListenAddress listenAddress() {
    return ListenAddress.parse(listen != null ? listen : DEFAULT_LISTEN);
  }

  public String dataOrDefault() {
    return data != null ? data : DataDirLock.DEFAULT_FOLDER;
  }

  public Duration retentionOrDefault() {
    return retention != null ? retention : DEFAULT_RETENTION;
  }

  public Thresholds thresholds() {
    return new Thresholds(
        failureThreshold != null ? failureThreshold : Thresholds.DEFAULT.failures(),
        successThreshold != null ? successThreshold : Thresholds.DEFAULT.successes());
  }

  public List<Webhook> toWebhooks() {
    return webhooks.stream().map(WebhookSpec::toWebhook).toList();
  }
}
